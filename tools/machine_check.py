"""Does this machine compute what the machine that ran a committed grid cell computed? Reruns the first 5k offline
iterations of hopper-medium-replay's TD3BC+TD3 group (seeds 0-4, one ensemble, the grid's settings) and compares its
first evaluations with the committed runs' rows, bit for bit.

    OMP_NUM_THREADS=1 ~/wmaug-work/venv-8448acb/bin/python tools/machine_check.py   # about 4 minutes of one core

Run it with the venv the grid runs (tools/compute_lanes.sh --commit names its commit). Equal rows mean a resumed or
restarted run continues the same computation; different ones mean this machine's runs are replicates of the
protocol, not copies (nbs/results/MACHINES.md). It prints the largest relative differences and exits 0 either way;
nothing is written outside a temporary folder.
"""
import argparse, tempfile
from pathlib import Path

import numpy as np
import pandas as pd
from wmaug.experiment import ExperimentConfig, run_experiment

REPO = Path(__file__).resolve().parents[1]
RUNS = REPO/'nbs/results/paper_core'
CELL, METHOD, SEEDS, ITERS = 'hopper-medium-replay', 'td3bc_td3', [0, 1, 2, 3, 4], 5_000
COLS = ('score_mean', 'critic_loss')


def committed() -> pd.DataFrame:
    "The committed runs' offline rows up to ITERS."
    d = pd.concat([pd.read_csv(RUNS/f'{CELL}__{METHOD}__s{s}'/'results.csv', float_precision='round_trip') for s in SEEDS])
    return d[d.phase.eq('offline') & d.iteration.le(ITERS)].set_index(['seed', 'iteration'])[list(COLS)].sort_index()


def main():
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    old = committed()
    cfg = ExperimentConfig(method=METHOD, dataset=CELL, seed=SEEDS, offline_iterations=ITERS, online_steps=1_000, start_steps=1_000,
                           eval_every=ITERS, eval_episodes=10)  # the grid's settings, but the budgets: the online part is seeding only
    with tempfile.TemporaryDirectory() as tmp:
        res = run_experiment(cfg, tmp, progress=False)
    new = res[res.phase.eq('offline')].set_index(['seed', 'iteration'])[list(COLS)].sort_index().loc[old.index]
    rel = ((new - old).abs() / old.abs()).max()
    same = all(np.array_equal(new[c].to_numpy(), old[c].to_numpy(), equal_nan=True) for c in COLS)
    print(pd.concat({'committed': old, 'here': new}, axis=1).to_string())
    print(f"largest relative difference: " + ', '.join(f'{c} {rel[c]:.1e}' for c in COLS))
    print('this machine computes the committed runs bit for bit' if same else
          "this machine's results differ from the committed runs': its runs are replicates, not copies")


if __name__ == '__main__':
    main()
