"""Issue 9: the next-state source study at the budget of one 2-core session (resumable: rerun to continue).
    python benchmarks/source_study.py   # ~95 min on 2 cores; results in nbs/_runs/05_ablations/sources/
"""
import sys, time
from wmaug.ablations import source_study

DATASETS = ['hopper-medium-replay', 'walker2d-medium-replay', 'hopper-medium-expert', 'walker2d-medium-expert']
BUDGETS = dict(offline_iterations=5_000, online_steps=7_500, start_steps=1_000, eval_every=2_500, eval_episodes=5, device='cpu')

if __name__ == '__main__':
    t0 = time.time()
    res = source_study(DATASETS, 'nbs/_runs/05_ablations/sources', seeds=(0, 1, 2, 3, 4), workers=2, threads=1, **BUDGETS)
    print(f'{len(res)} rows in {time.time() - t0:.0f} s', flush=True)
