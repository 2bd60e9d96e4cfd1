"""Check wmaug's import order: each module imports only from modules whose notebook comes before its own (the number
of `nbs/NN_name.ipynb`), and no code imports another module's private (`_name`) objects.

    python tools/check_layers.py [--show]

Reads every `wmaug/*.py` (all imports, also those inside functions, and `importlib.import_module('wmaug.x')`) and the
scripts in `benchmarks/` and `tools/` (private names only). Exits 1, naming each offending line, if anything breaks
the rules; `--show` also prints every module's number and what it imports."""
import ast, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT/'wmaug'


def module_numbers() -> dict[str, int]:
    "Module name -> the number of the notebook it is exported from (its header says which)."
    nums = {}
    for f in sorted(PKG.glob('*.py')):
        m = re.search(r'File to edit: \.\./nbs/(\d+)_\w+\.ipynb', f.read_text()[:600])
        if m: nums[f.stem] = int(m.group(1))
    return nums


def wmaug_imports(path: Path, pkg_module: str | None = None):
    "(line, imported wmaug module, [names]) for every import of wmaug in the file; relative imports count when `pkg_module` is set."
    tree = ast.parse(path.read_text(), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names = [a.name for a in node.names]
            if node.level and pkg_module:  # from .x import y (inside the package)
                if node.module: yield node.lineno, node.module.split('.')[0], names
                else:  # from . import x
                    for n in names: yield node.lineno, n, []
            elif node.module == 'wmaug':
                for n in names: yield node.lineno, n, []
            elif node.module and node.module.startswith('wmaug.'):
                yield node.lineno, node.module.split('.')[1], names
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith('wmaug.'): yield node.lineno, a.name.split('.')[1], []
        elif (isinstance(node, ast.Call) and getattr(node.func, 'attr', getattr(node.func, 'id', None)) == 'import_module'
              and node.args and isinstance(node.args[0], ast.Constant) and str(node.args[0].value).startswith('wmaug.')):
            yield node.lineno, node.args[0].value.split('.')[1], []


def check(show: bool = False) -> list[str]:
    nums, errors = module_numbers(), []
    if not nums: return [f"no exported modules found in {PKG}"]
    for mod, n in sorted(nums.items(), key=lambda kv: kv[1]):
        path = PKG/f'{mod}.py'
        used = set()
        for line, target, names in wmaug_imports(path, mod):
            where = f"{path.relative_to(ROOT)}:{line}"
            if target == mod: continue  # itself (e.g. by name, for spawned workers)
            if target not in nums: errors.append(f"{where}: imports wmaug.{target}, which no notebook exports"); continue
            used.add(target)
            if nums[target] >= n:
                errors.append(f"{where}: wmaug.{mod} ({n:02d}) imports wmaug.{target} ({nums[target]:02d}); a module may import only from modules before it")
            private = [x for x in names if x.startswith('_')]
            if private: errors.append(f"{where}: imports private {private} from wmaug.{target}; give what other modules use a public name")
        if show: print(f"{n:02d} wmaug.{mod:<12} imports {', '.join(sorted(used, key=nums.get)) or '-'}")
    for folder in ('benchmarks', 'tools'):
        for path in sorted((ROOT/folder).glob('*.py')):
            for line, target, names in wmaug_imports(path):
                private = [x for x in names if x.startswith('_')]
                if private: errors.append(f"{path.relative_to(ROOT)}:{line}: imports private {private} from wmaug.{target}")
    return errors


if __name__ == '__main__':
    errors = check('--show' in sys.argv)
    for e in errors: print(e)
    print(f"import order: {'OK' if not errors else f'{len(errors)} problem(s)'}")
    sys.exit(1 if errors else 0)
