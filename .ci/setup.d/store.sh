#!/usr/bin/env bash
# The store's Parquet read-back test reads the exported dataset with DuckDB's
# Python package, an engine independent of the arrow/parquet crates that wrote it.
set -euo pipefail
if python3 -c 'import duckdb' 2>/dev/null; then
  exit 0
fi
if ! command -v pip3 >/dev/null 2>&1 && ! python3 -m pip --version >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq python3-pip >/dev/null
  fi
fi
python3 -m pip install --quiet duckdb 2>/dev/null \
  || python3 -m pip install --quiet --break-system-packages duckdb
