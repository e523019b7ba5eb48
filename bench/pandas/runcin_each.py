#!/usr/bin/python3
"""
runcin_each.py -- run the pandas CIN census validator one rule at a time (same reading, same
rules), so that one rule's failure in the package's report step does not lose every result.

This drives a third-party validator that is NOT part of Hearth and is not in this repository:
the `cin_validator` package of data-to-insight/csc-validator-be-cin (MIT licence); README.md says
how to get it. The comparison made for Hearth (comparecin.py) used its ruleset cin2024_25, on a
copy of the package rebuilt from stored files of several versions of the repository (so no
single commit can be named).

    /usr/bin/python3 runcin_each.py FILE.xml --out failures.tsv [--package PARENT]
                                    [--ruleset cin2024_25]

--package PARENT (or the environment variable CIN_VALIDATOR_DIR) is the folder that holds
cin_validator/, as for runcin.py. Without either, an installed cin_validator is imported.

Why: runcin.py builds one CinValidator over all rules. On a file with some faults the package's
report step (cin_validator.include_issue_child: table_df["ROW_ID"].astype("int")) raises when
any rule has pushed a location with a missing ROW_ID (rule 8816 on the mutated files of the
comparison), and then no rule's result is written. Here the file is read once exactly as
runcin.py reads it (ET.parse, convert_data, process_data) and a CinValidator is built for each
rule on its own (selected_rules=[code]); the package already runs each rule on a deep copy of the
tables, so the result of a rule is the same as in the all-rules run whenever that one does not
raise.

When the report step raises for a rule, the rule is run again directly (rule.func on a deep copy
with a RuleContext, as create_issue_report_df does) and its locations with a ROW_ID are mapped to
their child the way include_issue_child does it (row position in the table); the locations with
no ROW_ID are counted and listed in the status file. No rule logic is changed.

Output: --out as runcin.py writes it (CODE, LAchildID, table.column@row, sorted; LA-level issues
with an empty LAchildID), and beside it OUT.status.tsv (OUT less its extension): code, status
(ok / rule_raised / report_raised), lines, note.
"""
import argparse
import contextlib
import copy
import importlib
import io
import os
import sys
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # runcin.py sits next to this script
# imported before use_package() puts the validator's folder first on sys.path
from runcin import PKG_ENV, PKG_NAME, s, use_package  # noqa: E402  (s: stringify a cell as runcin.py does)


def lines_of(validator):
    out = []
    df = validator.full_issue_df
    for rec in df[["rule_code", "child_id", "tables_affected", "columns_affected", "row_id"]].itertuples(index=False):
        code, child, table, col, row = rec
        out.append(f"{s(code)}\t{s(child)}\t{s(table)}.{s(col)}@{s(row)}")
    mc = validator.multichild_issues
    for code, desc in mc[["rule_code", "rule_description"]].drop_duplicates().itertuples(index=False):
        out.append(f"{s(code)}\t\tLA-level: {s(desc)}")
    return out


def direct(rule, data_files, cin_validator_mod, RuleContext):
    """Run the rule as create_issue_report_df does and map locations to children by row."""
    import pandas as pd

    data = copy.deepcopy(cin_validator_mod.enum_keys(data_files))
    ctx = RuleContext(rule)
    rule.func(data, ctx)
    frames = [ctx.type_zero_issues, ctx.type_one_issues, ctx.type_two_issues, ctx.type_three_issues]
    out, missing = [], 0
    for df in frames:
        if len(df) == 0:
            continue
        for rec in df.itertuples(index=False):
            table, col, row = rec.tables_affected, rec.columns_affected, rec.ROW_ID
            if pd.isna(row):
                missing += 1
                continue
            t = data_files[table]
            child = ""
            if table != "Header" and "LAchildID" in t.columns:
                child = s(t.iloc[int(row)]["LAchildID"])
            out.append(f"{s(rule.code)}\t{child}\t{s(table)}.{s(col)}@{int(row)}")
    if len(ctx.la_level_issues):
        out.append(f"{s(rule.code)}\t\tLA-level: {s(rule.message)}")
    return sorted(set(out)), missing


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("xml", help="CIN census XML file")
    ap.add_argument("--out", required=True,
                    help="TSV of failures: CODE, LAchildID, details (OUT.status.tsv is written beside it)")
    ap.add_argument("--package", default=None, metavar="DIR",
                    help=f"the folder that holds {PKG_NAME}/ (default: ${PKG_ENV}, else an installed {PKG_NAME})")
    ap.add_argument("--ruleset", default="cin2024_25",
                    help="rules folder under cin_validator/rules (default %(default)s)")
    args = ap.parse_args(argv)

    use_package(args.package)
    try:
        from cin_validator import cin_validator
        from cin_validator.rule_engine import RuleContext
    except ImportError as e:
        sys.exit(f"runcin_each: cannot import {PKG_NAME} ({e}): give --package DIR (the folder that holds "
                 f"{PKG_NAME}/) or set {PKG_ENV}")

    registry = importlib.import_module(f"cin_validator.rules.{args.ruleset}").registry
    t0 = time.perf_counter()
    root = ET.parse(args.xml).getroot()
    data_files = cin_validator.process_data(cin_validator.convert_data(root))
    t1 = time.perf_counter()

    all_lines, status = [], []
    for _, rule in registry.items():
        code = str(rule.code)
        captured = io.StringIO()
        try:
            with contextlib.redirect_stdout(captured):
                v = cin_validator.CinValidator(copy.deepcopy(data_files), registry, selected_rules=[code])
            got = lines_of(v)
            raised = [ln for ln in captured.getvalue().splitlines() if ln.startswith("Error with rule")]
            status.append((code, "rule_raised" if raised else "ok", len(got), "; ".join(raised)))
        except Exception as e:  # the report step raised
            with contextlib.redirect_stdout(io.StringIO()):
                got, missing = direct(rule, data_files, cin_validator, RuleContext)
            status.append((code, "report_raised", len(got),
                           f"{type(e).__name__}: {str(e)[:80]}; {missing} location(s) with no ROW_ID left out"))
        all_lines.extend(got)
    all_lines = sorted(set(all_lines))
    with open(args.out, "w", encoding="utf-8") as f:
        for ln in all_lines:
            f.write(ln + "\n")
    st = args.out.rsplit(".", 1)[0] + ".status.tsv"
    with open(st, "w", encoding="utf-8") as f:
        f.write("code\tstatus\tlines\tnote\n")
        for row in status:
            f.write("\t".join(str(x) for x in row) + "\n")
    t2 = time.perf_counter()
    bad = [r for r in status if r[1] != "ok"]
    print(f"read {t1 - t0:.1f} s, rules {t2 - t1:.1f} s; {len(all_lines)} lines; {len(status)} rules; "
          f"not ok: {[(r[0], r[1]) for r in bad]}")


if __name__ == "__main__":
    main()
