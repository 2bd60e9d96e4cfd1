"""Correctness of wmaug's update on CUDA: hand-written gradients vs autograd, the direct fused Adam step vs Adam.step,
an ensemble vs single seeds, and short offline runs (plain and augmented). Run it on a machine with a GPU:

    python benchmarks/gpu_check.py

It prints what it measured and ends with GPU CHECK PASSED (nbs/results/gpu_check_h200.txt is its output on an H200)."""
import sys
import copy, time, torch
from wmaug.nets import EnsembleMLP, adam, adam_step
from wmaug.td3bc import TD3, TD3Config, td3_losses, OfflineConfig, train_offline
from wmaug.data import Batch, ObsStats, load_dataset
from wmaug.world_model import WorldModel
from wmaug.augmentation import AugmentedSampler, augment_with
dev = 'cuda'
if not torch.cuda.is_available(): sys.exit('gpu_check: no CUDA device here; run it on a machine with a GPU')
print('torch', torch.__version__, torch.cuda.get_device_name())
def batch(B=64, M=1, seed=0):
    g = torch.Generator(device=dev).manual_seed(seed)
    r = lambda *s: torch.randn(M, B, *s, generator=g, device=dev)
    return Batch(r(11), torch.rand(M, B, 3, generator=g, device=dev) * 2 - 1, r(1), r(11), (torch.rand(M, B, 1, generator=g, device=dev) < 0.1).float())
for alpha, M in ((2.5, 1), (None, 1), (2.5, 3)):
    ag = TD3(11, 3, TD3Config(alpha=alpha), device=dev, seed=list(range(M)))
    b = batch(M=M)
    for _ in range(3): ag.update(b)
    noise = ag.noise((64, 3))
    cg, _ = ag.critic_grads(*b, noise); ag_, _ = ag.actor_grads(b.obs, b.action)
    cl, al = td3_losses(ag, b, noise)
    cl.backward()
    worst = max(((g - p.grad).abs().max() / (p.grad.abs().max() + 1e-9)).item() for p, g in zip(ag.critic.parameters(), cg))
    for p in ag.critic.parameters(): p.grad = None
    al.backward()
    worst_a = max(((g - p.grad).abs().max() / (p.grad.abs().max() + 1e-9)).item() for p, g in zip(ag.actor.parameters(), ag_))
    print(f'alpha={alpha} M={M}: hand vs autograd, worst relative difference critic {worst:.2e} actor {worst_a:.2e}')
    assert worst < 1e-3 and worst_a < 1e-3
net_a = EnsembleMLP(1, (5, 8, 1)).to(dev); net_b = copy.deepcopy(net_a)
opt_a, opt_b = adam(net_a.parameters(), 1e-2), adam(net_b.parameters(), 1e-2)
print('fused Adam on CUDA:', opt_a.param_groups[0]['fused'])
for i in range(4):
    if i == 2: opt_a.load_state_dict(copy.deepcopy(opt_a.state_dict()))
    grads = [torch.randn_like(p) for p in net_a.parameters()]
    adam_step(opt_a, grads)
    for p, g in zip(net_b.parameters(), grads): p.grad = g.clone()
    opt_b.step(); opt_b.zero_grad()
    assert all(torch.equal(p, q) for p, q in zip(net_a.parameters(), net_b.parameters())), i
print('direct fused Adam == Adam.step on CUDA, bit for bit')
ens, singles = TD3(11, 3, device=dev, seed=[5, 6, 7]), [TD3(11, 3, device=dev, seed=s) for s in (5, 6, 7)]
for i in range(20):
    b = batch(M=3, seed=i); ens.update(b)
    for k, s in enumerate(singles): s.update(Batch(*(x[k] for x in b)))
d = max((p[k] - q[0]).abs().max().item() for k, s in enumerate(singles) for p, q in zip(ens.actor.parameters(), s.actor.parameters()))
print(f'3-member ensemble vs single seeds after 20 updates: max actor difference {d:.2e}'); assert d < 1e-4
data = load_dataset('hopper-random')
t = time.time()
agent, stats, log = train_offline(data, OfflineConfig(iterations=2000, eval_every=1000, eval_episodes=2, seed=[0, 1], device=dev), progress=False)
print(f'train_offline on CUDA, 2 seeds, 2000 iterations: {time.time() - t:.1f} s'); print(log[['iteration', 'seed', 'score_mean', 'it_per_s']].to_string(index=False))
wm = WorldModel(11, 3).to(dev)
agent, stats, log = train_offline(data, OfflineConfig(iterations=1000, eval_every=1000, eval_episodes=1, seed=[0, 1], device=dev),
                                  make_sampler=augment_with([wm, copy.deepcopy(wm)], ObsStats.from_transitions(data), bf16=True), progress=False)
print('augmented (bf16 stacked world models) on CUDA ok:', log.it_per_s.iloc[-1])
print('GPU CHECK PASSED')
