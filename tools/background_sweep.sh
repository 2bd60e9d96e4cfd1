#!/usr/bin/env bash
# Start (or resume) a long sweep in the background, from a pinned worktree with its own venv, one thread per run.
#   tools/background_sweep.sh [--wait | --prepare] COMMIT NAME SPEC [wmaug_sweep flags...]
# e.g. tools/background_sweep.sh 58b15a9 figure3 sweeps/figure3.yaml --env hopper --workers 1
# The root is ~/wmaug-work/NAME (finished runs are skipped, so rerunning resumes), the log ~/wmaug-work/logs/NAME.log.
# A sweep of that NAME that is still running is left alone. --wait runs the sweep in the foreground instead and exits
# with its status (1 when a run failed); --prepare only makes the worktree and venv of COMMIT (NAME and SPEC unused).
set -euo pipefail
mode=background
case "${1:-}" in --wait) mode=wait; shift ;; --prepare) mode=prepare; shift ;; esac
commit=${1:?usage: tools/background_sweep.sh [--wait | --prepare] COMMIT NAME SPEC [flags]}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=~/wmaug-work; src=$work/src-$commit; venv=$work/venv-$commit
mkdir -p "$work/logs"
[ -d "$src" ] || git -C "$repo" worktree add -f "$src" "$commit"
if [ ! -x "$venv/bin/wmaug_sweep" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q torch==2.13.0 && "$venv/bin/pip" install -q -e "$src"
fi
[ "$mode" = prepare ] && exit 0
name=${2:?NAME}; spec=${3:?SPEC}; shift 3
[ -f "$src/$spec" ] || { echo "no spec $spec in the worktree of $commit ($src)" >&2; exit 2; }
pidf=$work/logs/sweep-$name.pid
# running: the pid is alive and is a wmaug_sweep (a pid file from an earlier boot may name an unrelated process)
if [ -f "$pidf" ] && grep -qa wmaug_sweep "/proc/$(cat "$pidf")/cmdline" 2>/dev/null; then echo "sweep $name is running (pid $(cat "$pidf"))"; exit 0; fi
# nice: foreground work on the same cores goes first; the spec is read from the pinned worktree
run=(env OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 nice -n 10 "$venv/bin/wmaug_sweep" "$src/$spec" --root "$work/$name" "$@")
if [ "$mode" = wait ]; then echo $$ > "$pidf"; exec "${run[@]}" >> "$work/logs/$name.log" 2>&1; fi
nohup "${run[@]}" >> "$work/logs/$name.log" 2>&1 &
echo $! > "$pidf"; echo "sweep $name started (pid $!): $spec $* -> $work/$name"
