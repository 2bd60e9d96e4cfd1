"""Put the committed finished runs back into their sweep roots, so a sweep on a machine that lost its work folder skips them.

    python tools/restore_runs.py nbs/results/paper_core nbs/results/why --work ~/wmaug-work

The reverse of tools/collect_runs.py. A sweep skips a run whose folder holds DONE.json, and the committed copy of a
finished run holds exactly what a later step reads (DONE.json, results.csv, curve.png, the critic along the expert
episode, the final policies). Each run goes back to the root its manifest.csv row names (the folder under --work
that ran it, e.g. figure3 or why), so collecting again later finds it where it ran. Only a run whose folder is absent
from its root is restored: a folder that exists is the root's own (finished, or interrupted and resuming) and is left
alone. Every folder and manifest is checked before anything is written.
"""
import argparse, shutil
from pathlib import Path

import pandas as pd
from wmaug.sweep import DONE


def restorable(dest: Path) -> list[tuple[str, str]]:
    "(run_id, root name) of each finished run `dest` holds: its manifest's row says finished and its folder has DONE.json."
    man = pd.read_csv(dest/'manifest.csv')
    done = man[man.status.isin(('done', 'skipped'))]
    missing = [r for r in done.run_id if not (dest/r/DONE).is_file()]
    if missing: raise SystemExit(f"restore_runs: {dest}/manifest.csv says {missing[0]} finished but {dest/missing[0]/DONE} is missing: collect it again (tools/collect_runs.py)")
    return [(r, Path(p).parent.name) for r, p in zip(done.run_id, done.path)]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('dests', type=Path, nargs='+', help='folders of collected runs (tools/collect_runs.py DEST)')
    p.add_argument('--work', type=Path, default=Path('~/wmaug-work'), help='the folder holding the sweep roots')
    a = p.parse_args()
    work = a.work.expanduser()
    plan = []
    for dest in a.dests:  # every manifest read and checked before anything is written
        if not (dest/'manifest.csv').is_file(): p.exit(2, f"restore_runs: {dest} holds no manifest.csv: pass a folder tools/collect_runs.py wrote\n")
        plan += [(dest/r, work/root/r) for r, root in restorable(dest)]
    restored = 0
    for src, out in plan:
        if out.exists(): continue  # the root's own folder: finished there, or interrupted and resuming
        tmp = work/'.restoring'/out.parent.name/out.name  # outside the root, renamed in whole: a half-copied run is never taken as finished
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.copytree(src, tmp)
        out.parent.mkdir(parents=True, exist_ok=True); tmp.rename(out); restored += 1
    shutil.rmtree(work/'.restoring', ignore_errors=True)
    print(f"restore_runs: {restored} finished run(s) restored, {len(plan) - restored} already in their roots under {work}")


if __name__ == '__main__':
    main()
