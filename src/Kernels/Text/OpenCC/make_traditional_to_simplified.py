#!/usr/bin/env python3
"""Make TraditionalToSimplified.txt: OpenCC's traditional -> simplified Chinese characters as a
one-to-one map, which the fold table applies to Han characters (docs/ALGORITHM.md, "Folding").

The map is committed and compiled into Dedup.Kernels as a resource; this script documents how it
was made and remakes it byte for byte. It is not a build step. Python 3 standard library only.

Source: OpenCC 1.1.6 as packaged by Debian 12 "bookworm" (Apache-2.0, LICENSE-Apache-2.0 here):
  libopencc-data 1.1.6+ds1-1  /usr/share/opencc/TSCharacters.ocd2  traditional -> simplified
                              /usr/share/opencc/STCharacters.ocd2  simplified -> traditional
  opencc 1.1.6+ds1-1, libopencc1.1 1.1.6+ds1-1, libmarisa0 0.2.6-13+b1: opencc_dict, which turns
  the binary .ocd2 dictionaries (marisa tries) into text.

How to rerun (Debian 12, from the repository root; the packages are downloaded and unpacked into a
temporary folder, nothing is installed):

  apt-get update
  python3 src/Kernels/Text/OpenCC/make_traditional_to_simplified.py

The rule (each TSCharacters line is a traditional character and its simplified candidates, OpenCC's
default first): a character maps to its first candidate, except where OpenCC itself treats it as
simplified text too, since mapping it would merge two characters that simplified text keeps apart:
  - its first candidate is itself (阪 覆 藉 瞭 ...: OpenCC leaves it unless a phrase says otherwise);
  - it is one of its own later candidates (乾 -> 干 乾, 於 -> 于 於, 徵 -> 征 徵: kept in some words);
  - STCharacters converts it, so it is a simplified character (苧 is simplified 薴; TS says 苎).
The script then checks that the map is one-to-one as applied: every target maps to itself, and
every character is stable under NFKC (the fold table normalizes before it maps).
"""

import glob
import hashlib
import os
import subprocess
import sys
import tempfile
import unicodedata

PACKAGES = {
    "libopencc-data": "1.1.6+ds1-1",
    "opencc": "1.1.6+ds1-1",
    "libopencc1.1": "1.1.6+ds1-1",
    "libmarisa0": "0.2.6-13+b1",
}
OPENCC_VERSION = "1.1.6"
HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.join(HERE, "TraditionalToSimplified.txt")


def unpack_packages(folder):
    """apt-get download each pinned package into folder and unpack it into folder/root."""
    subprocess.run(["apt-get", "download"] + [f"{name}={version}" for name, version in PACKAGES.items()],
                   cwd=folder, check=True)
    root = os.path.join(folder, "root")
    for deb in sorted(glob.glob(os.path.join(folder, "*.deb"))):
        subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
    return root


def read_dictionary(root, name, folder):
    """An .ocd2 dictionary as {key: [candidates]}, through opencc_dict's text output."""
    source = os.path.join(root, "usr", "share", "opencc", name + ".ocd2")
    text = os.path.join(folder, name + ".txt")
    env = dict(os.environ, LD_LIBRARY_PATH=":".join(glob.glob(os.path.join(root, "usr", "lib", "*-linux-gnu"))))
    subprocess.run([os.path.join(root, "usr", "bin", "opencc_dict"), "-i", source, "-o", text, "-f", "ocd2", "-t", "text"],
                   env=env, check=True)
    entries = {}
    with open(text, encoding="utf-8") as f:
        for line in f:
            key, candidates = line.rstrip("\n").split("\t")
            entries[key] = candidates.split(" ")
    with open(source, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    return entries, digest


def one_to_one(ts, st):
    """The rule of the docstring: {traditional: simplified}, and the characters left alone."""
    pairs, kept = {}, []
    for traditional, candidates in ts.items():
        if len(traditional) != 1 or any(len(c) != 1 for c in candidates):
            sys.exit(f"{traditional}: not a character-to-character entry")
        if candidates[0] == traditional or traditional in candidates[1:] or traditional in st:
            kept.append(traditional)
        else:
            pairs[traditional] = candidates[0]
    return pairs, sorted(kept)


def check(pairs):
    for traditional, simplified in pairs.items():
        if simplified in pairs:
            sys.exit(f"{traditional} -> {simplified} -> {pairs[simplified]}: a target is also a source")
        for c in (traditional, simplified):
            if unicodedata.normalize("NFKC", c) != c:
                sys.exit(f"{c} (U+{ord(c):04X}) changes under NFKC, so the fold table would never look it up")


def main():
    with tempfile.TemporaryDirectory() as folder:
        root = unpack_packages(folder)
        ts, ts_sha = read_dictionary(root, "TSCharacters", folder)
        st, st_sha = read_dictionary(root, "STCharacters", folder)
    pairs, kept = one_to_one(ts, st)
    check(pairs)
    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as out:
        out.write(
            "# Traditional -> simplified Chinese characters, one to one, for Dedup's fold table (docs/ALGORITHM.md).\n"
            f"# Derived from OpenCC {OPENCC_VERSION}, Copyright 2010-2022 BYVoid <byvoid.kcp@gmail.com>,\n"
            "# licensed under the Apache License, Version 2.0 (LICENSE-Apache-2.0 beside this file).\n"
            f"# Source: Debian 12 package libopencc-data {PACKAGES['libopencc-data']},\n"
            f"#   /usr/share/opencc/TSCharacters.ocd2 (sha256 {ts_sha})\n"
            f"#   /usr/share/opencc/STCharacters.ocd2 (sha256 {st_sha})\n"
            "# Changed by make_traditional_to_simplified.py (its docstring has the rule): only the first candidate\n"
            f"# is kept, and these {len(kept)} characters are left out as simplified text too: {''.join(kept)}\n"
            f"# {len(pairs)} pairs, one a line: traditional, tab, simplified; ordered by code point. Do not edit by hand.\n")
        for traditional in sorted(pairs, key=ord):
            out.write(f"{traditional}\t{pairs[traditional]}\n")
    print(f"{OUTPUT}: {len(pairs)} pairs, {len(kept)} characters left alone")


if __name__ == "__main__":
    main()
