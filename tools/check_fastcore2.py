"""Check that wmaug works with fastcore 2 (its runtime requirement allows fastcore>=1.5,<3).

nbdev 2, which builds and tests wmaug, needs fastcore<2, so the dev environment has fastcore 1.x. This script is run
by `.ci/run` with fastcore 2 installed into a scratch folder put first on PYTHONPATH; it imports every module and
exercises what wmaug takes from fastcore (`patch`-ed methods, `docments`) against values computed by hand.

    pip install --no-deps --target /tmp/fc2 "fastcore>=2,<3" && PYTHONPATH=/tmp/fc2 python tools/check_fastcore2.py
"""
import importlib, pkgutil, sys
import numpy as np
import fastcore

major = int(fastcore.__version__.split('.')[0])
if major != 2: sys.exit(f"expected fastcore 2 first on the path, found {fastcore.__version__} at {fastcore.__file__}")

import wmaug
mods = [importlib.import_module(f'wmaug.{m.name}') for m in pkgutil.iter_modules(wmaug.__path__)]  # every module imports

from wmaug.data import Transitions, ObsStats, load_dataset
d = load_dataset('hopper-random')
sub = d.take(np.arange(5))
assert np.array_equal(sub.observations, d.observations[:5]), 'Transitions.take'
assert len(d.subsample(100, seed=0)) == 100, 'Transitions.subsample'
both = Transitions.concat([sub, sub])
assert np.array_equal(both.rewards, np.concatenate([sub.rewards, sub.rewards])), 'Transitions.concat'
st = ObsStats.from_transitions(d)
assert np.allclose(d.normalized(st).observations, (d.observations - st.mean) / st.std, atol=1e-5), 'Transitions.normalized'
assert d.summary()['size'] == 10_000, 'Transitions.summary'

from dataclasses import fields
from fastcore.docments import docments
cfg = next(m.ExperimentConfig for m in mods if 'ExperimentConfig' in vars(m))  # wherever the run schema lives
docs = docments(cfg)
missing = [f.name for f in fields(cfg) if not docs.get(f.name)]
assert not missing, f"docments found no comment for {missing}"
print(f"fastcore {fastcore.__version__}: every wmaug module imports, patched methods and docments work")
