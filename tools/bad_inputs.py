"""Feed wmaug bad inputs, each in a fresh process, and tabulate what happens (issue: no silent wrong results).

    python tools/bad_inputs.py --python PYTHON [--out FILE.csv]

PYTHON is the interpreter of the wmaug install to test (its console scripts are found beside it), so the same cases
can be run against two versions and compared. Each case prints one line: the exit code, the last line of stderr (or of
stdout when the case reports on itself), and whether a planted payload ran.
"""
import argparse, csv, os, subprocess, sys, tempfile, textwrap
from pathlib import Path

# tiny budgets shared by the run cases
TINY = "offline_iterations=200, online_steps=300, start_steps=100, eval_every=100, eval_episodes=1, wm_epochs=1, device='cpu'"
PAYLOAD = textwrap.dedent("""
    import os, torch
    class P:
        def __reduce__(self): return (os.system, ('touch PWNED',))
    """)

CASES = [  # (name, python snippet or ['cli', args...])
    ('ExperimentConfig(online_steps=0)', "from wmaug.experiment import ExperimentConfig as C; C(online_steps=0); print('accepted')"),
    ('ExperimentConfig(start_steps=-1)', "from wmaug.experiment import ExperimentConfig as C; C(start_steps=-1); print('accepted')"),
    ('ExperimentConfig(offline_iterations=-5)', "from wmaug.experiment import ExperimentConfig as C; C(offline_iterations=-5); print('accepted')"),
    ("ExperimentConfig(init='actr')", "from wmaug.experiment import ExperimentConfig as C; C(init='actr'); print('accepted')"),
    ("ExperimentConfig(device='cuda') on a CPU build", "from wmaug.experiment import ExperimentConfig as C; C(device='cuda'); print('accepted')"),
    ("ExperimentConfig(device='gpu')", "from wmaug.experiment import ExperimentConfig as C; C(device='gpu'); print('accepted')"),
    ('ExperimentConfig(p=1.5)', "from wmaug.experiment import ExperimentConfig as C; C(p=1.5); print('accepted')"),
    ('ExperimentConfig(eval_every=True)', "from wmaug.experiment import ExperimentConfig as C; C(eval_every=True); print('accepted')"),
    ('ExperimentConfig(eval_episodes=2.5)', "from wmaug.experiment import ExperimentConfig as C; C(eval_episodes=2.5); print('accepted')"),
    ('ExperimentConfig(n=0)', "from wmaug.experiment import ExperimentConfig as C; C(n=0); print('accepted')"),
    ("ExperimentConfig(wm_path='missing.pt')", "from wmaug.experiment import ExperimentConfig as C; C(wm_path='missing.pt'); print('accepted')"),
    ("ExperimentConfig(dataset='')", "from wmaug.experiment import ExperimentConfig as C; C(dataset=''); print('accepted')"),
    ('OfflineConfig(iterations=True)', "from wmaug.td3bc import OfflineConfig as C; C(iterations=True); print('accepted')"),
    ("OfflineConfig(device='cuda:3')", "from wmaug.td3bc import OfflineConfig as C; C(device='cuda:3'); print('accepted')"),
    ('OnlineConfig(expl_noise=-1)', "from wmaug.online import OnlineConfig as C; C(expl_noise=-1); print('accepted')"),
    ('OnlineConfig(steps=1.5)', "from wmaug.online import OnlineConfig as C; C(steps=1.5); print('accepted')"),
    ('OnlineConfig(start_steps=-1)', "from wmaug.online import OnlineConfig as C; C(start_steps=-1); print('accepted')"),
    ('TD3Config(tau=0)', "from wmaug.td3bc import TD3Config as C; C(tau=0); print('accepted')"),
    ('TD3Config(lr_actor=-1)', "from wmaug.td3bc import TD3Config as C; C(lr_actor=-1); print('accepted')"),
    ('TD3Config(policy_freq=0.5)', "from wmaug.td3bc import TD3Config as C; C(policy_freq=0.5); print('accepted')"),
    ('TD3Config(hidden=0)', "from wmaug.td3bc import TD3Config as C; C(hidden=0); print('accepted')"),
    ('FitConfig(batch_size=0.5)', "from wmaug.world_model import FitConfig as C; C(batch_size=0.5); print('accepted')"),
    ('FitConfig(patience=-1)', "from wmaug.world_model import FitConfig as C; C(patience=-1); print('accepted')"),
    ('BuildConfig(select_episodes=True)', "from wmaug.datasets import BuildConfig as C; C(select_episodes=True); print('accepted')"),
    ('load_transitions(truncated .npz)', "from wmaug.data import *; t=load_dataset('hopper-random'); save_transitions(t,'a.npz'); open('b.npz','wb').write(open('a.npz','rb').read()[:500]); load_transitions('b.npz'); print('accepted')"),
    ('load_world_model(0-byte file)', "from wmaug.world_model import load_world_model; open('wm.pt','wb').close(); load_world_model('wm.pt'); print('accepted')"),
    ('load_world_model(crafted file)', PAYLOAD + "torch.save(dict(kind=P()), 'wm.pt')\nfrom wmaug.world_model import load_world_model; load_world_model('wm.pt'); print('accepted')"),
    ('Policy.load(crafted file)', PAYLOAD + "torch.save(dict(actor=P()), 'p.pt')\nfrom wmaug.policy import Policy; Policy.load('p.pt'); print('accepted')"),
    ('load_policy(crafted path)', PAYLOAD + "torch.save(dict(actor=P()), 'p.pt')\nfrom wmaug.policy import load_policy; load_policy('p.pt'); print('accepted')"),
    ('buffer_transitions(crafted checkpoint)', PAYLOAD + "torch.save(dict(buffer=P()), 'c.pt')\nfrom wmaug.datasets import buffer_transitions; buffer_transitions('c.pt', 10, 'hopper'); print('accepted')"),
    ('load_offline_agent(run with crafted checkpoint)', PAYLOAD + "os.makedirs('r/offline'); torch.save(dict(agent=P()), 'r/offline/checkpoint.pt')\nfrom wmaug.ablations import load_offline_agent\nfrom wmaug.data import load_dataset\nload_offline_agent('r', load_dataset('hopper-random'), 'cpu'); print('accepted')"),
    ('train_offline resuming a crafted checkpoint', PAYLOAD + "os.makedirs('r'); torch.save(dict(config=P()), 'r/checkpoint.pt')\nfrom wmaug.td3bc import *\nfrom wmaug.data import load_dataset\ntrain_offline(load_dataset('hopper-random'), OfflineConfig(iterations=10, eval_every=10, eval_episodes=1, device='cpu'), out_dir='r', progress=False); print('accepted')"),
    ('finetune resuming a crafted checkpoint', PAYLOAD + "os.makedirs('r'); torch.save(dict(config=P()), 'r/checkpoint.pt')\nfrom wmaug.online import *\nfrom wmaug.data import load_dataset\nfinetune(load_dataset('hopper-random'), None, OnlineConfig(steps=10, start_steps=5, eval_every=10, eval_episodes=1, init='none', device='cpu'), out_dir='r', progress=False); print('accepted')"),
    ('finetune resuming a truncated checkpoint', "from wmaug.online import *\nfrom wmaug.data import load_dataset\nd=load_dataset('hopper-random'); c=OnlineConfig(steps=20, start_steps=5, eval_every=10, eval_episodes=1, init='none', device='cpu')\nfinetune(d, None, c, out_dir='r', progress=False)\nb=open('r/checkpoint.pt','rb').read(); open('r/checkpoint.pt','wb').write(b[:len(b)//2])\nfinetune(d, None, c, out_dir='r', progress=False); print('accepted')"),
    ('load_d4rl_hdf5 with terminals = 0.5', "import h5py, numpy as np\nfrom wmaug.data import *\nt=load_dataset('hopper-random').subsample(100, 0)\nwith h5py.File('h.hdf5','w') as f:\n  [f.create_dataset(k, data=v) for k,v in dict(observations=t.observations, actions=t.actions, rewards=t.rewards, next_observations=t.next_observations, terminals=np.full(100, 0.5), timeouts=np.zeros(100)).items()]\nx=load_d4rl_hdf5('h.hdf5', env='hopper'); print(f'accepted: {int(x.terminals.sum())} of 100 rows made terminal')"),
    ('run_experiment rerun with another dataset', f"from wmaug.experiment import *\nrun_experiment(ExperimentConfig(method='td3', {TINY}), 'r', progress=False)\nres=run_experiment(ExperimentConfig(method='td3', dataset='hopper-medium', {TINY}), 'r', progress=False)\nprint(f'accepted: old run relabelled as {{set(res.dataset)}}')"),
    ('run_experiment rerun with another p', f"from wmaug.experiment import *\nrun_experiment(ExperimentConfig(method='td3', {TINY}), 'r', progress=False)\nres=run_experiment(ExperimentConfig(method='td3', p=0.25, {TINY}), 'r', progress=False)\nprint('accepted: resumed the p=0.5 run; p column:', 'p' in res.columns)"),
    ('run_experiment rerun with more online_steps, no extend', f"from wmaug.experiment import *\nrun_experiment(ExperimentConfig(method='td3', {TINY}), 'r', progress=False)\nres=run_experiment(ExperimentConfig(method='td3', **dict(dict({TINY}), online_steps=400)), 'r', progress=False)\nprint('accepted: extended silently to', res.iteration.max())"),
    ('two run_experiment processes on one folder', f"import subprocess, sys, time, os\nsrc='from wmaug.experiment import *; run_experiment(ExperimentConfig(method=\"td3\", {TINY.replace(chr(39), chr(34))}, ), \"r\", progress=False)'.replace('online_steps=300', 'online_steps=1500')\na=subprocess.Popen([sys.executable,'-c',src])\nwhile not os.path.exists('r/config.json'): time.sleep(0.1)\nb=subprocess.run([sys.executable,'-c',src], capture_output=True, text=True)\nra=a.wait()\nprint(f'first exit {{ra}}, second exit {{b.returncode}}:', (b.stderr.strip().splitlines() or ['(no error: both wrote the folder)'])[-1][:150])"),
    ('kill -9 before the first evaluation (eval_every > budget)', "import subprocess, sys, time, os, signal\nsrc='from wmaug.online import *; from wmaug.data import load_dataset; finetune(load_dataset(\"hopper-random\"), None, OnlineConfig(steps=3000, start_steps=200, eval_every=3000, eval_episodes=1, init=\"none\", device=\"cpu\", **({\"checkpoint_seconds\": 2.0} if \"checkpoint_seconds\" in OnlineConfig.__dataclass_fields__ else {})), out_dir=\"r\", progress=False)'\np=subprocess.Popen([sys.executable,'-c',src]); time.sleep(12); p.send_signal(signal.SIGKILL); p.wait()\nprint('kept a checkpoint' if os.path.exists('r/checkpoint.pt') else 'accepted: nothing kept, the run restarts from step 0')"),
    ('wmaug_run --out FILE', ['cli', 'wmaug_run', '--out', 'afile', '--methods', 'td3', '--online-steps', '200', '--start-steps', '100', '--eval-every', '100']),
    ('wmaug_run --device cuda (CPU build)', ['cli', 'wmaug_run', '--device', 'cuda', '--out', 'o', '--methods', 'td3', '--online-steps', '200', '--start-steps', '100', '--eval-every', '100']),
    ('wmaug_run --dataset nope', ['cli', 'wmaug_run', '--dataset', 'nope', '--out', 'o', '--methods', 'td3']),
    ('wmaug_run --online-steps 0', ['cli', 'wmaug_run', '--online-steps', '0', '--out', 'o', '--methods', 'td3']),
    ('wmaug_run --start-steps -1', ['cli', 'wmaug_run', '--start-steps', '-1', '--online-steps', '200', '--eval-every', '100', '--out', 'o', '--methods', 'td3']),
    ('wmaug_run --p 2', ['cli', 'wmaug_run', '--p', '2', '--out', 'o', '--methods', 'wmaug']),
    ('wmaug_run --eval-every 0', ['cli', 'wmaug_run', '--eval-every', '0', '--out', 'o', '--methods', 'td3']),
    ('wmaug_data build hopper --train-steps 0', ['cli', 'wmaug_data', 'build', 'hopper', '--train-steps', '0', '--out', 'o']),
    ('papermill experiment notebook -p online_step 200 (a misspelt parameter)', "import papermill as pm\nfrom wmaug.sweep import EXPERIMENT_NB\npm.execute_notebook(str(EXPERIMENT_NB), 'out.ipynb', parameters=dict(online_step=200, out_dir='o'), kernel_name='python3', progress_bar=False); print('accepted: ran with online_steps 500000')"),
    ('run_experiment resuming a single-seed folder (seed recorded as an int)', f"import json\nfrom wmaug.experiment import *\nrun_experiment(ExperimentConfig(method='td3', {TINY}), 'r', progress=False)\nc=json.load(open('r/config.json')); c['seed']=0; json.dump(c, open('r/config.json','w'))\nrun_experiment(ExperimentConfig(method='td3', {TINY}), 'r', progress=False); print('accepted')"),
]

def run_case(python: str, name: str, case) -> dict:
    work = Path(tempfile.mkdtemp())
    (work/'afile').write_text('not a folder')
    env = dict(os.environ, OMP_NUM_THREADS='1', MPLBACKEND='Agg', MINARI_DATASETS_PATH=str(work/'minari'))
    cmd = [str(Path(python).parent/case[1]), *case[2:]] if isinstance(case, list) else [python, '-c', case]
    try: r = subprocess.run(cmd, cwd=work, capture_output=True, text=True, env=env, timeout=300); rc, out, err = r.returncode, r.stdout, r.stderr
    except subprocess.TimeoutExpired: rc, out, err = 'timeout', '', ''
    lines = [l for l in err.strip().splitlines() if l.strip() and 'Warning' not in l and 'warn(' not in l]
    said = (lines[-1] if lines and rc != 0 else (out.strip().splitlines() or ['(no output)'])[-1]).strip()
    left = sorted(p.name for p in work.iterdir() if p.name not in ('afile', 'minari', 'a.npz', 'b.npz', 'wm.pt', 'p.pt', 'c.pt', 'h.hdf5', 'PWNED'))
    return dict(input=name, exit=rc, says=said[:220], payload_ran='PWNED' if (work/'PWNED').exists() else '', traceback='yes' if 'Traceback' in err else '',
                left_behind=' '.join(left) if isinstance(case, list) else '')

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--python', default=sys.executable, help='interpreter of the wmaug install to test (default: this one)')
    ap.add_argument('--out', default='bad_inputs.csv', help='CSV of the results')
    ap.add_argument('--only', nargs='*', help='run only cases whose name contains one of these')
    a = ap.parse_args()
    rows = []
    for name, case in CASES:
        if a.only and not any(o in name for o in a.only): continue
        rows.append(run_case(a.python, name, case)); print(f"{rows[-1]['exit']!s:>3}  {name}: {rows[-1]['says'][:140]}", flush=True)
    with open(a.out, 'w', newline='') as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0])); w.writeheader(); w.writerows(rows)
