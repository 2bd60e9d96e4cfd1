"""Copy the finished runs of a background sweep into the repository: what a run's results are, never its checkpoints.

    python tools/collect_runs.py ~/wmaug-work/figure3 ~/wmaug-work/figure3-w2 nbs/results/paper_core --commit 8448acb

For every run folder with DONE.json (a finished run): DONE.json, results.csv, curve.png, expert_q.csv (its critic's
errors along the expert episode at each evaluation) and the final policy of each seed (policies/seed<s>-final.pt,
about 300 kB); with --traces also expert_q_traces.csv (the critic's values along the episode every 25k iterations,
about 0.5 MB a run: for the cells a Q-value study reads). Runs already collected are refreshed; unfinished runs are left out.
COMMIT records the commit the sweeps' code was pinned at, and manifest.csv the status of every run: one grid may run
as several sweeps (roots), so each root's manifest replaces its own runs' rows and keeps the rest. A run finished in two
roots is refused (it ran twice; say which to keep by collecting the other root's folder away). A run that a later sweep
only skipped keeps the status and time its earlier row recorded.
"""
import argparse, json, shutil
from pathlib import Path

import pandas as pd
from wmaug.experiment import EXPERT_Q_FILES
from wmaug.policy import POLICY_DIR, policy_path
from wmaug.sweep import DONE

KEEP = (DONE, 'results.csv', 'curve.png', EXPERT_Q_FILES[0])  # a run's record (its notebook and checkpoints stay in the work folder)


def merged_manifest(old: pd.DataFrame | None, new: pd.DataFrame) -> pd.DataFrame:
    "`old` with the rows of `new`'s runs replaced by `new`'s; refused when a run finished in two roots."
    if old is None: return new
    finished = lambda m: m[m.status.isin(('done', 'skipped'))].set_index('run_id').path.map(lambda q: str(Path(q).parent))
    a, b = finished(old), finished(new)
    both = [r for r in a.index.intersection(b.index) if a[r] != b[r]]
    if both: raise SystemExit(f"collect_runs: {both[0]} finished in two sweep roots ({a[both[0]]} and {b[both[0]]}): a run must run once; remove one")
    # a run the new sweep only skipped (finished earlier, or restored by tools/restore_runs.py) keeps its recorded status and time
    prev = old.drop_duplicates('run_id', keep='last').set_index('run_id')
    skipped = new.status.eq('skipped') & new.run_id.isin(prev.index[prev.status.isin(('done', 'skipped'))])
    new = new.copy()
    new.loc[skipped, ['status', 'seconds']] = prev.loc[new.run_id[skipped], ['status', 'seconds']].to_numpy()
    return pd.concat([old[~old.run_id.isin(new.run_id)], new], ignore_index=True)


def root_manifest(root: Path) -> pd.DataFrame:
    "A root's manifest.csv, plus a row from DONE.json for each finished run it no longer lists (a later sweep step on the root lists only its own runs)."
    man = pd.read_csv(root/'manifest.csv')
    extra = []
    for d in sorted(root.iterdir()):
        if (d/DONE).is_file() and d.name not in set(man.run_id):
            j = json.loads((d/DONE).read_text())
            extra.append(dict(run_id=d.name, status='done', seconds=j.get('seconds'), final_score=j.get('final_score'), path=str(d),
                              **{k: v for k, v in j['params'].items() if k not in ('run_id', 'out_dir')}))
    return pd.concat([man, pd.DataFrame(extra)], ignore_index=True) if extra else man


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('roots', type=Path, nargs='+', help='the sweep roots (wmaug_sweep --root) of one grid')
    p.add_argument('dest', type=Path, help='folder in the repository')
    p.add_argument('--commit', required=True, help='the commit the sweeps ran (their pinned worktree)')
    p.add_argument('--traces', action='store_true', help="also each run's expert_q_traces.csv")
    a = p.parse_args()
    roots = [r.expanduser() for r in a.roots]
    for root in roots:  # every root checked before anything is written
        if not (root/'manifest.csv').is_file(): p.exit(2, f"collect_runs: {root} holds no manifest.csv: pass a wmaug_sweep root\n")
    if (a.dest/'COMMIT').is_file() and (was := (a.dest/'COMMIT').read_text().strip()) != a.commit:
        p.exit(2, f"collect_runs: {a.dest} holds runs of commit {was}, not {a.commit}: one grid must not mix code; collect into another folder\n")
    man = pd.read_csv(a.dest/'manifest.csv') if (a.dest/'manifest.csv').is_file() else None
    for root in roots: man = merged_manifest(man, root_manifest(root))
    a.dest.mkdir(parents=True, exist_ok=True)
    for root in roots:
        done = sorted(d for d in root.iterdir() if (d/DONE).is_file())
        for d in done:
            out = a.dest/d.name
            shutil.rmtree(out, ignore_errors=True); out.mkdir()  # a refreshed run keeps no file of an earlier collection
            for f in KEEP + ((EXPERT_Q_FILES[1],) if a.traces else ()):
                if (d/f).is_file(): shutil.copyfile(d/f, out/f)
            for s in sorted(pd.read_csv(d/'results.csv', usecols=['seed']).seed.unique()):  # each member's final policy
                if (f := policy_path(d, s, 'final')).is_file(): (out/POLICY_DIR).mkdir(exist_ok=True); shutil.copyfile(f, out/POLICY_DIR/f.name)
        print(f"{len(done)} finished run(s) of {root} in {a.dest}")
    man.to_csv(a.dest/'manifest.csv', index=False)
    (a.dest/'COMMIT').write_text(a.commit + '\n')
    print(f"{a.dest}: {int(man.status.isin(('done', 'skipped')).sum())} of {len(man)} run(s) in its manifest finished (commit {a.commit})")


if __name__ == '__main__':
    main()
