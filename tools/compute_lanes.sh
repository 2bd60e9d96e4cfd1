#!/usr/bin/env bash
# Resume the project's long compute: two lanes, one single-threaded worker each (the machine has two cores). A lane
# runs its sweeps one after another with tools/background_sweep.sh, waiting for each to end; a sweep skips its
# finished runs in seconds and resumes its interrupted ones, so rerunning this script (first thing each session)
# continues every lane where it stopped. A lane that is still running is left alone.
#   tools/compute_lanes.sh            # start or resume both lanes
#   tools/compute_lanes.sh --dry-run  # print the plan
# Logs: ~/wmaug-work/logs/lane-NAME.log (the lane's steps) and NAME.log (each sweep's own).
set -euo pipefail
COMMIT=8448acb  # the code every lane runs: the grid's runs so far ran it, and one grid must not mix code
# Each step: the arguments of tools/background_sweep.sh after the commit (sweep name = root under ~/wmaug-work, spec, flags).
GRID=(  # issue 17, Figure 3: hopper's cells first (its medium-replay cell is done), then walker2d's
  "figure3 sweeps/figure3.yaml --env hopper --workers 1"
  "figure3 sweeps/figure3.yaml --workers 1"
)
WHY=(  # issue 18, the why-study on hopper-medium-replay: the noise and simulator arms, then plain TD3+BC on 50k
  "why sweeps/why.yaml --workers 1"
  "why-50k sweeps/why_50k.yaml --workers 1"
)

repo=$(cd "$(dirname "$0")/.." && pwd); work=~/wmaug-work
mkdir -p "$work/logs"

lane() {  # lane NAME STEP...: run the steps in order, in the background
  local name=$1; shift
  local pidf=$work/logs/lane-$name.pid
  if [ -f "$pidf" ] && kill -0 "$(cat "$pidf")" 2>/dev/null; then echo "lane $name is running (pid $(cat "$pidf"))"; return; fi
  if [ "${DRY:-}" ]; then printf "lane %s:\n" "$name"; printf "  tools/background_sweep.sh $COMMIT %s\n" "$@"; return; fi
  nohup bash -c '
    repo=$1 work=$2 commit=$3; shift 3
    for step in "$@"; do
      read -r sweep _ <<< "$step"
      echo "$(date "+%F %T") start: $step"
      "$repo/tools/background_sweep.sh" "$commit" $step  # word-split on purpose: name, spec, flags
      while kill -0 "$(cat "$work/logs/sweep-$sweep.pid")" 2>/dev/null; do sleep 60; done
      echo "$(date "+%F %T") ended: $step"
    done
    echo "$(date "+%F %T") lane done"' lane "$repo" "$work" "$COMMIT" "$@" >> "$work/logs/lane-$name.log" 2>&1 &
  echo $! > "$pidf"; echo "lane $name started (pid $!): ${#@} step(s), log $work/logs/lane-$name.log"
}

[ "${1:-}" = "--dry-run" ] && DRY=1
lane grid "${GRID[@]}"
lane why "${WHY[@]}"
