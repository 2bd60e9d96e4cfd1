"""Copy the finished runs of a background sweep into the repository: what a run's results are, never its checkpoints.

    python tools/collect_runs.py ~/wmaug-work/figure3 ~/wmaug-work/figure3-w2 nbs/results/paper_core --commit 8448acb

A run is finished when its folder holds DONE.json, whatever its manifest row says (a sweep records a run's status
only once the run, or its seed group, returns: a finished run of a sweep still running, or killed, reads `pending`).
For every finished run: DONE.json, results.csv, curve.png, expert_q.csv (its critic's errors along the expert episode
at each evaluation) and the final policy of each seed (policies/seed<s>-final.pt, about 300 kB); with --traces also
expert_q_traces.csv (the critic's values along the episode every 25k iterations, about 0.5 MB a run: for the cells a
Q-value study reads). Each run is assembled outside DEST, DONE.json last, and renamed in whole, so an interrupted
collection never leaves a run that looks finished but is not; manifest.csv is replaced at once at the end.

Runs already collected are refreshed; unfinished runs are left out. manifest.csv holds the status of every run: one
grid may run as several sweeps (roots), so each root's manifest replaces its own runs' rows and keeps the rest.
- A run finished in two roots is refused (it ran twice; say which to keep by moving the other root's folder away).
  Roots are told apart by their folder names (figure3, figure3-w2, ...), as tools/restore_runs.py puts them back.
- A finished run's row is what its DONE.json recorded (its checked parameters, time and score), so a run that a later
  sweep only skipped (say after tools/restore_runs.py) keeps its time, and a file's data is not listed under the
  grid's default quality.
- A run collected as finished keeps its row while a root lists it unfinished (say it is running again after a lost
  work folder): the committed record stands until the rerun finishes.
COMMIT records the code the sweeps ran: written on the first collection; later ones must name a commit it mentions
(one grid must not mix code).
"""
import argparse, json, re, shutil, tempfile
from pathlib import Path

import pandas as pd
from wmaug.core import atomic_write
from wmaug.experiment import EXPERT_Q_FILES
from wmaug.policy import POLICY_DIR, policy_path
from wmaug.sweep import DONE, dataset_quality

RECORD = ('results.csv', 'curve.png', EXPERT_Q_FILES[0])  # a run's record besides DONE.json (its notebook and checkpoints stay in the work folder)
FINISHED = ('done', 'skipped')


def merged_manifest(old: pd.DataFrame | None, new: pd.DataFrame) -> pd.DataFrame:
    "`old` with the rows of `new`'s runs replaced by `new`'s; refused when a run finished in two roots."
    if old is None: return new
    finished = lambda m: m[m.status.isin(FINISHED)].set_index('run_id').path.map(lambda q: Path(q).parent.name)  # the root's name
    a, b = finished(old), finished(new)
    both = [r for r in a.index.intersection(b.index) if a[r] != b[r]]
    if both: raise SystemExit(f"collect_runs: {both[0]} finished in two sweep roots ({a[both[0]]} and {b[both[0]]}): a run must run once; remove one")
    prev = old.drop_duplicates('run_id', keep='last').set_index('run_id')
    was_finished = new.run_id.isin(prev.index[prev.status.isin(FINISHED)])
    new = new[new.status.isin(FINISHED) | ~was_finished]  # not finished there (yet): the finished row stands
    return pd.concat([old[~old.run_id.isin(new.run_id)], new], ignore_index=True)


def done_row(d: Path) -> dict:
    "A finished run's manifest row from its DONE.json: what the run itself recorded (its checked parameters, time and score)."
    j = json.loads((d/DONE).read_text())
    return dict(run_id=d.name, status='done', seconds=j.get('seconds'), final_score=j.get('final_score'), path=str(d),
                **{k: v for k, v in j['params'].items() if k not in ('run_id', 'out_dir')})


def root_manifest(root: Path) -> pd.DataFrame:
    "A root's manifest.csv with each finished run's row (its folder holds DONE.json) as the run recorded it, plus such a row for each finished run it no longer lists (a later sweep step on the root lists only its own runs)."
    man = pd.read_csv(root/'manifest.csv')
    has_done = man.run_id.map(lambda r: (root/r/DONE).is_file())
    # a sweep writes a row's status, time and score only when its run or group returns, and its parameters as the grid
    # listed them (a file's data under the default quality, say): DONE.json is the run's own record
    recorded = [done_row(root/r) for r in man.run_id[has_done]]
    man.loc[~has_done & man.status.isin(FINISHED), 'status'] = 'missing'  # its folder is gone or running again: nothing to collect
    man = man.astype(object)
    for i, row in zip(man.index[has_done], recorded):
        for k, v in row.items(): man.loc[i, k] = v
    extra = [done_row(d) for d in sorted(root.iterdir()) if (d/DONE).is_file() and d.name not in set(man.run_id)]
    man = pd.concat([man, pd.DataFrame(extra)], ignore_index=True) if extra else man
    # a sweep of older code listed a run given a full dataset name under the default quality ('random'): the
    # quality is its data's, by the sweep's one rule
    man['quality'] = [dataset_quality(e, q, d) for e, q, d in zip(man.env, man.quality, man.dataset)]
    return man


def assemble(run: Path, out: Path, traces: bool):
    "Copy `run`'s record into the new folder `out`, DONE.json last: a folder holding DONE.json is whole."
    out.mkdir()
    for f in RECORD + ((EXPERT_Q_FILES[1],) if traces else ()):
        if (run/f).is_file(): shutil.copyfile(run/f, out/f)
    for s in sorted(pd.read_csv(run/'results.csv', usecols=['seed']).seed.unique()):  # each member's final policy
        if (f := policy_path(run, s, 'final')).is_file(): (out/POLICY_DIR).mkdir(exist_ok=True); shutil.copyfile(f, out/POLICY_DIR/f.name)
    shutil.copyfile(run/DONE, out/DONE)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('roots', type=Path, nargs='+', help='the sweep roots (wmaug_sweep --root) of one grid')
    p.add_argument('dest', type=Path, help='folder in the repository')
    p.add_argument('--commit', required=True, help='the commit the sweeps ran (their pinned worktree)')
    p.add_argument('--traces', action='store_true', help="also each run's expert_q_traces.csv")
    a = p.parse_args()
    roots = [r.expanduser().resolve() for r in a.roots]
    for root in roots:  # every root checked before anything is written
        if not (root/'manifest.csv').is_file(): p.exit(2, f"collect_runs: {root} holds no manifest.csv: pass a wmaug_sweep root\n")
    if (a.dest/'COMMIT').is_file() and not re.search(rf'\b{re.escape(a.commit)}\b', was := (a.dest/'COMMIT').read_text().strip()):
        p.exit(2, f"collect_runs: {a.dest} holds runs of {was!r}, not of {a.commit}: one grid must not mix code; collect into another folder\n")
    man = pd.read_csv(a.dest/'manifest.csv') if (a.dest/'manifest.csv').is_file() else None
    for root in roots: man = merged_manifest(man, root_manifest(root))
    a.dest.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix='.collecting-', dir=a.dest.resolve().parent))  # beside DEST, so no reader of DEST sees it
    try:
        for root in roots:
            done = sorted(d for d in root.iterdir() if (d/DONE).is_file())
            for d in done:
                assemble(d, stage/d.name, a.traces)
                out = a.dest/d.name
                if out.exists(): out.rename(stage/f'{d.name}.old')  # a refreshed run keeps no file of an earlier collection
                (stage/d.name).rename(out)
            print(f"{len(done)} finished run(s) of {root} in {a.dest}")
        atomic_write(a.dest/'manifest.csv', lambda f: man.to_csv(f, index=False))
        if not (a.dest/'COMMIT').is_file(): atomic_write(a.dest/'COMMIT', lambda f: f.write_text(a.commit + '\n'))
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    print(f"{a.dest}: {int(man.status.isin(FINISHED).sum())} of {len(man)} run(s) in its manifest finished (commit {a.commit})")


if __name__ == '__main__':
    main()
