"""Copy the finished runs of a background sweep into the repository: what a run's results are, never its checkpoints.

    python tools/collect_runs.py ~/wmaug-work/figure3 nbs/results/paper_core --commit c36e89a

For every run folder with DONE.json (a finished run): DONE.json, results.csv, curve.png, expert_q.csv (its critic's
errors along the expert episode at each evaluation) and the final policy of each seed (policies/seed<s>-final.pt,
about 300 kB); with --traces also expert_q_traces.csv (the critic's values along the episode every 25k iterations,
about 0.5 MB a run: for the cells a Q-value study reads). Runs already collected are refreshed; unfinished runs are left out.
COMMIT records the commit the sweep's code was pinned at, and manifest.csv the sweep's status of every run.
"""
import argparse, shutil
from pathlib import Path

import pandas as pd
from wmaug.experiment import EXPERT_Q_FILES
from wmaug.policy import POLICY_DIR, policy_path
from wmaug.sweep import DONE

KEEP = (DONE, 'results.csv', 'curve.png', EXPERT_Q_FILES[0])  # a run's record (its notebook and checkpoints stay in the work folder)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('root', type=Path, help='the sweep root (wmaug_sweep --root)')
    p.add_argument('dest', type=Path, help='folder in the repository')
    p.add_argument('--commit', required=True, help='the commit the sweep ran (its pinned worktree)')
    p.add_argument('--traces', action='store_true', help="also each run's expert_q_traces.csv")
    a = p.parse_args()
    root = a.root.expanduser()
    if not (root/'manifest.csv').is_file(): p.exit(2, f"collect_runs: {root} holds no manifest.csv: pass a wmaug_sweep root\n")
    a.dest.mkdir(parents=True, exist_ok=True)
    done = sorted(d for d in root.iterdir() if (d/DONE).is_file())
    for d in done:
        out = a.dest/d.name
        shutil.rmtree(out, ignore_errors=True); out.mkdir()  # a refreshed run keeps no file of an earlier collection
        for f in KEEP + ((EXPERT_Q_FILES[1],) if a.traces else ()):
            if (d/f).is_file(): shutil.copyfile(d/f, out/f)
        for s in sorted(pd.read_csv(d/'results.csv', usecols=['seed']).seed.unique()):  # each member's final policy
            if (f := policy_path(d, s, 'final')).is_file(): (out/POLICY_DIR).mkdir(exist_ok=True); shutil.copyfile(f, out/POLICY_DIR/f.name)
    shutil.copyfile(root/'manifest.csv', a.dest/'manifest.csv')
    (a.dest/'COMMIT').write_text(a.commit + '\n')
    print(f"{len(done)} finished run(s) of {root} in {a.dest} (commit {a.commit})")


if __name__ == '__main__':
    main()
