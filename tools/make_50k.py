"""The why-study's 50k arm's dataset (sweeps/why_50k.yaml): 50k transitions drawn uniformly (seed 0) from hopper's whole
medium-replay set, the behaviour run's replay buffer up to its medium snapshot (110k steps; nbs/results/behaviour/).

    python tools/make_50k.py [--accept-rerun]    # returns at once when the 50k file exists and is the recorded set

The whole set lives in the work folder (~/wmaug-work/data/hopper/minari), not in git. Where it is gone (a lost work
folder), this reruns the behaviour run's first 110k steps (`train_behaviour`, seed 0 as `wmaug_data build hopper` ran
it: about 25 minutes of one core, resumable) and takes the set from its buffer, as the build did. Whether that is the
original set is checked bit for bit: its 10k draw (seed 0) must equal the shipped hopper-medium-replay, which the
build drew the same way. A machine whose floating-point results differ from the build machine's (as the one of
2026-12-02 does) grows another realisation of the same process; the first time, the 50k set is drawn from it only
with --accept-rerun. The set used is recorded once in nbs/results/why/data_50k.json (its fingerprint, where it came
from, its card beside the original set's); from then on a rebuild (flag or not) and an existing 50k file must match
that fingerprint, so the 50k arm's runs never mix two sets. Nothing is written when a check fails.
"""
import argparse, json, platform
from importlib.metadata import version
from pathlib import Path

from wmaug.data import get_task, load_dataset, load_minari, load_transitions, make_env, save_minari, save_transitions, transitions_sha256
from wmaug.datasets import BuildConfig, behaviour_card, buffer_transitions, minari_id, minari_root, train_behaviour, transitions_to_episodes
from wmaug.policy import load_policy

REPO = Path(__file__).resolve().parents[1]
CARD = REPO/'nbs/results/why/data_50k.json'


def whole_set(data: Path, progress: bool):
    "Hopper's whole medium-replay set: the one in `data`'s Minari folder, or rebuilt from a rerun of the behaviour run's first steps."
    import minari
    task, mid = get_task('hopper'), minari_id('hopper', 'medium-replay')
    with minari_root(data/'minari'):
        if mid not in minari.list_local_datasets():
            step = int(load_policy('hopper-medium').meta['step'])  # the shipped medium snapshot: the buffer up to it is the set
            print(f"make_50k: {mid} is not in {data/'minari'}; rerunning the behaviour run's first {step:,} steps in {data/'hopper'}")
            train_behaviour(load_dataset('hopper-random'), data/'hopper', BuildConfig.standard(train_steps=step), progress)
            rb = buffer_transitions(data/'hopper'/'train'/'checkpoint.pt', step, task.name)
            save_minari(transitions_to_episodes(rb), mid, make_env(task), policy=f'TD3 replay buffer (steps 0-{step})',
                        description=f"TD3's replay buffer from step 0 to the medium snapshot at step {step} on {task.env_id} (rebuilt by tools/make_50k.py).",
                        ref_min_score=task.ref_min, ref_max_score=task.ref_max, author='wmaug (tools/make_50k.py)')
        return load_minari(mid, download=False), mid


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--data', type=Path, default=Path('~/wmaug-work/data'), help="the build's work folder (the original build's --out was DATA/hopper)")
    p.add_argument('--accept-rerun', action='store_true', help='draw the 50k set from a rerun of the behaviour run that is not the original (recorded in the card)')
    a = p.parse_args()
    data, n = a.data.expanduser(), 50_000
    out = data/'hopper-medium-replay-50k.npz'
    card = json.loads(CARD.read_text()) if CARD.is_file() else None
    if out.is_file():  # the file a sweep will read: it must still be the set the card records
        sha = transitions_sha256(load_transitions(out))
        if card is not None and card['sha256'] != sha:
            p.exit(1, f"make_50k: {out} ({sha[:12]}) is not the set the 50k arm's runs used ({card['sha256'][:12]}, {CARD}); "
                      "move it away and run this again to rebuild it\n")
        print(f"make_50k: {out} exists{' and is the recorded set' if card else ''}"); return
    full, mid = whole_set(data/'hopper', progress=True)
    shipped = load_dataset('hopper-medium-replay')
    original = transitions_sha256(full.subsample(10_000, 0)) == transitions_sha256(shipped)  # the arrays, bit for bit
    if not original and not a.accept_rerun and card is None:
        p.exit(1, f"make_50k: the whole set in {data/'hopper'/'minari'} is not the one the shipped hopper-medium-replay was drawn from (its 10k draw "
                  "differs): this machine grew another realisation of the behaviour run. Nothing written; pass --accept-rerun to draw the 50k set from it.\n")
    with minari_root(data/'hopper'/'minari'):  # the draw as the spec's recipe makes it
        sub = load_dataset(f'minari:{mid}', n=n, seed=0, download=False)
    sha = transitions_sha256(sub)
    if card is not None and card['sha256'] != sha:
        p.exit(1, f"make_50k: the 50k set drawn here ({sha[:12]}) is not the one the 50k arm's runs used ({card['sha256'][:12]}, {CARD}); "
                  "nothing written: runs on two sets must not mix (rebuild on a machine that reproduces it, or rerun the arm's finished runs on a new set)\n")
    if card is None:
        CARD.write_text(json.dumps(dict(
            sha256=sha, transitions=n, drawn_from=f'{mid} (seed 0)',
            whole_set='the original build (its 10k draw equals the shipped set)' if original else
                      'a rerun of the behaviour run (seed 0, the same steps); its 10k draw differs from the shipped set',
            whole_set_card=behaviour_card(full), original_card=shipped.info.get('source_stats'),
            machine=dict(processor=platform.processor() or platform.machine(), **{k: version(k) for k in ('torch', 'mujoco', 'gymnasium', 'numpy')})), indent=1) + '\n')
        print(f"make_50k: recorded the set in {CARD}")
    save_transitions(sub, out)
    print(f"make_50k: {out}: {n:,} of the {len(full):,} transitions of {mid} ({'the original set' if original else 'a rerun of the behaviour run'})")


if __name__ == '__main__':
    main()
