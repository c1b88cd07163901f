#!/usr/bin/env bash
# Prints, as a deb822 source list, the machine's own Debian archives for its release (the same
# URIs and keys as its apt configuration) with the contrib and non-free components, so that a
# script can fetch a package from non-free without naming a host or touching the system's lists.
# Fails when the apt configuration has no archive for this release.
set -euo pipefail

. /etc/os-release
release=${VERSION_CODENAME:?/etc/os-release names no VERSION_CODENAME}

shopt -s nullglob
{
  # deb822 files: one paragraph per source.
  for file in /etc/apt/sources.list.d/*.sources; do
    awk -v release="$release" '
      function flush() {
        if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " release " ") && tolower(enabled) != "no" && uris != "")
          print uris "\t" signed
        types = suites = uris = signed = enabled = ""
      }
      /^[[:space:]]*$/ { flush(); next }
      /^[[:space:]]*#/ { next }
      {
        key = tolower($1); sub(/:$/, "", key); $1 = ""; sub(/^ +/, "")
        if (key == "types") types = $0
        else if (key == "suites") suites = $0
        else if (key == "uris") uris = $0
        else if (key == "signed-by") signed = $0
        else if (key == "enabled") enabled = $0
      }
      END { flush() }' "$file"
  done
  # One-line files: deb [options] URI SUITE COMPONENT...
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$file" ] || continue
    awk -v release="$release" '
      $1 != "deb" { next }
      {
        signed = ""; i = 2
        if ($2 ~ /^\[/) {
          for (; i <= NF; i++) {
            if ($i ~ /^\[?signed-by=/) { signed = $i; sub(/^\[?signed-by=/, "", signed); sub(/\]$/, "", signed) }
            if ($i ~ /\]$/) { i++; break }
          }
        }
        if ($(i + 1) == release) print $i "\t" signed
      }' "$file"
  done
} | sort -u | {
  found=0
  while IFS=$'\t' read -r uris signed; do
    found=1
    echo "Types: deb"
    echo "URIs: $uris"
    echo "Suites: $release"
    echo "Components: main contrib non-free"
    if [ -n "$signed" ]; then
      echo "Signed-By: $signed"
    fi
    echo
  done
  if [ "$found" = 0 ]; then
    echo "debian-non-free-sources: no apt source for $release in /etc/apt (sources.list, sources.list.d)" >&2
    exit 1
  fi
}
