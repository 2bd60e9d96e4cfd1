#!/usr/bin/env bash
# Resume the project's long compute: two lanes, one single-threaded worker each (the machine has two cores). A lane
# runs its sweeps one after another (tools/background_sweep.sh --wait); a sweep skips its finished runs in seconds and
# resumes its interrupted ones, so rerunning this script (first thing each session) continues every lane where it
# stopped (a work folder lost with the machine's state gets the committed finished runs back first: tools/restore_runs.py).
# A lane that is still running is left alone; a sweep started by hand under a lane's sweep name is waited
# for, then rerun to learn its status. A step that fails (a run failed, or the sweep could not start) stops its lane.
#   tools/compute_lanes.sh            # start or resume both lanes
#   tools/compute_lanes.sh --dry-run  # print the plan
#   tools/compute_lanes.sh --status   # each lane's state, and each sweep's runs done and where the others stand
# Logs: ~/wmaug-work/logs/lane-NAME.log (the lane's steps) and NAME.log (each sweep's own).
set -euo pipefail
COMMIT=8448acb  # the code every lane runs: the grid's runs so far ran it, and one grid must not mix code
# Each step: the arguments of tools/background_sweep.sh after the commit (sweep name = root under ~/wmaug-work, spec,
# flags), or "script tools/X": a resumable script (X.py: run by the pinned venv's Python), rerun like a sweep.
# The two lanes carry about equal work (hours per group from figure3.ipynb's "How fast the grid ran": wmaug ~4.8,
# td3bc_td3 ~3.7, td3 ~1.4), so that the four core cells finish together. The why-study's last hopper-medium-replay
# arm (plain TD3+BC on 50k) runs at the head of the grid lane while the why lane backfills the world model's critic
# curve, so that issue 18's first cell finishes about 4 hours sooner at no cost to the grid's core cells: the grid lane
# then runs walker2d-medium-replay and walker2d-medium-expert's TD3 group; the why lane, walker2d-medium-expert's
# wmaug and TD3BC+TD3 groups, each in a root of its own (figure3-w2, figure3-w3: one sweep per root, and the
# grid lane's sweeps use figure3 meanwhile), which tools/collect_runs.py collects with figure3. Then the grid lane
# runs the random cells (the paper's third column) but walker2d-random's wmaug group, which the why lane runs after
# the noise and simulator arms on hopper-medium-expert.
GRID=(  # issue 17, Figure 3: hopper's cells first (done), then issue 18's 50k arm, then walker2d's
  "figure3 sweeps/figure3.yaml --env hopper --workers 1"
  "script tools/make_50k.py --accept-rerun"  # the 50k arm's data: made again where a lost work folder took it (see its card, nbs/results/why/data_50k.json)
  "why-50k sweeps/why_50k.yaml --workers 1"
  "figure3 sweeps/figure3.yaml --env walker2d --quality medium-replay --workers 1"
  "figure3 sweeps/figure3.yaml --env walker2d --quality medium-expert --method td3 --workers 1"
  "figure3 sweeps/figure3.yaml --env hopper --quality random --workers 1"  # the paper's third column, as compute allows
  "figure3 sweeps/figure3.yaml --env walker2d --quality random --method td3bc_td3 td3 --workers 1"  # its wmaug group: the why lane's
)
WHY=(  # issue 18, the why-study on hopper-medium-replay: the noise and simulator arms, the world model's critic curve; then the grid's share
  "why sweeps/why.yaml --workers 1"
  "script tools/backfill_wm_curve.sh"  # the world-model arm's offline critic curve (its grid runs predate ExpertQ)
  "figure3-w2 sweeps/figure3.yaml --env walker2d --quality medium-expert --method wmaug --workers 1"
  "figure3-w3 sweeps/figure3.yaml --env walker2d --quality medium-expert --method td3bc_td3 --workers 1"
  # issue 18's second cell: hopper-medium-expert's noise and simulator arms (its world-model, real and TD3 arms are the grid's)
  "why sweeps/why.yaml --dataset hopper-medium-expert --workers 1"
  "figure3-w2 sweeps/figure3.yaml --env walker2d --quality random --method wmaug --workers 1"
)

case "${1:-}" in
  '') DRY= ;;
  --dry-run) DRY=1 ;;
  --status) STATUS=1 ;;
  --commit) echo "$COMMIT"; exit 0 ;;  # the pinned commit, for the other tools
  *) echo "usage: tools/compute_lanes.sh [--dry-run | --status | --commit]; got $*" >&2; exit 2 ;;
esac
repo=$(cd "$(dirname "$0")/.." && pwd); work=~/wmaug-work
mkdir -p "$work/logs"

lane_running() {  # lane_running NAME: whether the lane's pid is alive and is this lane (a pid file from an earlier boot may name an unrelated process)
  local pidf=$work/logs/lane-$1.pid
  [ -f "$pidf" ] && grep -qa "wmaug-lane-$1" "/proc/$(cat "$pidf")/cmdline" 2>/dev/null
}

lane() {  # lane NAME STEP...: run the steps in order, in the background
  local name=$1; shift
  local pidf=$work/logs/lane-$name.pid
  if lane_running "$name"; then echo "lane $name is running (pid $(cat "$pidf"))"; return; fi
  if [ "$DRY" ]; then printf "lane %s:\n" "$name"; for st in "$@"; do case $st in script\ *) echo "  ${st#script }" ;; *) echo "  tools/background_sweep.sh --wait $COMMIT $st" ;; esac; done; return; fi
  nohup bash -c '
    repo=$1 work=$2 commit=$3; shift 3
    log() { echo "$(date "+%F %T") $*"; }
    for step in "$@"; do
      read -r sweep _ <<< "$step"
      if [ "$sweep" = script ]; then  # a resumable script of tools/ rather than a sweep
        log "start: $step"
        rc=0; read -r s args <<< "${step#script }"
        case $s in  # a Python tool runs in the pinned venv, one thread, behind foreground work like the sweeps; $args word-split on purpose
          *.py) OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 nice -n 10 "$work/venv-$commit/bin/python" "$repo/$s" $args || rc=$? ;;
          *) "$repo/$s" $args || rc=$? ;;
        esac
        if [ "$rc" -ne 0 ]; then log "FAILED (exit $rc): $step. Lane stopped."; exit "$rc"; fi
        log "done: $step"; continue
      fi
      pidf=$work/logs/sweep-$sweep.pid
      if [ -f "$pidf" ] && grep -qa wmaug_sweep "/proc/$(cat "$pidf")/cmdline" 2>/dev/null; then
        log "waiting: sweep $sweep is running (pid $(cat "$pidf")), started outside this lane"
        while grep -qa wmaug_sweep "/proc/$(cat "$pidf")/cmdline" 2>/dev/null; do sleep 60; done
      fi
      log "start: $step"
      rc=0; "$repo/tools/background_sweep.sh" --wait "$commit" $step || rc=$?  # word-split on purpose: name, spec, flags
      if [ "$rc" -ne 0 ]; then log "FAILED (exit $rc): $step; see $work/logs/$sweep.log. Lane stopped."; exit "$rc"; fi
      log "done: $step"
    done
    log "lane done"' "wmaug-lane-$name" "$repo" "$work" "$COMMIT" "$@" >> "$work/logs/lane-$name.log" 2>&1 &
  echo $! > "$pidf"; echo "lane $name started (pid $!): $# step(s), log $work/logs/lane-$name.log"
}

status() {  # status NAME STEP...: the lane's state and last log line; per sweep, wmaug_sweep --dry-run's runs not done or not started, and its counts
  local name=$1; shift
  local state='not running'
  if lane_running "$name"; then state="running (pid $(cat "$work/logs/lane-$name.pid"))"; fi
  echo "lane $name: $state; its log's last line: $(tail -n 1 "$work/logs/lane-$name.log" 2>/dev/null || echo none)"
  # this checkout's wmaug_sweep reads where runs stand (the pinned one may predate run_progress); the spec is the lanes' own
  local cli=$repo/.venv/bin/wmaug_sweep; [ -x "$cli" ] || cli=$(command -v wmaug_sweep) || { echo "  no wmaug_sweep here: make the repo's .venv" >&2; return 1; }
  local hours=0 open=0 out h
  for st in "$@"; do
    case $st in script\ *) echo "  ${st#script }: a script; its progress is in $work/logs/lane-$name.log"; continue ;; esac
    read -r sweep spec flags <<< "$st"
    echo "  $st"
    # word-split on purpose: the step's flags
    out=$("$cli" "$work/src-$COMMIT/$spec" --root "$work/$sweep" $flags --dry-run 2>&1 | grep -vE ' (done|not started)$|^$' || true)
    sed 's/^/    /' <<< "$out"
    h=$(grep -oE 'about [0-9.]+ worker-hours' <<< "$out" | grep -oE '[0-9.]+' || true)
    [ -n "$h" ] && hours=$(awk -v a="$hours" -v b="$h" 'BEGIN { print a + b }')
    if grep -q 'not estimated' <<< "$out"; then open=$((open + 1)); fi
  done
  # the lane's remaining work for a session's note: one worker, so its hours add up
  echo "  lane $name: about $hours hours of its sweeps' estimated work left$([ "$open" -gt 0 ] && echo ", plus $open sweep(s) not (fully) estimated")"
}
if [ "${STATUS:-}" ]; then status grid "${GRID[@]}"; status why "${WHY[@]}"; exit 0; fi

# the worktree and venv once, before two lanes could race to make them
[ "$DRY" ] || "$repo/tools/background_sweep.sh" --prepare "$COMMIT"
# the committed finished runs that a lost work folder no longer holds go back into their roots, so the sweeps skip them
[ "$DRY" ] || "$work/venv-$COMMIT/bin/python" "$repo/tools/restore_runs.py" "$repo/nbs/results/paper_core" "$repo/nbs/results/why" --work "$work"
lane grid "${GRID[@]}"
lane why "${WHY[@]}"
