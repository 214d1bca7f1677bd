#!/usr/bin/env bash
# Formats the Swift sources with the toolchain's swift-format (config: .swift-format), or with
# --lint checks them without changing anything (what CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--lint" ]; then
  swift format lint --strict --recursive --parallel Package.swift Sources Tests
else
  swift format --in-place --recursive --parallel Package.swift Sources Tests
fi
