#!/usr/bin/env bash
# Build the sdist and wheel, check their metadata, install the wheel into a
# fresh virtual environment outside the source tree and run it there.
#
#   bash scripts/check_dist.sh
#
# Needs `build` and `twine` in the current Python (pip install build twine) and
# PyPI access for the build backend and the wheel's dependencies.
set -euo pipefail

cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

step() {
    printf '\n==> %s\n' "$*"
}

step "building sdist and wheel into $scratch/dist"
"$python" -m build --outdir "$scratch/dist" .
ls -l "$scratch/dist"

step "twine check"
"$python" -m twine check --strict "$scratch"/dist/*

step "files in the wheel"
"$python" -m zipfile -l "$scratch"/dist/*.whl

step "installing the wheel into a fresh virtual environment"
"$python" -m venv "$scratch/venv"
"$scratch/venv/bin/python" -m pip install --disable-pip-version-check --quiet "$scratch"/dist/*.whl

step "running the installed package from $scratch"
cd "$scratch"
"$scratch/venv/bin/python" -c 'import povertytext; print(povertytext.__version__)'
"$scratch/venv/bin/povertytext" --version
"$scratch/venv/bin/povertytext" parse --example

step "distribution OK"
