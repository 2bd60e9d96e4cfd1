"""Run the notebooks' tests with nbdev, one notebook at a time, and count them.

nbdev_test only prints `Success.` (and exits 0 when no notebook is eligible), so this runs the same per-notebook test
(`nbdev.test.test_nb`, honouring settings.ini's `tst_flags`, `.notest` folders and `skip_exec` front matter), prints a
line per notebook and closes with `N passed, N failed` (N counts notebooks). A notebook nbdev skips (`skip_exec: true`
front matter, or not Python) prints SKIP and counts as neither: test_nb reports it as passed without running a cell.
Exit status 1 on any failure or when no notebook actually ran.

    python tools/test_notebooks.py                      # every notebook in nbs/
    python tools/test_notebooks.py nbs/01_data.ipynb    # some notebooks
    python tools/test_notebooks.py --flags slow         # also the cells flagged `slow`
    python tools/test_notebooks.py --n_workers 1        # one notebook at a time (default: one per core, at most 4)

Each notebook runs in a fresh process of its own (Python 3.11+; 3.10 reuses a worker's process for its next notebook),
with one torch thread unless OMP_NUM_THREADS says otherwise, so on n cores n notebooks at once take about 1/n of the
time (the suite sits close to CI's 20-minute budget run one at a time), and no notebook sees another's state. Every
notebook writes to its own temporary folders (fixed paths are only in `slow` cells), so running them side by side
changes no result.
"""
import argparse, functools, multiprocessing, os, sys, time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

# Several torch processes on a small machine slow each other down many times over unless each keeps to one thread.
os.environ.setdefault('OMP_NUM_THREADS', '1')
os.environ['IN_TEST'] = '1'

from nbdev.config import get_config
from nbdev.doclinks import nbglob
from nbdev.test import test_nb
from nbdev.process import NBProcessor, nb_lang
from nbdev.frontmatter import FrontmatterProc
from fastcore.basics import str2bool


def skipped(fn) -> bool:
    "Whether nbdev's `test_nb` skips `fn` without running it: the same front-matter and language checks it makes."
    nb = NBProcessor(fn, procs=FrontmatterProc, process=True).nb
    return str2bool(getattr(nb, 'frontmatter_', {}).get('skip_exec', False)) or nb_lang(nb) != 'python'


def default_workers() -> int:
    "One notebook per core this process may use, at most 4 (each kernel holds about a gigabyte)."
    cores = len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else (os.cpu_count() or 1)
    return max(1, min(cores, 4))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('paths', nargs='*', help='notebooks to test (default: all in nbs/)')
    p.add_argument('--flags', default='', help='space-separated test flags to run too, e.g. "slow"')
    p.add_argument('--n_workers', type=int, default=default_workers(),
                   help='notebooks run at once, each in its own one-thread process (default: one per core, at most 4)')
    a = p.parse_args()
    cfg = get_config()
    if a.paths: files = [Path(f).absolute() for f in a.paths]
    else:
        files = [f.absolute() for f in sorted(nbglob(cfg.nbs_path, as_path=True))
                 if not any((d/'.notest').exists() for d in f.parents)]
    skip = [f for f in files if skipped(f)]
    for f in skip: print(f"SKIP  {f.relative_to(cfg.config_path)}  (skip_exec or not Python: nbdev runs none of its cells)")
    files = [f for f in files if f not in skip]
    if not files:
        print('no notebook to test'); print('0 passed, 0 failed'); sys.exit(1)
    if a.n_workers < 1: p.error(f'--n_workers must be at least 1, got {a.n_workers}')
    t0 = time.time()
    run = functools.partial(test_nb, skip_flags=cfg.tst_flags.split(), force_flags=a.flags.split(), basepath=cfg.config_path)
    fresh = dict(max_tasks_per_child=1) if sys.version_info >= (3, 11) else {}  # a new process per notebook: no state leaks between them
    with ProcessPoolExecutor(a.n_workers, mp_context=multiprocessing.get_context('spawn'), **fresh) as pool:
        results = list(pool.map(run, files))
    for f, (ok, secs) in zip(files, results):
        print(f"{'PASS' if ok else 'FAIL'}  {f.relative_to(cfg.config_path)}  ({secs:.0f} s)")
    passed = sum(ok for ok, _ in results)
    print(f"\nnotebooks tested in {time.time() - t0:.0f} s")
    if skip: print(f"{len(skip)} skipped (not counted)")
    print(f"{passed} passed, {len(files) - passed} failed")  # .ci/run parses exactly this line
    sys.exit(0 if passed == len(files) else 1)


if __name__ == '__main__':
    main()
