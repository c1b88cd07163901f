#!/usr/bin/env bash
# Installs Debian's Slurm and munge for the test that submits a run to a real single-node cluster
# (tests/Cli.Tests/SlurmClusterTests.cs, which starts and stops the cluster with
# ../shared/slurm/start-local-slurm.sh). Does nothing when they are there.
set -euo pipefail

programs=(sbatch squeue scancel slurmctld slurmd munged)
missing() {
  for program in "${programs[@]}"; do
    PATH="$PATH:/usr/sbin:/sbin" command -v "$program" >/dev/null 2>&1 || return 0
  done
  return 1
}

if ! missing; then
  exit 0
fi

# CI images often run as root without sudo; elsewhere apt-get needs it.
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq slurm-wlm munge >/dev/null

# `sbatch --version` would fail here: Slurm's clients exit 1 without a slurm.conf, and the test
# writes its own. So check that every program is there and name the installed versions.
if missing; then
  echo "install-slurm: apt-get installed slurm-wlm and munge, but one of ${programs[*]} is still missing" >&2
  exit 1
fi
dpkg-query -W -f '${Package} ${Version}\n' slurm-wlm munge
