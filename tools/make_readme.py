"""Write README.md from nbs/index.ipynb (nbdev's `readme_nb`).

nbdev_readme renders through Quarto, which cannot be installed on our machines, so this renders the same notebook
with nbconvert's Markdown exporter: prose, code and the outputs stored in the notebook. Cells whose source starts
with `#| hide` are left out, as nbdev does.

    python tools/make_readme.py           # rewrite README.md
    python tools/make_readme.py --check   # exit 1 if README.md is not what index.ipynb gives
"""
import argparse, sys
from pathlib import Path

import nbformat
from nbconvert import MarkdownExporter
from nbdev.config import get_config


def render() -> str:
    cfg = get_config()
    nb = nbformat.read(cfg.nbs_path/cfg.readme_nb, as_version=4)
    nb.metadata['language_info'] = {'name': 'python'}  # nbdev_clean strips it; code blocks need it for highlighting
    nb.cells = [c for c in nb.cells if not c.source.lstrip().startswith('#| hide')]
    for c in nb.cells:  # nbdev directives are for nbdev, not for readers
        if c.cell_type == 'code': c.source = '\n'.join(l for l in c.source.splitlines() if not l.startswith('#|'))
    body, _ = MarkdownExporter().from_notebook_node(nb)
    head = f"<!-- generated from {cfg.nbs_path.name}/{cfg.readme_nb} by tools/make_readme.py: edit the notebook, not this file -->\n\n"
    return head + body.strip() + '\n'


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--check', action='store_true', help='only check that README.md is up to date')
    a = p.parse_args()
    readme = get_config().config_path/'README.md'
    text = render()
    if a.check:
        if not readme.exists() or readme.read_text() != text:
            print('README.md differs from nbs/index.ipynb: run `python tools/make_readme.py` and commit it'); sys.exit(1)
        print('README.md matches nbs/index.ipynb')
    else:
        readme.write_text(text); print(f'wrote {readme}')


if __name__ == '__main__':
    main()
