#!/usr/bin/python3
"""
compare903.py -- per rule, do Hearth and the pandas validator flag the same rows of an SSDA903
return?

The pandas validator is third-party code, NOT part of Hearth and not in this repository: the
`validator903` package of data-to-insight/csc-validator-be-903 (MIT licence), as its
validator903/validators.py stood at commit 001e698f6e3818c8fe02a5bb782ebe3864206e98 (an older
layout than the repository's present lac_validator/rules/<year>; a 2022-23 ruleset or older).
It is driven through run903.py's functions, with run903.py's stand-ins (see run903.py: the stored
package files do not all fit together, and there is no postcode data). README.md says how to get
the package.

    /usr/bin/python3 compare903.py --work DIR [--out FILE] [--year 2026] [--examples N]
                                   [--hearth BIN] [--hearth-src DIR] [--package DIR]
                                   [--classes classes903.tsv] LABEL=DIR [LABEL=DIR ...]

--hearth: Hearth's binary (default: `hearth` on PATH, else ../../build/hearth relative to this
script). --hearth-src: Hearth's src/hearth/returns (default ../../src/hearth/returns relative to
this script). --package (or VALIDATOR903_DIR): the folder that holds validator903/. --work: the
folder for the raw outputs; --out defaults to WORK/compare903.tsv.

For each DIR (this year's CSVs, previous/ for last year's) it runs
  * Hearth:  HEARTH validate 903 DIR --year Y --format csv  (and --format json, for the rules not
    run); which codes Hearth has for the year comes from its registry in
    HEARTH_SRC/ssda903_rules*.cpp (read only, hearth_registry.py);
  * pandas, twice, with run903.py's own functions (load_package, collect_rules 'all',
    build_uploads, read_from_text, create_datastore; NaN locations dropped as Validator does):
    once each rule on its own deep copy with datetime_scalars_as_timestamps (column 'pandas'), and
    once exactly as run903.py runs it (column 'pandas_shared');
then matches failures on (table, row): Hearth's `line` is the file's line (header = 1), so its
pandas row index is line - 2; Hearth's table names are the package's ('Header', 'Episodes', ...),
and last year's tables are '<Table>_last' in pandas (Hearth reports rows of this year's tables
only). Rule codes are matched without regard to case (pandas 392A = Hearth 392a).

Writes OUT (TSV, one line per dataset and rule of either tool):
  dataset rule status hearth pandas both only_hearth only_pandas pandas_last pandas_shared tables
  class note
pandas = rows the pandas rule flags when it runs on its own deep copy of the datastore and
pd.to_datetime(<datetime>, format=...) gives the date rather than NaT (see
datetime_scalars_as_timestamps): what the rule itself says. pandas_shared = what it flags as
run903.py runs it (the package's own loop: every rule gets a shallow copy, so a rule writing into
it in place changes the tables for the rules after it; and the NaT year bounds of pandas 1.5.3):
'=' when the same rows, 'raised' when it raised there. pandas_last = of the pandas rows, those in
last year's tables.
class, note: from --classes (classes903.tsv, the hand-made reading of why they differ, written for
the three data sets below; for other data it needs review).
status: compared (both ran) | hearth_not_run (Hearth lacks reference data) | pandas_raised |
        pandas_skipped (a table missing) | hearth_only (no such pandas rule) |
        pandas_only (no Hearth rule for the year; 'pandas_only(retired <last year>)' when Hearth has
        it for earlier years only)
and WORK/<label>.hearth.csv and .hearth.json (Hearth's reports), WORK/<label>.pandas.tsv and
.pandas_shared.tsv (CODE, TABLE, ROW lines as run903.py writes them), WORK/<label>.examples.txt (for each rule
where the two differ: up to N rows only one tool flags, with the row's cells and, when
DIR.mutations.tsv exists (mutate903.py), the changes made to that row).

The data sets of the comparison made for Hearth (about 65 s for the three on a 2-core machine),
with EXPORT = Hearth's SSDA903 export of its large fictional authority for 2025-26:
  /usr/bin/python3 mutate903.py EXPORT WORK/m_large --seed 903 --rate 0.05
  /usr/bin/python3 mutate903.py EXPORT WORK/s_large --seed 903 --rate 0.05 --pandas-safe
  /usr/bin/python3 compare903.py --work WORK clean=EXPORT mutated=WORK/m_large safe=WORK/s_large
"""
import argparse
import collections
import contextlib
import csv
import json
import os
import shutil
import subprocess
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)  # run903.py and hearth_registry.py sit next to this script
# imported now, before run903.load_package() puts the validator's folder first on sys.path
import hearth_registry as hr  # noqa: E402
import run903  # noqa: E402

FILES = {
    'Header': 'header.csv', 'Episodes': 'episodes.csv', 'Reviews': 'reviews.csv', 'UASC': 'uasc.csv',
    'OC2': 'oc2.csv', 'OC3': 'oc3.csv', 'AD1': 'ad1.csv', 'PlacedAdoption': 'placed_for_adoption.csv',
    'PrevPerm': 'previous_permanence.csv', 'Missing': 'missing.csv', 'SWEpisodes': 'sw_episodes.csv',
}


def default_hearth():
    """`hearth` on PATH, else ../../build/hearth relative to this script"""
    return shutil.which('hearth') or os.path.normpath(os.path.join(HERE, '..', '..', 'build', 'hearth'))


def run_hearth(hearth, data_dir, year, csv_out, json_out):
    for fmt, out in (('csv', csv_out), ('json', json_out)):
        subprocess.run([hearth, 'validate', '903', data_dir, '--year', str(year), '--format', fmt, '--out', out],
                       check=True, stderr=subprocess.DEVNULL)
    with open(json_out) as fh:
        report = json.load(fh)
    skipped = {c.upper() for c in report.get('rules_skipped', [])}
    fails = collections.defaultdict(set)
    with open(csv_out, newline='', encoding='utf-8') as fh:
        for row in csv.DictReader(fh):
            fails[row['rule'].upper()].add((row['table'], int(row['line']) - 2))
    return fails, skipped


def hearth_registry(year, hearth_src=None):
    now, earlier = {}, {}
    for r in hr.parse(hearth_src):
        code = r['code'].upper()
        if r['first'] <= year <= r['last']:
            now[code] = r
        elif r['last'] < year:
            earlier[code] = max(earlier.get(code, 0), r['last'])
    return now, earlier


def _deep_copy(data_store):
    """A deep copy of the datastore for each rule, where run903._run_rules (as the package)
    makes a shallow one: a rule that writes into its copy in place -- 365 fills every blank DEC
    with the collection end -- cannot change what the rules after it read."""
    return {k: (v.copy(deep=True) if k != 'metadata' else dict(v)) for k, v in data_store.items()}


@contextlib.contextmanager
def datetime_scalars_as_timestamps(pd):
    """pandas 1.5.3 (the one here) turns a datetime.datetime scalar into NaT when a format is given:
    pd.to_datetime(datetime(2025, 4, 1), format='%d/%m/%Y', errors='coerce') is NaT, while a
    pd.Timestamp (and any scalar in pandas 2) comes back as itself. The rules call it so on
    metadata['collection_start'/'collection_end'] (datetimes made by datastore._process_metadata) 62
    times: with NaT every comparison with the year's start or end is False. Within this block such a
    scalar is returned as a Timestamp, which is what those lines mean, and so are such datetimes
    inside an object column being parsed with a format (365 fills blank DECs with the collection
    end before parsing the column); nothing else changes."""
    import datetime as _dt
    original = pd.to_datetime

    def to_datetime(arg, *args, **kwargs):
        if isinstance(arg, _dt.datetime) and not isinstance(arg, pd.Timestamp):
            return pd.Timestamp(arg)
        if isinstance(arg, pd.Series) and arg.dtype == object and kwargs.get('format'):
            # a column some rule filled with those datetimes (365: blank DEC := collection_end)
            is_dt = arg.map(lambda v: isinstance(v, _dt.datetime))
            if is_dt.any():
                out = original(arg.where(~is_dt), *args, **kwargs)
                out[is_dt] = arg[is_dt].map(pd.Timestamp)
                return out
        return original(arg, *args, **kwargs)

    pd.to_datetime = to_datetime
    try:
        yield
    finally:
        pd.to_datetime = original


def run_pandas(data_dir, year, tsv_out, isolated=True, package=None):
    """isolated=True: each rule on a deep copy, with datetime_scalars_as_timestamps (what each rule
    means); isolated=False: exactly run903.py's loop (shallow copies, pandas as it is here)."""
    import pandas as pd
    warnings.simplefilter('ignore')
    with contextlib.redirect_stderr(open(os.devnull, 'w')):
        validators, config, ingress, datastore = run903.load_package(package)
    rules = run903.collect_rules(validators, config, 'all')
    uploads = _uploads(run903, data_dir)
    dfs, file_format = ingress.read_from_text(raw_files=uploads)
    metadata = {'collectionYear': f'{year - 1}/{year % 100:02d}', 'localAuthority': 'E09000001',
                'file_format': file_format}
    data_store = datastore.create_datastore(dfs, metadata)
    dones, skips, raised = [], [], []
    with contextlib.redirect_stdout(open(os.devnull, 'w')):
        if isolated:
            with datetime_scalars_as_timestamps(pd):
                raw = run903._run_rules(rules, None, data_store, pd, dones, skips, raised,
                                        copy=_deep_copy)
        else:
            raw = run903._run_rules(rules, datastore, data_store, pd, dones, skips, raised)
    fails = collections.defaultdict(set)
    lines = set()
    for code, table, values in raw:
        for v in values:
            lab = run903.as_label(v)
            lines.add(f'{code}\t{table}\t{lab}')
            try:
                fails[code.upper()].add((table, int(lab)))
            except ValueError:
                fails[code.upper()].add((table, lab))
    with open(tsv_out, 'w') as fh:
        for line in sorted(lines):
            fh.write(line + '\n')
    return (fails, {c.upper() for c in dones}, {c.upper() for c in skips},
            {c.upper(): e for c, e in raised}, {e.code.upper() for e, _ in rules}, dfs)


def _uploads(run903, data_dir):
    with contextlib.redirect_stderr(open(os.devnull, 'w')):
        return run903.build_uploads(data_dir)


def read_rows(data_dir):
    """(table name as pandas knows it, row) -> the row's cells as a dict, for the examples"""
    out = {}
    for sub, suffix in (('', ''), ('previous', '_last')):
        for name, f in FILES.items():
            p = os.path.join(data_dir, sub, f)
            if os.path.isfile(p):
                with open(p, newline='') as fh:
                    out[name + suffix] = list(csv.DictReader(fh))
    return out


def load_classes(path):
    """rule -> (class, note) from a TSV with columns rule, class, note (the hand-made classification of
    why the two tools differ; see compare903.md)"""
    out = {}
    if path and os.path.isfile(path):
        with open(path, newline='', encoding='utf-8') as fh:
            for rec in csv.DictReader(fh, delimiter='\t'):
                out[rec['rule'].upper()] = (rec['class'], rec['note'])
    return out


def compare(label, data_dir, year, work, n_examples, writer, classes=None, hearth=None, hearth_src=None,
            package=None):
    classes = classes or {}
    os.makedirs(work, exist_ok=True)
    h_fails, h_skipped = run_hearth(hearth or default_hearth(), data_dir, year,
                                    os.path.join(work, f'{label}.hearth.csv'),
                                    os.path.join(work, f'{label}.hearth.json'))
    p_fails, p_done, p_skipped, p_raised, p_codes, _ = run_pandas(data_dir, year,
                                                                  os.path.join(work, f'{label}.pandas.tsv'),
                                                                  package=package)
    # the package's own loop (shallow copies, as run903.py and Validator.validate run it)
    s_fails, _, _, s_raised, _, _ = run_pandas(data_dir, year, os.path.join(work, f'{label}.pandas_shared.tsv'),
                                               isolated=False, package=package)
    now, earlier = hearth_registry(year, hearth_src)
    rows = read_rows(data_dir)
    manifest = {}
    man_path = data_dir.rstrip('/') + '.mutations.tsv'
    if os.path.isfile(man_path):
        with open(man_path) as fh:
            for rec in csv.DictReader(fh, delimiter='\t'):
                tname = [k for k, v in FILES.items() if v == rec['file']][0]
                tname += '_last' if rec['folder'] == 'previous' else ''
                manifest.setdefault((tname, int(rec['row'])), []).append(
                    f"{rec['kind']} {rec['column']}: {rec['old']!r} -> {rec['new']!r}")
    codes = sorted(set(now) | p_codes, key=lambda c: (not c[0].isdigit(), c))
    summary = collections.Counter()
    ex = open(os.path.join(work, f'{label}.examples.txt'), 'w')
    for code in codes:
        h = h_fails.get(code, set())
        p = p_fails.get(code, set())
        if code not in p_codes:
            status = 'hearth_only'
        elif code not in now:
            status = 'pandas_only' + (f'(retired {earlier[code]})' if code in earlier else '')
        elif code in h_skipped:
            status = 'hearth_not_run'
        elif code in p_raised:
            status = 'pandas_raised'
        elif code in p_skipped:
            status = 'pandas_skipped'
        else:
            status = 'compared'
        both = h & p
        p_last = {x for x in p if str(x[0]).endswith('_last')}
        tables = sorted({t for t, _ in h | p})
        sh = s_fails.get(code, set())
        shared = 'raised' if code in s_raised else ('=' if sh == p else str(len(sh)))
        cls, note = classes.get(code, ('', ''))
        writer.writerow([label, code, status, len(h), len(p), len(both), len(h - p), len(p - h), len(p_last),
                         shared, ','.join(tables), cls, note])
        agree = h == p
        summary[(status, 'agree' if agree else 'differ', 'none' if not h and not p else 'some')] += 1
        if not agree and (h or p):
            ex.write(f'== {code} [{status}] hearth {len(h)} pandas {len(p)} both {len(both)}'
                     f' only-hearth {len(h - p)} only-pandas {len(p - h)}\n')
            if code in now:
                ex.write(f'   hearth: {now[code]["file"]} {now[code]["check"]}: {now[code]["message"]}\n')
            if code in p_raised:
                ex.write(f'   pandas raised: {p_raised[code][:200]}\n')
            for which, s in (('only-hearth', h - p), ('only-pandas', p - h)):
                for t, r in sorted(s, key=lambda x: (str(x[0]), str(x[1])))[:n_examples]:
                    cells = rows.get(t, [])
                    cell = cells[r] if isinstance(r, int) and 0 <= r < len(cells) else {}
                    ex.write(f'   {which} {t} row {r} (line {r + 2 if isinstance(r, int) else "?"}): '
                             + ','.join(f'{k}={v}' for k, v in cell.items()) + '\n')
                    for m in manifest.get((t, r), []):
                        ex.write(f'      mutation: {m}\n')
    ex.close()
    return summary, p_raised, p_skipped


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('datasets', nargs='+', help='LABEL=DIR')
    ap.add_argument('--year', type=int, default=2026)
    ap.add_argument('--work', required=True,
                    help="folder for each data set's raw outputs (made if missing)")
    ap.add_argument('--out', default=None, help='the per-rule TSV (default WORK/compare903.tsv)')
    ap.add_argument('--examples', type=int, default=4)
    ap.add_argument('--hearth', default=None,
                    help="Hearth's binary (default: `hearth` on PATH, else ../../build/hearth relative to "
                         "this script)")
    ap.add_argument('--hearth-src', default=None,
                    help="Hearth's src/hearth/returns, whose ssda903_rules*.cpp give the rules Hearth has "
                         "(default ../../src/hearth/returns relative to this script)")
    ap.add_argument('--package', default=None, metavar='DIR',
                    help='the folder that holds validator903/ (default: $VALIDATOR903_DIR, else an installed '
                         'validator903)')
    ap.add_argument('--classes', default=os.path.join(HERE, 'classes903.tsv'),
                    help='rule/class/note TSV appended to each line (default %(default)s; missing = blank)')
    args = ap.parse_args(argv)
    hearth = args.hearth or default_hearth()
    if not (os.path.isfile(hearth) and os.access(hearth, os.X_OK)):
        sys.exit(f'compare903: no Hearth binary at {hearth} (give --hearth)')
    os.makedirs(args.work, exist_ok=True)
    if args.out is None:
        args.out = os.path.join(args.work, 'compare903.tsv')
    with open(args.out, 'w', newline='') as fh:
        w = csv.writer(fh, delimiter='\t', lineterminator='\n')
        w.writerow(['dataset', 'rule', 'status', 'hearth', 'pandas', 'both', 'only_hearth', 'only_pandas',
                    'pandas_last', 'pandas_shared', 'tables', 'class', 'note'])
        for spec in args.datasets:
            label, _, data_dir = spec.partition('=')
            summary, raised, skipped = compare(label, data_dir, args.year, args.work, args.examples, w,
                                               load_classes(args.classes), hearth=hearth,
                                               hearth_src=args.hearth_src, package=args.package)
            print(f'{label}: ' + '; '.join(f'{s} {a} ({n}): {c}' for (s, a, n), c in sorted(summary.items())))
            if raised:
                print(f'{label}: pandas rules that raised: ' + ', '.join(sorted(raised)))
            if skipped:
                print(f'{label}: pandas rules skipped (missing tables): ' + ', '.join(sorted(skipped)))
    print(f'-> {args.out}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
