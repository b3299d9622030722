#!/usr/bin/env python3
"""Development aid, never run by the tests: confirms the verdicts written in cases.ts by running
the Sinas backend's own parser and models on every document.

    npx tsx test/differential/cases.ts | python3 test/differential/check-verdicts.py /work/.mirror/sinas-platform+sinas/repo

Needs python3 with PyYAML 6 and pydantic 2, and a git checkout (or bare mirror) of the backend.
The backend's schemas/config.py and services/config_parser.py are loaded from it as they are;
database lookups are left out (db=None: only the document's own resources exist). Install-time
variables are substituted into the text before parsing, for every combination of the values
they can take (boolean, enum), as the product spec describes; `spec.variables` is then dropped,
since the backend this mirror holds predates it. A document is accepted when some combination
installs.
"""
import asyncio
import importlib.util
import itertools
import json
import re
import subprocess
import sys
import tempfile
import types
from pathlib import Path

import yaml


def load_backend(repo: str):
    def show(path: str) -> str:
        return subprocess.run(['git', '-C', repo, 'show', f'HEAD:{path}'], check=True, capture_output=True, text=True).stdout

    work = Path(tempfile.mkdtemp())
    (work / 'config.py').write_text(show('backend/app/schemas/config.py'))
    (work / 'config_parser.py').write_text(show('backend/app/services/config_parser.py'))
    # The parser imports sqlalchemy for its database lookups, which db=None never reaches.
    sqlalchemy = types.ModuleType('sqlalchemy')
    sqlalchemy.select = lambda *args, **kwargs: None
    asyncio_ext = types.ModuleType('sqlalchemy.ext.asyncio')
    asyncio_ext.AsyncSession = object
    sys.modules.update({'sqlalchemy': sqlalchemy, 'sqlalchemy.ext': types.ModuleType('sqlalchemy.ext'), 'sqlalchemy.ext.asyncio': asyncio_ext})
    for name in ('app', 'app.schemas'):
        package = types.ModuleType(name)
        package.__path__ = []
        sys.modules[name] = package
    modules = {}
    for name, file in (('app.schemas.config', 'config.py'), ('config_parser', 'config_parser.py')):
        spec = importlib.util.spec_from_file_location(name, work / file)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        modules[name] = module
    return modules['app.schemas.config'].SinasConfig, modules['config_parser']


def backend_errors(text: str, SinasConfig, parser) -> list:
    """parse_and_validate's steps, with spec.variables dropped after the (substituted) text is read."""
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as error:
        return [f'root: Invalid YAML: {error}']
    except Exception as error:  # not a YAMLError: the endpoint answers 500
        return [f'500: {type(error).__name__}: {error}']
    if isinstance(doc, dict) and isinstance(doc.get('spec'), dict):
        doc['spec'].pop('variables', None)
    try:
        config = SinasConfig(**doc)
    except Exception as error:
        return [f'root: Schema validation failed: {error}']
    validation = parser.ConfigValidation()
    asyncio.run(parser.ConfigParser._validate_references(config, validation, None))
    errors = [str(e) for e in validation.errors]
    if not errors and config.kind != 'SinasPackage':
        errors.append('Expected kind: SinasPackage')
    return errors


def substitutions(text: str):
    """Every text the install can produce, one per combination of known variable values."""
    try:
        declared = ((yaml.safe_load(text) or {}).get('spec') or {}).get('variables') or []
    except Exception:
        declared = []
    names, choices = [], []
    for variable in declared if isinstance(declared, list) else []:
        if not isinstance(variable, dict) or not isinstance(variable.get('name'), str):
            continue
        if variable.get('type') == 'boolean':
            names.append(variable['name'])
            choices.append(['true', 'false'])
        elif variable.get('type') == 'enum':
            names.append(variable['name'])
            choices.append([str(c) for c in variable.get('choices') or []] if isinstance(variable.get('choices'), list) else [])
    for combination in itertools.product(*choices):
        out = text
        for name, value in zip(names, combination):
            out = out.replace('${{ vars.%s }}' % name, value)
        yield out


def main() -> int:
    SinasConfig, parser = load_backend(sys.argv[1])
    cases = json.load(sys.stdin)
    wrong = 0
    for case in cases:
        outcomes = [backend_errors(text, SinasConfig, parser) for text in substitutions(case['text'])]
        accepts = any(not errors for errors in outcomes)
        written = case['backend'] == 'accepts'
        agrees = accepts == written
        # A YAML error names its lines ("line 7, column 3"); the written line must be one of them.
        line = None if written else case['backend']['rejects'].get('line')
        marks = sorted({int(n) for n in re.findall(r'line (\d+), column', ' '.join(outcomes[0]))}) if outcomes and outcomes[0] else []
        if line is not None and line not in marks:
            agrees = False
        wrong += not agrees
        detail = '' if accepts else ' | '.join(outcomes[0])[:160].replace('\n', ' / ')
        where = f' (lines {marks})' if marks else ''
        print(f"{'ok ' if agrees else 'XX '}{case['name']}: backend {'accepts' if accepts else 'rejects'}{where}{': ' + detail if detail else ''}")
    print(f'{len(cases) - wrong}/{len(cases)} verdicts confirmed')
    return 1 if wrong else 0


if __name__ == '__main__':
    sys.exit(main())
