"""Do bf16 products change TD3+BC's scores? 5 seeds (one ensemble) per variant on a shipped 10k set, same seeds,
same budget: fp32 vs bf16 update (plain TD3+BC), and augmented TD3+BC with the world model in fp32 vs bf16.
One world model (fp32-trained) is shared by the augmented variants, so only the arithmetic differs.

    python benchmarks/bf16_scores.py --dataset hopper-medium-replay --iterations 10000 --out nbs/results/bf16
"""
import argparse, time
from pathlib import Path
import pandas as pd, torch
from wmaug.data import ObsStats, load_dataset
from wmaug.world_model import FitConfig, fit_world_model
from wmaug.td3bc import OfflineConfig, TD3Config, train_offline
from wmaug.augmentation import augment_with

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument('--dataset', default='hopper-medium-replay'); p.add_argument('--iterations', type=int, default=10_000)
p.add_argument('--seeds', type=int, nargs='+', default=[0, 1, 2, 3, 4]); p.add_argument('--out', default='nbs/results/bf16')
p.add_argument('--wm-epochs', type=int, default=50)
a = p.parse_args()
out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
data = load_dataset(a.dataset); stats = ObsStats.from_transitions(data)
wm, _, hist = fit_world_model(data, stats=stats, cfg=FitConfig(max_epochs=a.wm_epochs, seed=0, device='cpu'), progress=False)
cfg = OfflineConfig(iterations=a.iterations, eval_every=a.iterations // 2, eval_episodes=10, seed=a.seeds, device='cpu')
variants = {'plain fp32': (TD3Config(), None), 'plain bf16': (TD3Config(bf16=True), None),
            'augmented, world model fp32': (TD3Config(), augment_with(wm, stats, seed=0)),
            'augmented, world model bf16': (TD3Config(), augment_with(wm, stats, seed=0, bf16=True))}
logs = []
for name, (td3, make) in variants.items():
    t0 = time.time()
    _, _, log = train_offline(data, cfg, td3, out_dir=out/name.replace(' ', '_').replace(',', ''), make_sampler=make, stats=stats, progress=False)
    logs.append(log.assign(variant=name, dataset=a.dataset))
    print(f"{name}: {time.time() - t0:.0f} s; final scores {log[log.iteration == a.iterations].score_mean.round(1).tolist()}", flush=True)
    pd.concat(logs).to_csv(out/'scores.csv', index=False)
