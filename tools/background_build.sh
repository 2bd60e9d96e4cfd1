#!/usr/bin/env bash
# Start (or resume) the behaviour-policy builds of issue 16 in the background, from a pinned worktree with its own venv.
#   tools/background_build.sh COMMIT            two queues (one thread each): hopper -> halfcheetah, walker2d@1 -> ant
# An entry TASK@SEED is a further seed of a stalled run (walker2d's seed 0 stalled near a score of 15 from 220k to
# 420k steps; its run is kept and resumes if named again as walker2d). Work goes to ~/wmaug-work/data/<task> (seed 0)
# or <task>-seed<k> (resumable: rerun after any interruption; finished stages are skipped), logs to
# ~/wmaug-work/logs/<same name>.log. A queue that is still running is left alone.
set -euo pipefail
commit=${1:?usage: tools/background_build.sh COMMIT}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=~/wmaug-work; src=$work/src-$commit; venv=$work/venv-$commit
mkdir -p "$work/logs" "$work/data"
[ -d "$src" ] || git -C "$repo" worktree add -f "$src" "$commit"
if [ ! -x "$venv/bin/wmaug_data" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q torch==2.13.0 && "$venv/bin/pip" install -q -e "$src"
fi
queue() {  # queue NAME TASK...: the tasks one after another, in one background process
  local name=$1; shift
  local pidf=$work/logs/queue-$name.pid
  if [ -f "$pidf" ] && kill -0 "$(cat "$pidf")" 2>/dev/null; then echo "queue $name is running (pid $(cat "$pidf"))"; return; fi
  local cmd=""
  for e in "$@"; do
    local t=${e%@*} seed=0 run
    [[ $e == *@* ]] && seed=${e#*@}
    [ "$seed" = 0 ] && run=$t || run=$t-seed$seed
    cmd+="$venv/bin/wmaug_data build $t --seed $seed --out $work/data/$run --budget standard >> $work/logs/$run.log 2>&1; "
  done
  # nice: foreground work (tests, CI) on the same two cores goes first
  OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 nohup nice -n 10 bash -c "$cmd" > /dev/null 2>&1 &
  echo $! > "$pidf"; echo "queue $name started (pid $!): $*"
}
queue a hopper halfcheetah
queue b walker2d@1 ant
