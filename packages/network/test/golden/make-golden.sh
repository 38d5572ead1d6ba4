#!/usr/bin/env bash
# Regenerates the golden network fixtures: each district's network of the county seed (default
# seed) as `lantern network` computes it, reduced to nodes, weighted edges and communities (in/),
# then networkx's figures for the same graphs (out/). Needs python3 with networkx, numpy, scipy.
# Uses a scratch embedded database; run from anywhere.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cd "$root"
export LANTERN_DATA_DIR="$scratch/db"
unset DATABASE_URL
pnpm -s lantern db seed >/dev/null
# Nottingham City and the seven Nottinghamshire districts (packages/domain/src/districts.ts).
for district in E06000018 E07000170 E07000171 E07000172 E07000173 E07000174 E07000175 E07000176; do
  pnpm -s lantern network --district "$district" --format json >"$scratch/$district.json"
  python3 - "$scratch/$district.json" "$here/in/$district.json" <<'PY'
import json, sys
view = json.load(open(sys.argv[1]))
reduced = {
    "nodes": sorted(n["id"] for n in view["nodes"]),
    "edges": [[e["source"], e["target"], e["weight"]] for e in view["edges"]],
    "communities": {n["id"]: n["community"] for n in sorted(view["nodes"], key=lambda n: n["id"])},
}
json.dump(reduced, open(sys.argv[2], "w"), separators=(",", ":"))
PY
done
python3 "$here/networkx_golden.py"
