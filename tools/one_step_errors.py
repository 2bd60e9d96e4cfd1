"""Measure each next-state source's one-step error on held-out transitions (10_ablations' `one_step_errors`) for some
datasets, and merge the rows into a CSV (each dataset's rows replaced, the others kept).

    OMP_NUM_THREADS=1 python tools/one_step_errors.py hopper-medium-expert --out nbs/results/why/one_step_errors.csv

The world models are fitted with seed 0 under ROOT/world_models (default ~/wmaug-work/why-onestep), once: a second
call reuses them. About 10 minutes of one core per dataset.
"""
import argparse
from pathlib import Path

import pandas as pd
from wmaug.ablations import one_step_errors


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('datasets', nargs='+', help='dataset names load_dataset accepts')
    p.add_argument('--out', type=Path, required=True, help='the CSV to write (rows of other datasets kept)')
    p.add_argument('--root', type=Path, default=Path('~/wmaug-work/why-onestep'), help='where the fitted world models are kept')
    a = p.parse_args()
    old = pd.read_csv(a.out, index_col=0) if a.out.is_file() else None
    if old is not None and (missing := {'dataset', 'source', 'vs_copy'} - set(old.columns)):
        p.exit(2, f"one_step_errors: {a.out} lacks the columns {sorted(missing)}: not a one_step_errors table; pass another --out\n")
    new = pd.concat([one_step_errors(ds, a.root.expanduser()) for ds in a.datasets], ignore_index=True)
    out = new if old is None else pd.concat([old[~old.dataset.isin(a.datasets)], new], ignore_index=True)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    out.to_csv(a.out)
    print(out.round(4).to_string())


if __name__ == '__main__':
    main()
