#!/usr/bin/env bash
# Start (or resume) a long sweep in the background, from a pinned worktree with its own venv, one thread per run.
#   tools/background_sweep.sh COMMIT NAME SPEC [wmaug_sweep flags...]
# e.g. tools/background_sweep.sh 58b15a9 figure3 sweeps/figure3.yaml --env hopper --workers 1
# The root is ~/wmaug-work/NAME (finished runs are skipped, so rerunning resumes), the log ~/wmaug-work/logs/NAME.log.
# A sweep of that NAME that is still running is left alone.
set -euo pipefail
commit=${1:?usage: tools/background_sweep.sh COMMIT NAME SPEC [flags]}; name=${2:?NAME}; spec=${3:?SPEC}; shift 3
repo=$(cd "$(dirname "$0")/.." && pwd)
work=~/wmaug-work; src=$work/src-$commit; venv=$work/venv-$commit
mkdir -p "$work/logs"
[ -d "$src" ] || git -C "$repo" worktree add -f "$src" "$commit"
if [ ! -x "$venv/bin/wmaug_sweep" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q torch==2.13.0 && "$venv/bin/pip" install -q -e "$src"
fi
pidf=$work/logs/sweep-$name.pid
if [ -f "$pidf" ] && kill -0 "$(cat "$pidf")" 2>/dev/null; then echo "sweep $name is running (pid $(cat "$pidf"))"; exit 0; fi
# nice: foreground work on the same cores goes first; the spec is read from the pinned worktree
OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 nohup nice -n 10 "$venv/bin/wmaug_sweep" "$src/$spec" --root "$work/$name" "$@" >> "$work/logs/$name.log" 2>&1 &
echo $! > "$pidf"; echo "sweep $name started (pid $!): $spec $* -> $work/$name"
