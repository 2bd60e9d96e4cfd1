"""Measure the critics of a saved offline checkpoint along the task's expert episode, as a run's ExpertQ would have.

    python tools/expert_q_from_checkpoint.py CHECKPOINT RUN_CONFIG OUT_DIR

For runs that predate ExpertQ (09_experiment): their offline-end agent, kept as `offline/checkpoint.pt` (or a copy of
it), gives the same rows the run would have written at that evaluation: OUT_DIR/expert_q.csv (errors) and
OUT_DIR/expert_q_traces.csv (the values), one row per seed, phase 'offline', at the agent's own iteration.
RUN_CONFIG is the run's config.json: its dataset (and subsample) give the observation statistics the critic was
trained with, checked against the data fingerprint recorded there. Nothing is unpickled: files are read with
weights_only.
"""
import argparse, json
from pathlib import Path

from wmaug.ablations import load_offline_agent
from wmaug.core import safe_load
from wmaug.data import ObsStats, load_dataset, transitions_sha256
from wmaug.experiment import expert_q_hook


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('checkpoint', type=Path, help="an offline checkpoint.pt of run_experiment (the run's offline/checkpoint.pt, or a copy)")
    p.add_argument('config', type=Path, help="the run's config.json (its dataset, subsample and data fingerprint)")
    p.add_argument('out', type=Path, help='folder for expert_q.csv and expert_q_traces.csv')
    a = p.parse_args()
    for f in (a.checkpoint, a.config):
        if not f.is_file(): p.exit(2, f"expert_q_from_checkpoint: {f} is not a file\n")
    cfg = json.loads(a.config.read_text())
    if cfg.get('obs_norm', 'dataset') != 'dataset': p.exit(2, "expert_q_from_checkpoint: the run did not normalise with its dataset's statistics\n")
    # checked before anything is written: a timed checkpoint holds an agent between evaluations
    if 'partial' in safe_load(a.checkpoint, 'offline checkpoint'):
        p.exit(2, f"expert_q_from_checkpoint: {a.checkpoint} was saved between evaluations; use the checkpoint of a finished offline phase\n")
    data = load_dataset(cfg['dataset'], n=cfg.get('n'), seed=cfg['seed'][0])  # as run_experiment loads it
    if transitions_sha256(data) != cfg.get('data_sha256'):
        p.exit(2, f"expert_q_from_checkpoint: {cfg['dataset']} here is not the data {a.config} recorded (fingerprints differ)\n")
    agent = load_offline_agent(a.checkpoint, data)
    it = agent.iteration
    a.out.mkdir(parents=True, exist_ok=True)
    hook = expert_q_hook(a.out, data, ObsStats.from_transitions(data), agent.cfg.discount)
    hook.trace_every = max(it, 1)  # the values too, at this one point
    for s in agent.seeds: hook(agent, dict(phase='offline', seed=s, iteration=it))
    print(f"{len(agent.seeds)} seeds at offline iteration {it}: {a.out/'expert_q.csv'}")


if __name__ == '__main__':
    main()
