"""TD3+BC iterations per second: wmaug's update (plain and with world-model augmentation) against a textbook one.

The textbook implementation below follows the TD3+BC paper's reference structure as most people write it: separate
Q1/Q2 networks, a replay buffer of NumPy arrays converted to tensors at every batch, Adam's default per-tensor loop,
the actor loss back-propagated through the critic (whose weight gradients are then discarded), and Polyak averaging
as a Python loop over parameters. All implementations run in this one process on the same data, interleaved over
several rounds; the figures are medians over rounds, and the ratios are against the textbook run.

    python benchmarks/bench_td3bc.py                 # hopper-random, batch 256, all threads
    python benchmarks/bench_td3bc.py --threads 1 --iters 1000 --rounds 5
"""
import argparse, copy, time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from wmaug.data import ObsStats, ReplayBuffer, load_dataset
from wmaug.td3bc import TD3, TD3Config
from wmaug.world_model import WorldModel
from wmaug.augmentation import AugmentedSampler


class TextbookActor(nn.Module):
    def __init__(self, obs_dim, action_dim, max_action=1.0):
        super().__init__()
        self.l1, self.l2, self.l3 = nn.Linear(obs_dim, 256), nn.Linear(256, 256), nn.Linear(256, action_dim)
        self.max_action = max_action

    def forward(self, state):
        a = F.relu(self.l1(state)); a = F.relu(self.l2(a))
        return self.max_action * torch.tanh(self.l3(a))


class TextbookCritic(nn.Module):
    def __init__(self, obs_dim, action_dim):
        super().__init__()
        self.l1, self.l2, self.l3 = nn.Linear(obs_dim + action_dim, 256), nn.Linear(256, 256), nn.Linear(256, 1)
        self.l4, self.l5, self.l6 = nn.Linear(obs_dim + action_dim, 256), nn.Linear(256, 256), nn.Linear(256, 1)

    def forward(self, state, action):
        sa = torch.cat([state, action], 1)
        q1 = self.l3(F.relu(self.l2(F.relu(self.l1(sa)))))
        q2 = self.l6(F.relu(self.l5(F.relu(self.l4(sa)))))
        return q1, q2

    def Q1(self, state, action):
        sa = torch.cat([state, action], 1)
        return self.l3(F.relu(self.l2(F.relu(self.l1(sa)))))


class TextbookBuffer:
    def __init__(self, obs, act, rew, next_obs, done):
        self.state, self.action, self.reward, self.next_state = obs, act, rew[:, None], next_obs
        self.not_done = 1.0 - done[:, None].astype(np.float32)
        self.size = len(obs)

    def sample(self, batch_size):
        ind = np.random.randint(0, self.size, size=batch_size)
        return (torch.FloatTensor(self.state[ind]), torch.FloatTensor(self.action[ind]), torch.FloatTensor(self.next_state[ind]),
                torch.FloatTensor(self.reward[ind]), torch.FloatTensor(self.not_done[ind]))


class TextbookTD3BC:
    def __init__(self, obs_dim, action_dim, max_action=1.0, discount=0.99, tau=0.005, policy_noise=0.2, noise_clip=0.5,
                 policy_freq=2, alpha=2.5):
        self.actor = TextbookActor(obs_dim, action_dim, max_action)
        self.actor_target = copy.deepcopy(self.actor)
        self.actor_optimizer = torch.optim.Adam(self.actor.parameters(), lr=3e-4)
        self.critic = TextbookCritic(obs_dim, action_dim)
        self.critic_target = copy.deepcopy(self.critic)
        self.critic_optimizer = torch.optim.Adam(self.critic.parameters(), lr=3e-4)
        self.max_action, self.discount, self.tau = max_action, discount, tau
        self.policy_noise, self.noise_clip, self.policy_freq, self.alpha = policy_noise, noise_clip, policy_freq, alpha
        self.total_it = 0

    def train(self, replay_buffer, batch_size=256):
        self.total_it += 1
        state, action, next_state, reward, not_done = replay_buffer.sample(batch_size)
        with torch.no_grad():
            noise = (torch.randn_like(action) * self.policy_noise).clamp(-self.noise_clip, self.noise_clip)
            next_action = (self.actor_target(next_state) + noise).clamp(-self.max_action, self.max_action)
            target_Q1, target_Q2 = self.critic_target(next_state, next_action)
            target_Q = reward + not_done * self.discount * torch.min(target_Q1, target_Q2)
        current_Q1, current_Q2 = self.critic(state, action)
        critic_loss = F.mse_loss(current_Q1, target_Q) + F.mse_loss(current_Q2, target_Q)
        self.critic_optimizer.zero_grad(); critic_loss.backward(); self.critic_optimizer.step()
        if self.total_it % self.policy_freq == 0:
            pi = self.actor(state)
            Q = self.critic.Q1(state, pi)
            lmbda = self.alpha / Q.abs().mean().detach()
            actor_loss = -lmbda * Q.mean() + F.mse_loss(pi, action)
            self.actor_optimizer.zero_grad(); actor_loss.backward(); self.actor_optimizer.step()
            for param, target_param in zip(self.critic.parameters(), self.critic_target.parameters()):
                target_param.data.copy_(self.tau * param.data + (1 - self.tau) * target_param.data)
            for param, target_param in zip(self.actor.parameters(), self.actor_target.parameters()):
                target_param.data.copy_(self.tau * param.data + (1 - self.tau) * target_param.data)


def rate(step, iters, warmup):
    for _ in range(warmup): step()
    t0 = time.perf_counter()
    for _ in range(iters): step()
    return iters / (time.perf_counter() - t0)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--dataset', default='hopper-random')
    p.add_argument('--iters', type=int, default=2000, help='timed iterations per round and implementation')
    p.add_argument('--rounds', type=int, default=3)
    p.add_argument('--batch', type=int, default=256)
    p.add_argument('--threads', type=int, default=None, help='torch threads (default: torch decides)')
    a = p.parse_args()
    if a.threads: torch.set_num_threads(a.threads)
    data = load_dataset(a.dataset)
    stats = ObsStats.from_transitions(data)
    n = data.normalized(stats)
    tb_buf = TextbookBuffer(n.observations, n.actions, n.rewards, n.next_observations, n.terminals)
    tb = TextbookTD3BC(data.obs_dim, data.action_dim)
    ours, ours_aug = TD3(data.obs_dim, data.action_dim, TD3Config(), device='cpu'), TD3(data.obs_dim, data.action_dim, TD3Config(), device='cpu')
    buf = ReplayBuffer.from_transitions(data, stats, device='cpu')
    # the paper's world model; training does not change its cost, so an untrained one is timed
    aug = AugmentedSampler(ReplayBuffer.from_transitions(data, stats, device='cpu'), WorldModel(data.obs_dim, data.action_dim), p=0.5)
    impls = {'textbook TD3+BC': lambda: tb.train(tb_buf, a.batch),
             'wmaug TD3+BC': lambda: ours.update(buf.sample(a.batch)),
             'wmaug TD3+BC + augmentation (p=0.5)': lambda: ours_aug.update(aug.sample(a.batch))}
    res = {k: [] for k in impls}
    print(f"{a.dataset}: obs {data.obs_dim}, actions {data.action_dim}, batch {a.batch}, torch {torch.__version__}, "
          f"{torch.get_num_threads()} threads, {a.rounds} rounds x {a.iters} iterations")
    for r in range(a.rounds):
        for k, f in impls.items(): res[k].append(rate(f, a.iters, warmup=100))
    base = np.median(res['textbook TD3+BC'])
    print(f"{'implementation':40s} {'it/s (median)':>14s} {'min-max':>16s} {'vs textbook':>12s}")
    for k, v in res.items():
        print(f"{k:40s} {np.median(v):14.1f} {min(v):7.1f}-{max(v):<8.1f} {np.median(v) / base:11.2f}x")
    plain, augm = np.median(res['wmaug TD3+BC']), np.median(res['wmaug TD3+BC + augmentation (p=0.5)'])
    print(f"augmented iteration costs {plain / augm:.2f}x a plain one")


if __name__ == '__main__':
    main()
