#!/usr/bin/python3
"""
runcin.py -- run the pandas CIN census validator on a CIN census XML file (as Hearth exports it),
and time it.

This drives a third-party validator that is NOT part of Hearth and is not in this repository:
the `cin_validator` package of data-to-insight/csc-validator-be-cin (MIT licence). Hearth uses it
only as a yardstick for speed and findings; README.md says how to get it. runcin.py adds no
stand-ins: the package runs as it is.

    /usr/bin/python3 runcin.py FILE.xml --out failures.tsv [--package PARENT]
                               [--ruleset cin2022_23] [--select 8925,8930,...]

--package PARENT (or the environment variable CIN_VALIDATOR_DIR) is the folder that holds
cin_validator/, e.g. a clone of csc-validator-be-cin. Without either, an installed cin_validator
is imported. The runs for Hearth used --ruleset cin2024_25, on a copy of the package rebuilt
from stored files of several versions of the repository (so no single commit can be named).

It drives the package exactly the way its own entry point does (cin_validator/__main__.py,
command run_all):
    root = ET.parse(filename).getroot()
    raw_data = cin_validator.convert_data(root)          # ingress.XMLtoCSV -> dict of DataFrames
    data_files = cin_validator.process_data(raw_data)    # utils.process_date_columns
    registry = importlib.import_module(f"cin_validator.rules.{ruleset}").registry
    validator = cin_validator.CinValidator(data_files, registry, selected_rules=select)
CinValidator runs every rule on a deepcopy of the tables, catches and prints any exception
("Error with rule X: ...") and carries on; the runner captures those lines and lists them.

Timing (time.perf_counter): 'read' = ET.parse + convert_data + process_data;
'validate' = building CinValidator (rule loop + its issue-report post-processing).

Output (--out): one line per failure, sorted:
    CODE <TAB> LAchildID <TAB> details
from validator.full_issue_df (one row per rule/child/table/column/row location, as the package
de-duplicates it); details = "table.column@row".  Issues with no child (LA-level rules and
Header-table issues, validator.multichild_issues) are written with an empty LAchildID and
details "LA-level: <rule message>".
The runner does not change any rule logic.
"""
import argparse
import collections
import contextlib
import importlib
import io
import os
import sys
import time
import xml.etree.ElementTree as ET

PKG_NAME = "cin_validator"
PKG_ENV = "CIN_VALIDATOR_DIR"


def use_package(package=None):
    """Put PACKAGE (--package), else $CIN_VALIDATOR_DIR, first on sys.path: the folder that holds
    cin_validator/. With neither, an installed cin_validator is used."""
    parent = package or os.environ.get(PKG_ENV)
    if not parent:
        return
    parent = os.path.abspath(parent)
    if os.path.basename(parent) == PKG_NAME and not os.path.isdir(os.path.join(parent, PKG_NAME)):
        parent = os.path.dirname(parent)  # given the package folder itself
    if not os.path.isdir(os.path.join(parent, PKG_NAME)):
        sys.exit(f"runcin: {parent} holds no {PKG_NAME}/ (--package / {PKG_ENV} is the folder that holds it)")
    sys.path.insert(0, parent)


def s(v):
    """stringify a cell; NaN/None -> ''"""
    try:
        import pandas as pd

        if v is None or (not isinstance(v, (list, tuple)) and pd.isna(v)):
            return ""
    except (TypeError, ValueError):
        pass
    return str(v)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("xml", help="CIN census XML file")
    ap.add_argument("--out", required=True, help="TSV of failures: CODE, LAchildID, details")
    ap.add_argument(
        "--package",
        default=None,
        metavar="DIR",
        help=f"the folder that holds {PKG_NAME}/ (default: ${PKG_ENV}, else an installed {PKG_NAME})",
    )
    ap.add_argument(
        "--ruleset",
        default="cin2022_23",
        help="rules folder under cin_validator/rules (package default: cin2022_23)",
    )
    ap.add_argument("--select", default=None, help="comma-separated rule codes to run (default all)")
    args = ap.parse_args(argv)

    use_package(args.package)
    try:
        from cin_validator import cin_validator  # the package module, as __main__.py imports it
    except ImportError as e:
        sys.exit(f"runcin: cannot import {PKG_NAME} ({e}): give --package DIR (the folder that holds "
                 f"{PKG_NAME}/) or set {PKG_ENV}")

    module = importlib.import_module(f"cin_validator.rules.{args.ruleset}")
    registry = getattr(module, "registry")
    select = [c.strip() for c in args.select.split(",")] if args.select else None

    t0 = time.perf_counter()
    fulltree = ET.parse(args.xml)
    root = fulltree.getroot()
    raw_data = cin_validator.convert_data(root)
    data_files = cin_validator.process_data(raw_data)
    t1 = time.perf_counter()

    captured = io.StringIO()
    with contextlib.redirect_stdout(captured):
        validator = cin_validator.CinValidator(data_files, registry, selected_rules=select)
    t2 = time.perf_counter()

    errored = [ln for ln in captured.getvalue().splitlines() if ln.startswith("Error with rule")]
    other_out = [ln for ln in captured.getvalue().splitlines() if not ln.startswith("Error with rule")]

    lines = []
    df = validator.full_issue_df
    for rec in df[["rule_code", "child_id", "tables_affected", "columns_affected", "row_id"]].itertuples(index=False):
        code, child, table, col, row = rec
        lines.append(f"{s(code)}\t{s(child)}\t{s(table)}.{s(col)}@{s(row)}")
    mc = validator.multichild_issues
    for code, desc in mc[["rule_code", "rule_description"]].drop_duplicates().itertuples(index=False):
        lines.append(f"{s(code)}\t\tLA-level: {s(desc)}")
    lines.sort()
    with open(args.out, "w", encoding="utf-8") as f:
        for ln in lines:
            f.write(ln + "\n")

    n_rules = len(validator.get_rules_to_run(registry, select))
    counts = collections.Counter(ln.split("\t", 1)[0] for ln in lines)
    children = collections.defaultdict(set)
    for ln in lines:
        c, ch, _ = ln.split("\t", 2)
        if ch:
            children[c].add(ch)

    tables = {k: len(v) for k, v in data_files.items()}
    print(f"file: {args.xml}")
    print(f"tables: " + ", ".join(f"{k}={v}" for k, v in tables.items()))
    print(f"ruleset: {args.ruleset} ({n_rules} rules run)")
    print(f"time read:     {t1 - t0:.3f} s")
    print(f"time validate: {t2 - t1:.3f} s")
    print(f"failure lines: {len(lines)}  rules with failures: {len(counts)}  "
          f"rules passed: {len(validator.rules_passed)}  rules that raised: {len(errored)}")
    print("per rule (code lines children):")
    for c in sorted(counts, key=lambda x: (len(str(x)), str(x))):
        print(f"  {c}\t{counts[c]}\t{len(children[c])}")
    if errored:
        print("rules that raised (caught by CinValidator, partial issues kept):")
        for ln in errored:
            print("  " + ln)
    if other_out:
        print("other output from the package:", file=sys.stderr)
        for ln in other_out:
            print("  " + ln, file=sys.stderr)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
