#!/usr/bin/env bash
# Proves without a GPU that every signature kernel compiles for Hopper and stays free of register
# spills: ILGPU's PTX (bench ptx) is assembled by ptxas from Debian's non-free nvidia-cuda-toolkit
# 11.8, fetched with a private apt source list (the machine's own Debian archive with non-free
# added, .ci/debian-non-free-sources.sh) and unpacked into a temporary folder (nothing is
# installed). Fails when a kernel spills or uses a stack frame.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial"
mkdir -p "$work/sources.list.d"
bash .ci/debian-non-free-sources.sh > "$work/sources.list.d/non-free.sources"
apt_options=(-o APT::Sandbox::User=root -o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$work/sources.list.d" -o "Dir::State::Lists=$work/lists")
apt-get "${apt_options[@]}" update >/dev/null
(cd "$work" && apt-get "${apt_options[@]}" download nvidia-cuda-toolkit >/dev/null 2>&1)
dpkg -x "$work"/nvidia-cuda-toolkit_*.deb "$work/toolkit"
ptxas="$work/toolkit/usr/bin/ptxas"

dotnet run -c Release --project bench -- ptx --out "$work/ptx" >/dev/null

status=0
printf '%-10s %10s %12s %12s %12s\n' kernel registers "stack bytes" "spill stores" "spill loads"
for ptx in "$work"/ptx/*.ptx; do
  info=$("$ptxas" -arch=sm_90 -v -o /dev/null "$ptx" 2>&1)
  registers=$(grep -oE 'Used [0-9]+ registers' <<<"$info" | grep -oE '[0-9]+')
  read -r stack stores loads < <(grep -oE '[0-9]+ bytes stack frame, [0-9]+ bytes spill stores, [0-9]+ bytes spill loads' <<<"$info" | grep -oE '[0-9]+' | paste -sd' ')
  printf '%-10s %10s %12s %12s %12s\n' "$(basename "$ptx" .ptx)" "$registers" "$stack" "$stores" "$loads"
  if [ "$stack" != 0 ] || [ "$stores" != 0 ] || [ "$loads" != 0 ]; then
    status=1
  fi
done

if [ "$status" != 0 ]; then
  echo "check-ptx: a kernel spills registers or uses a stack frame on sm_90" >&2
fi
exit "$status"
