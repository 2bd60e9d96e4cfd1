"""Run the notebooks' tests with nbdev, one notebook at a time, and count them.

nbdev_test only prints `Success.` (and exits 0 when no notebook is eligible), so this runs the same per-notebook test
(`nbdev.test.test_nb`, honouring settings.ini's `tst_flags`, `.notest` folders and `skip_exec` front matter), prints a
line per notebook and closes with `N passed, N failed` (N counts notebooks). Exit status 1 on any failure or when no
notebook ran.

    python tools/test_notebooks.py                      # every notebook in nbs/
    python tools/test_notebooks.py nbs/00_data.ipynb    # some notebooks
    python tools/test_notebooks.py --flags slow         # also the cells flagged `slow`
"""
import argparse, os, sys, time
from pathlib import Path

# Several torch processes on a small machine slow each other down many times over unless each keeps to one thread.
os.environ.setdefault('OMP_NUM_THREADS', '1')
os.environ['IN_TEST'] = '1'

from nbdev.config import get_config
from nbdev.doclinks import nbglob
from nbdev.test import test_nb
from fastcore.parallel import parallel


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('paths', nargs='*', help='notebooks to test (default: all in nbs/)')
    p.add_argument('--flags', default='', help='space-separated test flags to run too, e.g. "slow"')
    p.add_argument('--n_workers', type=int, default=1, help='notebooks run at once (each in its own process)')
    a = p.parse_args()
    cfg = get_config()
    if a.paths: files = [Path(f).absolute() for f in a.paths]
    else:
        files = [f.absolute() for f in sorted(nbglob(cfg.nbs_path, as_path=True))
                 if not any((d/'.notest').exists() for d in f.parents)]
    if not files:
        print('no notebook to test'); print('0 passed, 0 failed'); sys.exit(1)
    t0 = time.time()
    results = parallel(test_nb, files, skip_flags=cfg.tst_flags.split(), force_flags=a.flags.split(),
                       basepath=cfg.config_path, n_workers=a.n_workers, threadpool=False, pause=0.01)
    for f, (ok, secs) in zip(files, results):
        print(f"{'PASS' if ok else 'FAIL'}  {f.relative_to(cfg.config_path)}  ({secs:.0f} s)")
    passed = sum(ok for ok, _ in results)
    print(f"\nnotebooks tested in {time.time() - t0:.0f} s")
    print(f"{passed} passed, {len(files) - passed} failed")
    sys.exit(0 if passed == len(files) else 1)


if __name__ == '__main__':
    main()
