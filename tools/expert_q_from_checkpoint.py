"""Measure the critics of a saved offline checkpoint along the task's expert episode, as a run's ExpertQ would have.

    python tools/expert_q_from_checkpoint.py CHECKPOINT DATASET OUT_DIR

For runs that predate ExpertQ (09_experiment): their offline-end agent, kept as `offline/checkpoint.pt` (or a copy of
it), gives the same rows the run would have written at its last offline evaluation: OUT_DIR/expert_q.csv (errors) and
OUT_DIR/expert_q_traces.csv (the values), one row per seed, phase 'offline', at the checkpoint's iteration. Nothing is
unpickled: the checkpoint is read with weights_only.
"""
import argparse, tempfile
from pathlib import Path

from wmaug.ablations import load_offline_agent
from wmaug.data import ObsStats, load_dataset
from wmaug.experiment import expert_q_hook
from wmaug.core import safe_load


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('checkpoint', type=Path, help="an offline checkpoint.pt of run_experiment (the run's offline/checkpoint.pt, or a copy)")
    p.add_argument('dataset', help='the run\'s dataset (its observation statistics normalise the critic\'s input)')
    p.add_argument('out', type=Path, help='folder for expert_q.csv and expert_q_traces.csv')
    a = p.parse_args()
    if not a.checkpoint.is_file(): p.exit(2, f"expert_q_from_checkpoint: {a.checkpoint} is not a file\n")
    data = load_dataset(a.dataset)
    with tempfile.TemporaryDirectory() as tmp:  # the layout load_offline_agent reads: <run>/offline/checkpoint.pt
        (Path(tmp)/'offline').mkdir(); (Path(tmp)/'offline'/'checkpoint.pt').symlink_to(a.checkpoint.resolve())
        agent = load_offline_agent(tmp, data)
    it = int(safe_load(a.checkpoint, 'offline checkpoint')['rows'][-1]['iteration'])  # its last evaluation
    a.out.mkdir(parents=True, exist_ok=True)
    hook = expert_q_hook(a.out, data, ObsStats.from_transitions(data), agent.cfg.discount)
    hook.trace_every = it  # the values too, at this one point
    for s in agent.seeds: hook(agent, dict(phase='offline', seed=s, iteration=it))
    print(f"{len(agent.seeds)} seeds at offline iteration {it}: {a.out/'expert_q.csv'}")


if __name__ == '__main__':
    main()
