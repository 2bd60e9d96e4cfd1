#!/usr/bin/env bash
# Start (or resume) the behaviour-policy builds of issue 16 in the background, from a pinned worktree with its own venv.
#   tools/background_build.sh COMMIT            two queues: hopper -> halfcheetah, walker2d -> ant (one thread each)
# Work goes to ~/wmaug-work/data/<task> (resumable: rerun after any interruption; finished stages are skipped),
# logs to ~/wmaug-work/logs/<task>.log. A queue that is still running is left alone.
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
  for t in "$@"; do cmd+="$venv/bin/wmaug_data build $t --out $work/data/$t --budget standard >> $work/logs/$t.log 2>&1; "; done
  OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 nohup bash -c "$cmd" > /dev/null 2>&1 &
  echo $! > "$pidf"; echo "queue $name started (pid $!): $*"
}
queue a hopper halfcheetah
queue b walker2d ant
