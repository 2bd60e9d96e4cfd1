"""Issue 9: which next-state source makes augmented TD3+BC work (wmaug.ablations.source_study), resumable.

    python benchmarks/source_study.py                       # this session's budget: ~100 min on 2 cores
    python benchmarks/source_study.py --online-steps 100000 --offline-iterations 200000 --root runs/sources_paper  # the paper's offline budget, 100k online steps

Results go to <root>/runs/<dataset>__<source>/results.csv; the ablations notebook reads nbs/_runs/10_ablations/sources.
"""
import argparse, time
from wmaug.ablations import SOURCES, source_study

DATASETS = ['hopper-medium-replay', 'walker2d-medium-replay', 'hopper-medium-expert', 'walker2d-medium-expert']

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--root', default='nbs/_runs/10_ablations/sources')
    p.add_argument('--datasets', nargs='+', default=DATASETS)
    p.add_argument('--sources', nargs='+', default=list(SOURCES), choices=list(SOURCES))
    p.add_argument('--seeds', nargs='+', type=int, default=[0, 1, 2, 3, 4])
    p.add_argument('--offline-iterations', type=int, default=5_000)
    p.add_argument('--online-steps', type=int, default=7_500)
    p.add_argument('--start-steps', type=int, default=1_000)
    p.add_argument('--eval-every', type=int, default=2_500)
    p.add_argument('--eval-episodes', type=int, default=5)
    p.add_argument('--workers', type=int, default=2, help='processes, one torch thread each (a GPU machine: fewer workers, --device cuda)')
    p.add_argument('--threads', type=int, default=1)
    p.add_argument('--device', default='cpu')
    p.add_argument('--extend', action='store_true', help='let finished runs in --root continue to larger budgets (e.g. --online-steps 100000)')
    a = p.parse_args()
    t0 = time.time()
    res = source_study(a.datasets, a.root, seeds=a.seeds, sources=a.sources, workers=a.workers, threads=a.threads,
                       offline_iterations=a.offline_iterations, online_steps=a.online_steps, start_steps=a.start_steps,
                       eval_every=a.eval_every, eval_episodes=a.eval_episodes, device=a.device, extend=a.extend)
    print(f'{len(res)} rows in {time.time() - t0:.0f} s', flush=True)
