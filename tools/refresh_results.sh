#!/usr/bin/env bash
# Bring the finished background runs into the repository and redraw what reads them: collect the Figure 3 grid's runs
# (roots figure3, figure3-w2 and figure3-w3, see tools/compute_lanes.sh) into nbs/results/paper_core and the why-study's (roots
# why and why-50k) into nbs/results/why, then re-execute figure3.ipynb and why.ipynb with their outputs kept.
#   tools/refresh_results.sh     # then read the notebooks, update the README's opening (nbs/index.ipynb) and commit
# Unfinished runs are left out; collecting again refreshes what was collected. Run from the dev venv's checkout.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd); work=~/wmaug-work; bin=$repo/.venv/bin
cd "$repo"
lanes=$(tools/compute_lanes.sh --commit)  # the commit the lanes run
roots() { for r in "$@"; do [ -f "$work/$r/manifest.csv" ] && echo "$work/$r"; done; return 0; }
collect() {  # collect DEST COMMIT ROOT...: the roots that exist
  local dest=$1 commit=$2; shift 2
  local rs; rs=$(roots "$@")
  if [ -z "$rs" ]; then echo "no sweep root of $* under $work: nothing to collect into $dest"; return; fi
  "$bin/python" tools/collect_runs.py $rs "$dest" --commit "$commit" --traces
}
# the lanes' commit must be one each destination's COMMIT names (paper_core's tells the grid's history: its first cell
# started at an earlier, identical commit), so runs of other code are refused, never mixed in
collect nbs/results/paper_core "$lanes" figure3 figure3-w2 figure3-w3
collect nbs/results/why "$lanes" why why-50k
tools/backfill_wm_curve.sh collect  # the world-model arm's offline critic curve, once its rerun has finished
for nb in figure3.ipynb why.ipynb; do
  (cd nbs/results && "$bin/jupyter" nbconvert --to notebook --execute --inplace "$nb" --log-level WARN)
done
"$bin/nbdev_clean"
git status --short nbs/results
