#!/usr/bin/env bash
# The why-study's world-model arm on hopper-medium-replay: its offline critic curve. The Figure 3 grid's wmaug runs
# there predate ExpertQ, so only their 200k critics were measured (tools/expert_q_from_checkpoint.py, why/backfill/).
# This reruns their offline phase at the grid's pinned commit with ExpertQ recording the critics every 5k iterations.
# With the grid's own world models on the grid's machine it was the grid's computation bit for bit; that machine and
# its work folder are gone (2026-12-02), and the replacement's floating-point results differ (nbs/results/MACHINES.md),
# so it is now a replicate: the same settings and seeds, its world models fitted again. Its rows are collected apart
# from the grid's 200k measurements (why/replicate/), and why.ipynb reads it as a replicate. Its 5k online steps are
# seeding only (no update) and are not collected.
#   tools/backfill_wm_curve.sh           # run or resume (about 6 hours of one core beside another lane: 5.7 h offline in bf16, 2026-12-02); a finished run returns at once
#   tools/backfill_wm_curve.sh collect   # copy its offline rows into nbs/results/why/replicate/ (from the dev checkout)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd); work=~/wmaug-work
commit=$("$repo/tools/compute_lanes.sh" --commit)
root=$work/why-wm-curve; run=$root/wmaug-seed0+1+2+3+4
dest=$repo/nbs/results/why/replicate/hopper-medium-replay__wmaug
if [ "${1:-}" = collect ]; then
  [ -f "$run/results.csv" ] || { echo "backfill_wm_curve: $run has not finished (no results.csv); nothing collected"; exit 0; }
  "$repo/.venv/bin/python" - "$run" "$dest" <<'PY'
import sys, pandas as pd
from pathlib import Path
run, dest = map(Path, sys.argv[1:])
dest.mkdir(parents=True, exist_ok=True)
for f in ('results.csv', 'expert_q.csv', 'expert_q_traces.csv'):  # the offline phase only: the 5k seeding steps are no arm's online phase
    d = pd.read_csv(run/f)
    d[d.phase.eq('offline')].to_csv(dest/f, index=False)
print(f"the world-model arm's offline curve ({run}) in {dest}")
PY
  exit 0
fi
mkdir -p "$run"
# its own world models, fitted from the same seeds and data; predictions in bf16, as the grid's runs resolved 'auto'
# on the first machine (nbs/results/paper_core/COMMIT), though bf16 is the slower precision on its replacement
[ -e "$run/wm_precision.json" ] || echo '{"bf16": true}' > "$run/wm_precision.json"
"$repo/tools/background_sweep.sh" --prepare "$commit"
pidf=$work/logs/why-wm-curve.pid  # a run left by an earlier lane is waited for (a second would find its folder locked)
while [ -f "$pidf" ] && grep -qa wmaug_run "/proc/$(cat "$pidf")/cmdline" 2>/dev/null; do sleep 60; done
echo $$ > "$pidf"
cd "$root"  # wmaug_run writes its results and figure to --out
OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 exec nice -n 10 "$work/venv-$commit/bin/wmaug_run" --methods wmaug --seeds 0 1 2 3 4 --preset paper \
  --dataset hopper-medium-replay --offline-iterations 200000 --online-steps 5000 --start-steps 5000 --eval-every 5000 \
  --eval-episodes 10 --wm-epochs 200 --out "$root" >> "$work/logs/why-wm-curve.log" 2>&1
