#!/usr/bin/env bash
# Installs Debian's Slurm and munge for the test that submits a run to a real single-node cluster
# (tests/Cli.Tests/SlurmClusterTests.cs, which starts and stops the cluster with
# ../shared/slurm/start-local-slurm.sh) and fails on CI without them. Does nothing when they are there.
set -euo pipefail

if command -v sbatch >/dev/null 2>&1 && command -v slurmctld >/dev/null 2>&1 && command -v munged >/dev/null 2>&1; then
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
sbatch --version
