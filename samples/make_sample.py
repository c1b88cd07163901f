#!/usr/bin/env python3
"""Generate the sample corpus under samples/corpus/ and its ground truth samples/corpus-truth.jsonl.

The generated files are committed; this script documents how they were made and lets anyone
regenerate them byte for byte. It is not a build step. Python 3 standard library only.

Sources (Debian 12 "bookworm" binary packages, unpacked with dpkg -x):

  sqlite3-doc            3.40.1-2+deb12u2  English. SQLite documentation, public domain.
                                           Reads <src>/sqlite3-doc/usr/share/doc/sqlite3/*.html
  debian-reference-zh-cn 2.100             Chinese (Simplified). Debian Reference, GPL-2+ (or the
                                           verbatim-copying permission notice quoted in
                                           samples/README.md).
                                           Reads <src>/debian-reference-zh-cn/usr/share/debian-reference/*.zh-cn.html

How to rerun (as root on Debian 12, from the repository root):

  apt-get update
  mkdir -p /tmp/sample-src && cd /tmp/sample-src
  apt-get download sqlite3-doc=3.40.1-2+deb12u2 debian-reference-zh-cn=2.100
  dpkg -x sqlite3-doc_*.deb sqlite3-doc
  dpkg -x debian-reference-zh-cn_*.deb debian-reference-zh-cn
  cd - && python3 samples/make_sample.py            # --src /tmp/sample-src --out samples

With the same package versions and the same --seed the output is identical (the .gz has a zero
mtime and no file name). Another package version gives a different but equally valid corpus; the
script warns when the versions differ from the ones above.

What it does:
  1. Pulls <p> paragraphs out of the HTML (markup, tables, code blocks and navigation dropped),
     groups consecutive paragraphs of one section into documents of 150-2000 characters.
  2. Draws 210 English and 140 Chinese base documents at random, skipping any whose word/char
     5-gram Jaccard with an already drawn one is >= 0.3 (so the base set has no near-duplicates).
  3. Shards: en/part-0.jsonl (150 en), zh/part-1.jsonl.gz (100 zh), mixed/part-2.jsonl (60 en + 40 zh).
  4. Picks 36 seeds for near-duplicate variants (22 en, 14 zh; two kinds each) and 4 more seeds
     for hard negatives, and inserts each variant at a random position of a shard other than its
     seed's (en/zh-shard seeds -> mixed; mixed-shard seeds -> the shard of their language).
  5. Writes corpus-truth.jsonl in the families format `dedup eval --truth` reads: {"id", "family"}
     for each seed with near-duplicates (family = its own id) and each of its variants (family =
     the seed's id, with "seed_id" and "kind"); a hard negative is a family of its own.
  Variant kinds: exact, whitespace_case, punct_width (zh only), small_edit (1-2% of words/chars),
  boilerplate (header + footer), truncate_90, and hard_negative (about 25% of the words/chars
  replaced in short runs; NOT a duplicate of its seed).
  6. Prints per-shard and per-kind counts and the min/max 5-gram Jaccard of each kind to its seed
     (tokens: NFKC + casefold, words of letters/digits, each CJK character a token).
"""

import argparse
import collections
import gzip
import html
import io
import json
import os
import random
import re
import sys
import unicodedata

SEED = 20240601
EXPECTED_VERSIONS = {"sqlite3-doc": "3.40.1-2+deb12u2", "debian-reference-zh-cn": "2.100"}

N_BASE = {"en": 210, "zh": 140}
N_BASE_MIXED = {"en": 60, "zh": 40}          # of N_BASE, how many go to mixed/
N_SEEDS = {"en": 22, "zh": 14}                 # seeds with two near-duplicate variants each
N_HARD_NEG = {"en": 2, "zh": 2}                # extra seeds with one hard negative each
KINDS = {
    "en": ["exact", "whitespace_case", "small_edit", "boilerplate", "truncate_90"],
    "zh": ["exact", "whitespace_case", "punct_width", "small_edit", "boilerplate", "truncate_90"],
}
ID_SUFFIX = {
    "exact": "dup-exact", "whitespace_case": "dup-ws", "punct_width": "dup-punct",
    "small_edit": "dup-edit", "boilerplate": "dup-boiler", "truncate_90": "dup-trunc",
    "hard_negative": "neg-edit",
}
SHARDS = {"en": "en/part-0.jsonl", "zh": "zh/part-1.jsonl.gz", "mixed": "mixed/part-2.jsonl"}

# sqlite3-doc pages that are indexes, lists, news, legal forms or mostly non-prose.
SQLITE_SKIP = {
    "changes", "chronology", "doc_backlink_crossref", "doc_keyword_crossref",
    "doc_pagelink_crossref", "doc_target_crossref", "doclist", "docs", "index",
    "keyword_index", "sitemap", "news", "oldnews", "capi3ref", "requirements", "opcode",
    "consortium_agreement-20071201", "pressrelease-20071212", "copyright-release", "books",
    "crew", "famous", "lang_keywords", "syntaxdiagrams", "syntax", "download", "mingw",
    "codeofethics", "codeofconduct", "lang", "cves", "vtablist",
}

CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
TOKEN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


# ----------------------------------------------------------------------------- extraction

def read_version(pkg_root, pkg):
    for name in ("changelog.Debian.gz", "changelog.gz"):
        path = os.path.join(pkg_root, "usr/share/doc", pkg, name)
        if os.path.exists(path):
            with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
                m = re.match(r"\S+ \(([^)]+)\)", f.readline())
                if m:
                    return m.group(1)
    return None


def drop_nested(text, tag, attrs=""):
    """Remove every <tag ...>...</tag> whose opening tag contains attrs, nesting-aware."""
    out, depth, pos = [], 0, 0
    for m in re.finditer(r"<(/?)%s\b[^>]*>" % tag, text, re.I):
        if m.group(1):
            if depth > 0:
                depth -= 1
                if depth == 0:
                    pos = m.end()
        elif depth > 0:
            depth += 1
        elif attrs in m.group(0):
            out.append(text[pos:m.start()])
            depth = 1
    if depth == 0:
        out.append(text[pos:])
    return "".join(out)


def clean_inline(fragment, lang):
    s = re.sub(r"<[^>]+>", "", fragment)
    s = html.unescape(s).replace("\u00a0", " ")
    s = re.sub(r"\s+", " ", s).strip()
    if lang == "zh":
        # line wrapping inside Chinese text is not a space
        s = re.sub(r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]) (?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])", "", s)
    return s


def html_blocks(text, lang):
    """Yield ("h", text) for headings and ("p", text) for paragraphs, in document order."""
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    for tag in ("script", "style", "pre", "table", "blockquote"):
        text = drop_nested(text, tag)
    text = drop_nested(text, "div", 'class="toc"')          # DocBook tables of contents
    text = drop_nested(text, "div", 'class="navheader"')
    text = drop_nested(text, "div", 'class="navfooter"')
    parts = re.split(r"(<(?:/?(?:p|h[1-6]|div|ul|ol|li|dt|dd|hr|br|tr|td|th|center|form|nav))\b[^>]*>)", text, flags=re.I)
    kind = None
    for part in parts:
        m = re.match(r"<(/?)(\w+)", part)
        if m:
            name = m.group(2).lower()
            if not m.group(1) and name in ("p", "li", "dd"):
                kind = "p"
            elif not m.group(1) and re.fullmatch(r"h[1-6]", name):
                kind = "h"
                yield ("h", "")
            else:
                kind = None
            continue
        if kind == "p":
            s = clean_inline(part, lang)
            if s:
                yield ("p", s)


def good_paragraph(p, lang):
    if len(p) < (40 if lang == "en" else 10) or len(p) > 1800:
        return False
    if lang == "en":
        letters = sum(c.isalpha() for c in p)
        return letters / len(p) > 0.7 and p[-1] in ".:;!?)\"'" and len(p.split()) >= 10
    cjk = len(CJK_RE.findall(p))
    return cjk >= 5 and cjk / len(p.replace(" ", "")) > 0.25


def group_documents(blocks, lang, rng):
    lo, hi = (350, 1500) if lang == "en" else (150, 800)
    docs, cur = [], []
    target = rng.randint(lo, hi)

    def flush():
        if cur:
            doc = "\n\n".join(cur)
            if 150 <= len(doc) <= 2000 and (lang == "en" or len(CJK_RE.findall(doc)) >= 0.4 * len(doc)):
                docs.append(doc)
        cur.clear()

    for kind, s in blocks:
        if kind == "h" or not good_paragraph(s, lang):
            flush()
            target = rng.randint(lo, hi)
            continue
        if cur and len("\n\n".join(cur + [s])) > 2000:
            flush()
            target = rng.randint(lo, hi)
        cur.append(s)
        if len("\n\n".join(cur)) >= target:
            flush()
            target = rng.randint(lo, hi)
    flush()
    return docs


def extract(src, rng):
    cands = {"en": [], "zh": []}
    en_dir = os.path.join(src, "sqlite3-doc/usr/share/doc/sqlite3")
    zh_dir = os.path.join(src, "debian-reference-zh-cn/usr/share/debian-reference")
    for lang, d, pat in (("en", en_dir, r"(.+)\.html$"), ("zh", zh_dir, r"(.+)\.zh-cn\.html$")):
        if not os.path.isdir(d):
            sys.exit(f"missing {d}: unpack the packages first (see the top of this script)")
        for name in sorted(os.listdir(d)):
            m = re.fullmatch(pat, name)
            if not m or (lang == "en" and m.group(1) in SQLITE_SKIP):
                continue
            with open(os.path.join(d, name), encoding="utf-8", errors="replace") as f:
                text = f.read()
            for doc in group_documents(html_blocks(text, lang), lang, rng):
                cands[lang].append(doc)
    return cands


# ----------------------------------------------------------------------------- similarity

def shingles(text, n=5):
    toks = TOKEN_RE.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(toks) < n:
        return {tuple(toks)}
    return {tuple(toks[i:i + n]) for i in range(len(toks) - n + 1)}


def jaccard(a, b):
    return len(a & b) / len(a | b) if a or b else 1.0


# ----------------------------------------------------------------------------- variants

BOILER_EN = [
    ("Home > Documentation > Reference\nLast updated: 2023-03-14 | 4 min read\n\n",
     "\n\nWas this page helpful? Share it: Twitter | Facebook | Email\nCopyright 2024 Example Docs Mirror. All rights reserved."),
    ("[Advertisement] Try our hosted database service free for 30 days!\n\n",
     "\n\nThis article was automatically archived from the web. Terms of use | Privacy policy | Contact us"),
    ("Skip to main content\nMenu  Search  Sign in\n\n",
     "\n\nRelated articles: Getting started, Installation, FAQ\nSubscribe to our newsletter for weekly tips."),
]
BOILER_ZH = [
    ("首页 > 文档中心 > 参考手册\n发布时间：2023-03-14　阅读 1024 次\n\n",
     "\n\n本文转载自互联网，仅供学习交流，如有侵权请联系删除。\n版权所有 © 2024 示例文档镜像站"),
    ("【广告】新用户注册即送三十天免费云主机！\n\n",
     "\n\n喜欢这篇文章吗？欢迎点赞、收藏、转发。\n关于我们 | 联系方式 | 隐私政策"),
    ("跳到主要内容　菜单　搜索　登录\n\n",
     "\n\n相关文章：入门指南、安装说明、常见问题\n扫描二维码关注我们的公众号。"),
]
FILLER_EN = ("the a of to in and is it that for on as with by this be are or can from "
             "file data table database value system user page query index").split()
FULL_TO_HALF = {"，": ",", "。": ".", "；": ";", "：": ":", "！": "!", "？": "?", "（": "(",
                "）": ")", "“": '"', "”": '"', "‘": "'", "’": "'", "、": ",", "【": "[", "】": "]",
                "《": "<", "》": ">", "　": " "}


def v_whitespace_case(text, lang, rng):
    paras = text.split("\n\n")
    out = []
    for p in paras:
        words = p.split(" ")
        ws = []
        for i, w in enumerate(words):
            if lang == "en" and rng.random() < 0.25:
                w = w.lower() if rng.random() < 0.5 else w.upper()
            elif lang == "zh" and re.fullmatch(r"[A-Za-z]+", w) and rng.random() < 0.6:
                w = w.upper()
            ws.append(w)
        seps = [rng.choice(["  ", "\t", " \n", "   "]) if rng.random() < 0.15 else " " for _ in ws[1:]]
        p = ws[0] + "".join(s + w for s, w in zip(seps, ws[1:]))
        if lang == "zh":
            # spaces after some full-width punctuation, and around the Latin runs
            p = re.sub(r"([，。：；])", lambda m: m.group(1) + (" " if rng.random() < 0.4 else ""), p)
            p = re.sub(r"(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9])", lambda m: " " if rng.random() < 0.5 else "", p)
        out.append(p)
    return "  " + "\n \n\n".join(out) + "\n\n"


def v_punct_width(text, lang, rng):
    return "".join(FULL_TO_HALF.get(c, c) for c in text)


def v_small_edit(text, lang, rng, vocab):
    if lang == "en":
        parts = re.split(r"(\s+)", text)
        word_idx = [i for i in range(0, len(parts), 2) if parts[i]]
        n = max(1, round(len(word_idx) * rng.uniform(0.01, 0.02)))
        for i in rng.sample(word_idx, n):
            w, op = parts[i], rng.random()
            if op < 0.4:
                parts[i] = rng.choice(FILLER_EN)                      # substitute
            elif op < 0.6:
                parts[i] = ""                                          # delete
            elif op < 0.8:
                parts[i] = w + " " + rng.choice(FILLER_EN)            # insert
            elif len(w) > 3:
                j = rng.randrange(len(w) - 1)                          # typo: swap letters
                parts[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
            else:
                parts[i] = rng.choice(FILLER_EN)
        return re.sub(r" {2,}", " ", "".join(parts))
    return char_edits(text, rng.uniform(0.01, 0.02), rng, vocab)


def char_edits(text, rate, rng, vocab):
    """Substitute (half), delete or insert (a quarter each) a share `rate` of the Han characters
    (at least one). Also used by tests/data/zh/make_zh_corpus.py."""
    chars = list(text)
    idx = [i for i, c in enumerate(chars) if CJK_RE.match(c)]
    n = max(1, round(len(idx) * rate))
    for i in rng.sample(idx, n):
        op = rng.random()
        if op < 0.5:
            chars[i] = rng.choice(vocab)
        elif op < 0.75:
            chars[i] = ""
        else:
            chars[i] = chars[i] + rng.choice(vocab)
    return "".join(chars)


def v_boilerplate(text, lang, rng):
    head, foot = rng.choice(BOILER_EN if lang == "en" else BOILER_ZH)
    return head + text + foot


def v_truncate(text, lang, rng):
    cut = int(len(text) * 0.9)
    if lang == "en":
        sp = text.rfind(" ", 0, cut)
        cut = sp if sp > 0 else cut
    return text[:cut].rstrip()


def v_hard_negative(text, lang, rng, donor):
    """Replace about 25% of the tokens, in runs of 6-10, with runs taken from a donor document."""
    if lang == "en":
        parts = re.split(r"(\s+)", text)
        toks = [i for i in range(0, len(parts), 2) if parts[i]]
        dtoks = donor.split()
    else:
        parts = list(text)
        toks = [i for i, c in enumerate(parts) if CJK_RE.match(c)]
        dtoks = CJK_RE.findall(donor)
    budget = round(len(toks) * rng.uniform(0.24, 0.28))
    used = set()
    while budget > 0:
        run = min(budget, rng.randint(6, 10))
        start = rng.randrange(0, len(toks) - run)
        if any(k in used for k in range(start - 2, start + run + 2)):
            continue
        d0 = rng.randrange(0, len(dtoks) - run)
        for k in range(run):
            parts[toks[start + k]] = dtoks[d0 + k]
            used.add(start + k)
        budget -= run
    return "".join(parts)


# ----------------------------------------------------------------------------- main

def truth_lines(truth):
    """corpus-truth.jsonl: each near-duplicate seed, then its variants, in one family; hard negatives alone."""
    seen = set()
    for t in truth:
        negative = t["kind"] == "hard_negative"
        if not negative and t["seed_id"] not in seen:
            seen.add(t["seed_id"])
            yield {"id": t["seed_id"], "family": t["seed_id"]}
        yield {"id": t["id"], "family": t["id"] if negative else t["seed_id"], "seed_id": t["seed_id"], "kind": t["kind"]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--src", default="/tmp/sample-src", help="folder holding the dpkg -x trees")
    ap.add_argument("--out", default=here, help="samples folder to write corpus/ and corpus-truth.jsonl into")
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args()

    for pkg, want in EXPECTED_VERSIONS.items():
        got = read_version(os.path.join(args.src, pkg), pkg)
        if got != want:
            print(f"warning: {pkg} is {got}, the committed corpus was made from {want}", file=sys.stderr)

    rng = random.Random(args.seed)
    cands = extract(args.src, rng)

    # base documents: random draw without near-duplicates among themselves
    base = {}
    for lang in ("en", "zh"):
        pool = cands[lang][:]
        rng.shuffle(pool)
        kept, kept_sh = [], []
        for doc in pool:
            sh = shingles(doc)
            if all(jaccard(sh, k) < 0.3 for k in kept_sh):
                kept.append(doc)
                kept_sh.append(sh)
            if len(kept) == N_BASE[lang]:
                break
        if len(kept) < N_BASE[lang]:
            sys.exit(f"only {len(kept)} {lang} documents available")
        base[lang] = [{"id": f"{lang}-{i + 1:04d}", "text": t, "lang": lang} for i, t in enumerate(kept)]

    shards = {"en": [], "zh": [], "mixed": []}
    home = {}
    for lang in ("en", "zh"):
        n_own = N_BASE[lang] - N_BASE_MIXED[lang]
        for i, d in enumerate(base[lang]):
            s = lang if i < n_own else "mixed"
            shards[s].append(d)
            home[d["id"]] = s
    rng.shuffle(shards["mixed"])

    zh_vocab = sorted(set(CJK_RE.findall("".join(d["text"] for d in base["zh"]))))
    variants, truth = [], []
    for lang in ("en", "zh"):
        min_len = 500 if lang == "en" else 250
        eligible = [d for d in base[lang] if len(d["text"]) >= min_len]
        picked = rng.sample(eligible, N_SEEDS[lang] + N_HARD_NEG[lang])
        dup_seeds, neg_seeds = picked[:N_SEEDS[lang]], picked[N_SEEDS[lang]:]
        kinds = KINDS[lang]
        plan = [(s, kinds[(2 * i) % len(kinds)]) for i, s in enumerate(dup_seeds)]
        plan += [(s, kinds[(2 * i + 1) % len(kinds)]) for i, s in enumerate(dup_seeds)]
        plan += [(s, "hard_negative") for s in neg_seeds]
        seed_ids = {d["id"] for d in picked}
        donors = [d for d in base[lang] if d["id"] not in seed_ids]
        for seed, kind in plan:
            t = seed["text"]
            if kind == "exact":
                v = t
            elif kind == "whitespace_case":
                v = v_whitespace_case(t, lang, rng)
            elif kind == "punct_width":
                v = v_punct_width(t, lang, rng)
            elif kind == "small_edit":
                v = v_small_edit(t, lang, rng, zh_vocab)
            elif kind == "boilerplate":
                v = v_boilerplate(t, lang, rng)
            elif kind == "truncate_90":
                v = v_truncate(t, lang, rng)
            else:
                v = v_hard_negative(t, lang, rng, rng.choice(donors)["text"])
            vid = f"{seed['id']}-{ID_SUFFIX[kind]}"
            target = "mixed" if home[seed["id"]] != "mixed" else lang
            variants.append((target, {"id": vid, "text": v, "lang": lang}))
            truth.append({"id": vid, "seed_id": seed["id"], "kind": kind,
                          "_j": jaccard(shingles(t), shingles(v))})

    for target, doc in variants:
        shard = shards[target]
        shard.insert(rng.randint(0, len(shard)), doc)

    ids = [d["id"] for s in shards.values() for d in s]
    assert len(ids) == len(set(ids)), "duplicate ids"

    # write
    corpus = os.path.join(args.out, "corpus")
    for key, rel in SHARDS.items():
        path = os.path.join(corpus, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in shards[key]).encode("utf-8")
        if rel.endswith(".gz"):
            buf = io.BytesIO()
            with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as g:
                g.write(data)
            data = buf.getvalue()
        with open(path, "wb") as f:
            f.write(data)
    with open(os.path.join(args.out, "corpus-truth.jsonl"), "w", encoding="utf-8") as f:
        for line in truth_lines(truth):
            f.write(json.dumps(line, ensure_ascii=False) + "\n")

    # report
    print("shard                      docs    en    zh  variants")
    vids = {t["id"] for t in truth}
    for key, rel in SHARDS.items():
        s = shards[key]
        print(f"{rel:25} {len(s):5} {sum(d['lang'] == 'en' for d in s):5} {sum(d['lang'] == 'zh' for d in s):5}"
              f" {sum(d['id'] in vids for d in s):9}")
    total = sum(len(s) for s in shards.values())
    chars = sum(len(d["text"]) for s in shards.values() for d in s)
    print(f"total documents {total}, text characters {chars}")
    print("kind              en  zh  jaccard(min..max)")
    by = collections.defaultdict(list)
    for t in truth:
        by[t["kind"]].append(t)
    for kind in ID_SUFFIX:
        ts = by[kind]
        js = [t["_j"] for t in ts]
        nen = sum(t["id"].startswith("en-") for t in ts)
        print(f"{kind:16} {nen:3} {len(ts) - nen:3}  {min(js):.2f}..{max(js):.2f}")


if __name__ == "__main__":
    main()
