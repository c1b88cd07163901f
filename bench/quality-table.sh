#!/bin/bash
# The table of docs/QUALITY.md, "Choosing the defaults": each banding/verification configuration run on
# CORPUS in three alternated rounds (median wall), then scored by `dedup eval --exact-jaccard`.
# usage: bash bench/quality-table.sh CORPUS NAME   (after `dotnet build -c Release src/Cli`; scratch in /tmp/q*-NAME-*)
set -euo pipefail
D="dotnet $(cd "$(dirname "$0")/.." && pwd)/src/Cli/bin/Release/net10.0/dedup.dll"
corpus=$1; name=$2
configs=("--bands 9 --rows 13 --verify estimate" "--bands 9 --rows 13 --verify exact" "--bands 18 --rows 6 --verify estimate" "" "--bands 20 --rows 6 --verify exact" "--bands 25 --rows 5 --verify exact" "--bands 16 --rows 8 --verify exact")
declare -A walls
for round in 1 2 3; do
  for i in "${!configs[@]}"; do
    rm -rf /tmp/qq-$name-$i /tmp/qr-$name-$i
    s=$(date +%s.%N); $D run $corpus -o /tmp/qq-$name-$i --run-dir /tmp/qr-$name-$i -q ${configs[$i]} >/dev/null 2>&1; e=$(date +%s.%N)
    walls[$i]="${walls[$i]:-} $(python3 -c "print(round($e-$s,3))")"
  done
done
for i in "${!configs[@]}"; do
  $D eval /tmp/qq-$name-$i --exact-jaccard --json /tmp/qe-$name-$i.json >/dev/null 2>&1
  python3 - "$i" "${configs[$i]:-defaults}" "${walls[$i]}" /tmp/qq-$name-$i /tmp/qr-$name-$i /tmp/qe-$name-$i.json <<'PY'
import json,sys,os,statistics
i,cfg,walls,out,rd,ev=sys.argv[1:]
r=json.load(open(out+'/report.json')); e=json.load(open(ev))
w=statistics.median(float(x) for x in walls.split())
size=sum(os.path.getsize(os.path.join(dp,f)) for dp,_,fs in os.walk(rd) for f in fs)
docs=r['documents']['signed']; text=r['text_bytes']['read']
p=r['parameters']; pr=e['pairs']
print(f"| {p['bands']} x {p['rows']}, {p['verify']}{' (default)' if cfg=='defaults' else ''} | {pr['precision']:.3f} / {pr['recall']:.3f} / {pr['f1']:.3f} | {w:.2f} | {r['lsh']['candidate_edges']/docs:.2f} | {r['stage_seconds']['buckets']:.2f} | {size/1e6:.1f} MB ({size/text:.2f} x text) |")
PY
done
