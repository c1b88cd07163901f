#!/usr/bin/env python3
"""Generate the Chinese evaluation corpus under tests/data/zh/: corpus/*.jsonl.gz and truth.jsonl.gz.

The generated files are committed; this script documents how they were made and regenerates them
byte for byte. It is not a build step. Python 3 standard library only; it reuses the HTML
extraction, similarity approximation and some edit functions of samples/make_sample.py.

Sources (Debian 12 "bookworm" binary packages, unpacked with dpkg -x):

  debian-reference-zh-cn 2.100       Debian Reference, Simplified Chinese. GPL-2+ (README.md).
                                     Reads <src>/debian-reference-zh-cn/usr/share/debian-reference/*.zh-cn.html
  manpages-zh            1.6.4.0-1   Chinese manual pages, zh_CN and zh_TW. GFDL-1.2+ (README.md).
                                     Reads <src>/manpages-zh/usr/share/man/zh_{CN,TW}/man*/*.gz

How to rerun (on Debian 12, from the repository root):

  apt-get update
  mkdir -p /tmp/zh-src && cd /tmp/zh-src
  apt-get download debian-reference-zh-cn=2.100 manpages-zh=1.6.4.0-1
  dpkg -x debian-reference-zh-cn_*.deb debian-reference-zh-cn
  dpkg -x manpages-zh_*.deb manpages-zh
  cd - && python3 tests/data/zh/make_zh_corpus.py      # --src /tmp/zh-src --out tests/data/zh

What it writes (README.md explains every kind):
  corpus/docs-0.jsonl.gz, corpus/docs-1.jsonl.gz  long documents: base documents and their variants,
                                                   each variant in a random shard at a random row
  corpus/qa.jsonl.gz                               short instruction/QA documents and their variants
  truth.jsonl.gz                                   {"id", "family", "kind", "base"} for every document
"""

import argparse
import collections
import gzip
import io
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # leave no __pycache__ in samples/
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "samples"))
import make_sample as sample  # noqa: E402  (reused: HTML extraction, shingles/jaccard, punctuation table, boilerplate, whitespace edits)

SEED = 20261130
EXPECTED_VERSIONS = {"debian-reference-zh-cn": "2.100", "manpages-zh": "1.6.4.0-1"}
# Pages under other licences than GFDL-1.2+ (manpages-zh's debian/copyright): left out.
SKIP_PAGES = {"kill.1.gz", "intro.6.gz", "epoll.7.gz"}

N_REF, N_MAN = 170, 330            # long base documents from each source
N_QA, N_TINY = 260, 60             # short base documents
P_EXACTISH, P_MEDIUM = 0.4, 0.3    # share of long bases that also get one of these
N_TRADITIONAL = 60                 # man-page bases that also get their zh_TW twin
GRADED = ["light_edit"] * 2 + ["truncate", "boilerplate"]
EXACTISH = ["exact", "punct_width", "space_case"]
QA_KINDS = ["qa_exact", "qa_punct_width", "qa_space_case", "qa_typo", "qa_suffix", "qa_other_answer"]
TINY_KINDS = ["tiny_punct_width", "tiny_insert"]
NOT_DUPLICATES = {"medium_edit", "qa_other_answer"}   # variants that keep a family of their own

CJK = sample.CJK_RE
QA_SUFFIXES = ["希望对你有帮助。", "以上，谢谢！", "如有疑问请继续提问。"]
QA_TEMPLATES = [
    ("问：{cmd} 命令是做什么的？\n答：{desc}", "name"),
    ("问：{cmd} 的 {opt} 选项有什么作用？\n答：{desc}", "option"),
]
TINY_TEMPLATE = "{cmd} 怎么用？"


# ----------------------------------------------------------------------------- man pages

MACRO_TEXT = {"B", "I", "BR", "RB", "IR", "RI", "BI", "IB", "SM", "SB"}
ARG_RE = re.compile(r'"([^"]*)"|(\S+)')


def troff_inline(s):
    s = re.sub(r"\\f(\[[^\]]*\]|\(..|.)", "", s)          # font changes
    s = re.sub(r"\\\((lq|rq|dq)", '"', s)
    s = s.replace("\\(em", "—").replace("\\(en", "–").replace("\\(bu", "•")
    s = re.sub(r"\\\(..", "", s)
    s = re.sub(r"\\\*(\(..|\[[^\]]*\]|.)", "", s)           # strings
    s = re.sub(r"\\s[+-]?\d", "", s)                         # size changes
    for a, b in (("\\-", "-"), ("\\e", "\\"), ("\\ ", " "), ("\\~", " "), ("\\0", " ")):
        s = s.replace(a, b)
    s = re.sub(r"\\.", "", s)                                # anything else: \& \, \/ \| \^ \c
    return s.strip()


def join_lines(parts):
    out = ""
    for p in parts:
        if not p:
            continue
        if out and not (re.search(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]$", out) and re.match(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]", p)):
            out += " "
        out += p
    return out


def man_blocks(lines):
    """Blocks of one page in order: (section, tag, text). tag is the .TP/.IP label or None."""
    blocks, section, tag, cur, nofill, want_tag = [], "", None, [], False, False

    def flush():
        nonlocal cur, tag
        text = join_lines(cur)
        if text:
            blocks.append((section, tag, text))
        cur, tag = [], None

    for line in lines:
        if line.startswith(('.\\"', "'\\\"", '\\"')):
            continue
        if line.startswith((".", "'")):
            m = re.match(r"[.'](\S+)\s*(.*)", line)
            name, rest = (m.group(1), m.group(2)) if m else ("", "")
            args = [a or b for a, b in ARG_RE.findall(rest)]
            if name in ("nf", "EX"):
                flush()
                nofill = True
            elif name in ("fi", "EE"):
                nofill = False
            elif nofill:
                continue
            elif name in ("SH", "SS"):
                flush()
                section = troff_inline(" ".join(args))
            elif name == "TP":
                flush()
                want_tag = True
            elif name == "IP":
                flush()
                tag = troff_inline(args[0]) if args else None
            elif name in MACRO_TEXT:
                joined = (" " if name in ("B", "I", "SM", "SB") else "").join(args)
                if want_tag:
                    tag, want_tag = troff_inline(joined), False
                else:
                    cur.append(troff_inline(joined))
            else:
                flush()
            continue
        if nofill:
            continue
        text = troff_inline(line)
        if want_tag:
            tag, want_tag = text, False
        else:
            cur.append(text)
    flush()
    return blocks


def read_man(src):
    """Per page (zh_CN and zh_TW blocks aligned one to one): name, cn blocks, tw blocks."""
    root = os.path.join(src, "manpages-zh/usr/share/man")
    pages = []
    for sec in sorted(os.listdir(os.path.join(root, "zh_CN"))):
        for f in sorted(os.listdir(os.path.join(root, "zh_CN", sec))):
            if f in SKIP_PAGES:
                continue
            with gzip.open(os.path.join(root, "zh_CN", sec, f), "rt", encoding="utf-8", errors="replace") as g:
                cn = man_blocks(g.read().split("\n"))
            with gzip.open(os.path.join(root, "zh_TW", sec, f), "rt", encoding="utf-8", errors="replace") as g:
                tw = man_blocks(g.read().split("\n"))
            if len(cn) == len(tw):
                pages.append((f[:-3], cn, tw))
    return pages


def man_documents(pages, rng):
    """Long documents: consecutive prose blocks of one section, as zh_CN text and its zh_TW twin."""
    docs = []
    for name, cn, tw in pages:
        cur = []
        target = rng.randint(150, 800)

        def flush():
            if cur:
                a = "\n\n".join(x for x, _ in cur)
                b = "\n\n".join(y for _, y in cur)
                if 150 <= len(a) <= 2000 and len(CJK.findall(a)) >= 0.4 * len(a):
                    docs.append({"page": name, "text": a, "tw": b})
            cur.clear()

        for i, (section, tag, text) in enumerate(cn):
            if i > 0 and section != cn[i - 1][0]:
                flush()
                target = rng.randint(150, 800)
            if section in ("名称", "名字", "NAME", "总览", "概述", "SYNOPSIS", "参见", "作者", "版权", "另见"):
                continue
            para_cn = f"{tag}：{text}" if tag else text
            para_tw = f"{tw[i][1]}：{tw[i][2]}" if tw[i][1] else tw[i][2]
            if not sample.good_paragraph(text, "zh"):
                flush()
                continue
            cur.append((para_cn, para_tw))
            if len("\n\n".join(x for x, _ in cur)) >= target:
                flush()
                target = rng.randint(150, 800)
        flush()
    return docs


def qa_sources(pages):
    """(template, cmd, opt, desc) from NAME lines and option descriptions of the zh_CN pages."""
    out = []
    for name, cn, _ in pages:
        cmd = name.rsplit(".", 1)[0]
        for section, tag, text in cn:
            if section in ("名称", "名字", "NAME") and " - " in text:
                desc = text.split(" - ", 1)[1].strip().rstrip("。")
                out.append((0, cmd, None, desc))
            elif tag and re.fullmatch(r"-{1,2}[A-Za-z][A-Za-z0-9_-]*", tag.split(",")[0].split("=")[0].strip()):
                desc = re.split(r"(?<=[。；])", text)[0].rstrip("。；")
                out.append((1, cmd, tag.split(",")[0].split("=")[0].strip(), desc))
    good = []
    for t, cmd, opt, desc in out:
        han = len(CJK.findall(desc))
        if 6 <= len(desc) <= 45 and han >= 0.6 * len(desc) and "\n" not in desc:
            good.append((t, cmd, opt, desc))
    return good


# ----------------------------------------------------------------------------- edits


def truncate(text, rng):
    return text[:int(len(text) * rng.uniform(0.70, 0.95))].rstrip()


def boilerplate(text, rng):
    head, foot = rng.choice(sample.BOILER_ZH)
    return head + text + foot


def space_case(text, rng):
    """make_sample's whitespace/case edit, plus spaces between some Han characters (each is its own token)."""
    t = sample.v_whitespace_case(text, "zh", rng)
    return re.sub(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])", lambda m: " " if rng.random() < 0.1 else "", t)


def long_variant(kind, base, rng, vocab):
    t = base["text"]
    if kind == "exact":
        return t
    if kind == "punct_width":
        return sample.v_punct_width(t, "zh", rng)
    if kind == "space_case":
        return space_case(t, rng)
    if kind == "light_edit":
        return sample.char_edits(t, rng.uniform(0.01, 0.03), rng, vocab)
    if kind == "medium_edit":
        return sample.char_edits(t, rng.uniform(0.10, 0.20), rng, vocab)
    if kind == "truncate":
        return truncate(t, rng)
    if kind == "boilerplate":
        return boilerplate(t, rng)
    if kind == "traditional":
        return base["tw"]
    raise ValueError(kind)


def qa_variant(kind, base, rng, vocab, answers):
    t = base["text"]
    if kind == "qa_exact":
        return t
    if kind == "qa_punct_width":
        return sample.v_punct_width(t, "zh", rng)
    if kind == "qa_space_case":
        return re.sub(r"[A-Za-z]+", lambda m: m.group(0).upper(), t).replace("\n", " \n ").replace("答：", "答： ")
    if kind == "qa_typo":
        q, a = t.split("\n答：", 1)
        return q + "\n答：" + sample.char_edits(a, 0, rng, vocab)           # rate 0: exactly one edit
    if kind == "qa_suffix":
        return t + rng.choice(QA_SUFFIXES)
    if kind == "qa_other_answer":
        q = t.split("\n答：", 1)[0]
        return q + "\n答：" + rng.choice(answers)
    if kind == "tiny_punct_width":
        return sample.v_punct_width(t, "zh", rng).replace(" ", "")
    if kind == "tiny_insert":
        return t.replace("怎么用", "应该怎么用")
    raise ValueError(kind)


# ----------------------------------------------------------------------------- main

def pick_distinct(pool, count, n, limit, kept_sh):
    """Draw documents whose n-gram Jaccard (make_sample's approximation) with every one in kept_sh is below limit."""
    kept = []
    for doc in pool:
        sh = sample.shingles(doc["text"], n)
        if all(sample.jaccard(sh, k) < limit for k in kept_sh):
            kept.append(doc)
            kept_sh.append(sh)
        if len(kept) == count:
            return kept
    sys.exit(f"only {len(kept)} of {count} distinct documents available")


def write_gz(path, rows):
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as g:
        g.write(data)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(buf.getvalue())
    return len(buf.getvalue()), len(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", default="/tmp/zh-src", help="folder holding the dpkg -x trees")
    ap.add_argument("--out", default=HERE)
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args()

    for pkg, want in EXPECTED_VERSIONS.items():
        got = sample.read_version(os.path.join(args.src, pkg), pkg)
        if got != want:
            print(f"warning: {pkg} is {got}, the committed corpus was made from {want}", file=sys.stderr)

    rng = random.Random(args.seed)
    ref_dir = os.path.join(args.src, "debian-reference-zh-cn/usr/share/debian-reference")
    ref_pool = []
    for name in sorted(os.listdir(ref_dir)):
        if name.endswith(".zh-cn.html"):
            with open(os.path.join(ref_dir, name), encoding="utf-8", errors="replace") as f:
                ref_pool += [{"text": t} for t in sample.group_documents(sample.html_blocks(f.read(), "zh"), "zh", rng)]
    pages = read_man(args.src)
    man_pool = man_documents(pages, rng)
    rng.shuffle(ref_pool)
    rng.shuffle(man_pool)
    # Shared shingle sets, so that no man-page base is a near-duplicate of a Debian Reference one either.
    long_sh = []
    ref_bases = pick_distinct(ref_pool, N_REF, 5, 0.3, long_sh)
    man_bases = pick_distinct(man_pool, N_MAN, 5, 0.3, long_sh)
    for i, d in enumerate(ref_bases):
        d["id"] = f"zh-ref-{i + 1:04d}"
    for i, d in enumerate(man_bases):
        d["id"] = f"zh-man-{i + 1:04d}"
    long_bases = ref_bases + man_bases
    vocab = sorted(set(CJK.findall("".join(d["text"] for d in long_bases))))

    # long variants
    rows, truth = [], []
    for d in long_bases:
        rows.append({"id": d["id"], "text": d["text"]})
        truth.append({"id": d["id"], "family": d["id"], "kind": "base", "base": None})
    plan = []
    for i, d in enumerate(long_bases):
        plan.append((d, GRADED[i % len(GRADED)]))
        if rng.random() < P_EXACTISH:
            plan.append((d, rng.choice(EXACTISH)))
        if rng.random() < P_MEDIUM:
            plan.append((d, "medium_edit"))
    with_twin = [d for d in man_bases if d["tw"] != d["text"]]
    plan += [(d, "traditional") for d in rng.sample(with_twin, N_TRADITIONAL)]
    variants = []
    for d, kind in plan:
        vid = f"{d['id']}~{kind}"
        variants.append({"id": vid, "text": long_variant(kind, d, rng, vocab)})
        truth.append({"id": vid, "family": vid if kind in NOT_DUPLICATES else d["id"], "kind": kind, "base": d["id"]})
    shards = [[], []]
    for i, r in enumerate(rows):
        shards[i % 2].append(r)
    for v in variants:
        s = shards[rng.randrange(2)]
        s.insert(rng.randint(0, len(s)), v)

    # short documents
    sources = qa_sources(pages)
    rng.shuffle(sources)
    qa_pool = []
    for t, cmd, opt, desc in sources:
        template = QA_TEMPLATES[t][0]
        qa_pool.append({"text": template.format(cmd=cmd, opt=opt, desc=desc), "answer": desc})
    # Distinct at 2-grams too: the short-document measurements go down to --ngram 2.
    qa_bases = pick_distinct(qa_pool, N_QA, 2, 0.5, [])
    for i, d in enumerate(qa_bases):
        d["id"] = f"zh-qa-{i + 1:04d}"
    cmds = sorted({c for _, c, _, _ in sources if re.fullmatch(r"[a-z][a-z0-9]{1,11}", c)})
    tiny_bases = [{"id": f"zh-tiny-{i + 1:04d}", "text": TINY_TEMPLATE.format(cmd=c)} for i, c in enumerate(rng.sample(cmds, N_TINY))]
    # Hard negatives borrow answers no base has, so that each is a near-duplicate of nothing.
    used = {d["answer"] for d in qa_bases}
    answers = sorted({d["answer"] for d in qa_pool} - used)
    short = []
    for d in qa_bases + tiny_bases:
        short.append({"id": d["id"], "text": d["text"]})
        truth.append({"id": d["id"], "family": d["id"], "kind": "base", "base": None})
    short_variants = []
    for i, d in enumerate(qa_bases):
        if i % 2 == 0:
            kind = QA_KINDS[(i // 2) % len(QA_KINDS)]
            short_variants.append((d, kind))
    for i, d in enumerate(tiny_bases):
        short_variants.append((d, TINY_KINDS[i % len(TINY_KINDS)]))
    for d, kind in short_variants:
        vid = f"{d['id']}~{kind}"
        short.insert(rng.randint(0, len(short)), {"id": vid, "text": qa_variant(kind, d, rng, vocab, answers)})
        truth.append({"id": vid, "family": vid if kind in NOT_DUPLICATES else d["id"], "kind": kind, "base": d["id"]})

    # write: truth in corpus order (docs-0, docs-1, qa), so a family's first listed id is its first document
    order = {r["id"]: k for k, r in enumerate(shards[0] + shards[1] + short)}
    truth.sort(key=lambda t: order[t["id"]])
    sizes = {}
    for name, rows_ in (("corpus/docs-0.jsonl.gz", shards[0]), ("corpus/docs-1.jsonl.gz", shards[1]), ("corpus/qa.jsonl.gz", short)):
        sizes[name] = write_gz(os.path.join(args.out, name), rows_) + (len(rows_),)
    sizes["truth.jsonl.gz"] = write_gz(os.path.join(args.out, "truth.jsonl.gz"), truth) + (len(truth),)

    print("file                        documents   bytes(gz)   bytes")
    for name, (gz, raw, n) in sizes.items():
        print(f"{name:27} {n:9} {gz:11} {raw:7}")
    print("kind               count  jaccard to base, 5-gram approx (min..max)")
    texts = {r["id"]: r["text"] for r in shards[0] + shards[1] + short}
    by = collections.defaultdict(list)
    for t in truth:
        if t["base"]:
            by[t["kind"]].append(sample.jaccard(sample.shingles(texts[t["id"]]), sample.shingles(texts[t["base"]])))
    for kind, js in sorted(by.items()):
        print(f"{kind:18} {len(js):5}  {min(js):.2f}..{max(js):.2f}")


if __name__ == "__main__":
    main()
