#!/usr/bin/env bash
# GPU check: every ILGPU kernel bit for bit against the CPU reference, then the signature benchmark,
# on a GPU machine that has no .NET. Here (with the .NET 10 SDK):
#   bash bench/gpu-check.sh build          publishes the bench as one self-contained file, publish/gpu-check/
# There (with this script and publish/gpu-check/ in the same layout):
#   bash bench/gpu-check.sh run [OPTIONS]  device listing, exactness check, benchmark, summary table last;
#                                          OPTIONS go to `bench gpu-check` (--help lists them); exit 0 = all
#                                          bit-exact, 2 = a mismatch or a failed device, 3 = cannot run
#
# What the GPU machine needs at run time:
# - x86-64 Linux with glibc (not musl). No .NET: the runtime is inside the single file, which
#   decompresses its assemblies in memory (nothing is extracted to disk).
# - ICU (libicuuc.so.NN, libicui18n.so.NN, any version .NET supports): the fold table is built at
#   start from .NET's Unicode data, and its NFKD/NFKC decompositions come from ICU. Without ICU .NET
#   stops at start ("Couldn't find a valid ICU package") and suggests invariant globalization; that
#   is no way out (DOTNET_SYSTEM_GLOBALIZATION_INVARIANT is unset below): in invariant mode .NET does
#   not decompose non-ASCII text, and the table comes out different without any error (fingerprint
#   061035554e17fded instead of c7f411812ecbe214 with .NET 10.0.12 and ICU 72). Other ICU versions
#   may fold a few code points differently too: the log prints the fingerprint to compare machines.
# - CUDA: only the NVIDIA driver's libcuda.so.1. ILGPU asks for "cuda", which resolves only through
#   a development symlink libcuda.so; NativeLibraryFallback maps it to libcuda.so.1. No CUDA toolkit:
#   ILGPU writes the PTX itself (sm_80 at most in 1.5.3) and the driver JIT-compiles it for the GPU,
#   so neither libnvvm nor libdevice (used only with Context.Builder.LibDevice(), which Dedup never
#   calls), nvrtc nor libcudart is loaded.
# - OpenCL (optional): libOpenCL.so.1 and a vendor ICD; ILGPU lists only devices with OpenCL C 2.0
#   and the generic address space.
# Limits: `run` stops the check after 280 s (--kill-after 10 s), and copies its output to
# $OUT/gpu-check.log when OUT is set. On a machine with /dev/nvidiactl it adds --require-gpu, so a
# CUDA device that ILGPU cannot open fails the check instead of passing on the CPU backends alone.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
publish=$root/publish/gpu-check
binary=$publish/Dedup.Bench
time_limit=280

log=
icu_help="The fold table needs ICU's Unicode normalisation: do not set invariant globalization,
which builds another table without an error and so gives signatures no other machine gives.
Install the distribution's ICU package (Debian/Ubuntu: libicu72, libicu74, ...; RHEL: libicu), or
copy libicuuc.so.NN, libicui18n.so.NN and libicudata.so.NN of one version from another machine
into a folder and point LD_LIBRARY_PATH at it."

die() { echo "gpu-check.sh: $*" >&2; exit 3; }

build() {
  command -v dotnet >/dev/null || die "build needs the .NET 10 SDK (dotnet); run builds here, run runs there"
  # Published beside the old copy and swapped in only once it succeeds.
  rm -rf "$publish.new"
  # A separate artifacts folder: the RID-specific restore and build stay out of the obj/ and bin/
  # folders that everyday builds (and other people's builds in the same checkout) use.
  # IL3000 stays a warning: `bench pipeline` starts its child as `dotnet <the bench's dll>`, which a
  # single file has not got; only gpu-check runs from it.
  dotnet publish "$root/bench/Dedup.Bench.csproj" -c Release -r linux-x64 --self-contained \
    -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true -p:WarningsNotAsErrors=IL3000 \
    --artifacts-path "$root/publish/gpu-check.build" -o "$publish.new"
  rm -rf "$publish"
  mv "$publish.new" "$publish"
  local bytes total
  bytes=$(stat -c %s "$binary")
  total=$(du -sb "$publish" | cut -f1)
  echo "gpu-check.sh: $binary: $((bytes / 1048576)) MiB ($bytes bytes); publish/gpu-check/ in all: $((total / 1048576)) MiB"
  # The device machine's working tree travels in at most 64 MiB.
  (( total < 64 * 1048576 )) || die "publish/gpu-check/ is $((total / 1048576)) MiB, over 64 MiB"
}

# .NET finds ICU by dlopen("libicuuc.so.NN"), so the loader's cache and search path are what count.
have_icu() {
  if command -v ldconfig >/dev/null && ldconfig -p 2>/dev/null | grep -q 'libicuuc\.so\.[0-9]'; then
    return 0
  fi
  local dir
  local -a dirs
  IFS=: read -r -a dirs <<<"${LD_LIBRARY_PATH:-}"
  for dir in "${dirs[@]}" /lib /usr/lib /lib64 /usr/lib64 /lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu /usr/local/lib; do
    if [[ -n $dir ]] && compgen -G "$dir/libicuuc.so.[0-9]*" >/dev/null; then
      return 0
    fi
  done
  return 1
}

run() {
  [[ -x $binary ]] || die "no $binary: run 'bash bench/gpu-check.sh build' where the .NET SDK is, and bring publish/gpu-check/ along"
  if [[ -n ${DOTNET_SYSTEM_GLOBALIZATION_INVARIANT:-} ]]; then
    echo "gpu-check.sh: ignoring DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: the fold table needs ICU" >&2
  fi
  unset DOTNET_SYSTEM_GLOBALIZATION_INVARIANT
  have_icu || die "no ICU here (libicuuc.so.NN is neither in ldconfig's cache nor in the usual folders). $icu_help"

  local -a args=("$@")
  if [[ -e /dev/nvidiactl ]] && [[ " $* " != *" --require-gpu "* ]]; then
    echo "gpu-check.sh: /dev/nvidiactl exists, so a CUDA device is required (--require-gpu)"
    args+=(--require-gpu)
  fi

  if [[ -n ${OUT:-} ]]; then
    mkdir -p "$OUT"
    log=$OUT/gpu-check.log
  else
    log=$(mktemp)
    trap 'rm -f "$log"' EXIT
  fi

  local status=0
  timeout --kill-after=10 "$time_limit" "$binary" gpu-check "${args[@]}" 2>&1 | tee "$log" || status=$?
  if (( status == 124 || status == 137 )); then
    echo "gpu-check.sh: stopped after the ${time_limit} s limit; try smaller --mb, --documents or --seconds" | tee -a "$log"
  elif grep -q "valid ICU package" "$log"; then
    # .NET's own message suggests invariant mode, which would quietly give other signatures.
    echo "gpu-check.sh: .NET could not load ICU. $icu_help" | tee -a "$log" >&2
    status=3
  fi
  return "$status"
}

case "${1:-}" in
  build) build ;;
  run) shift; run "$@" ;;
  *) echo "usage: bash bench/gpu-check.sh build | run [gpu-check options]" >&2; exit 1 ;;
esac
