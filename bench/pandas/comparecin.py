#!/usr/bin/python3
"""
comparecin.py -- per rule, do Hearth and the pandas CIN census validator flag the same children?

The pandas validator is third-party code, NOT part of Hearth and not in this repository: the
`cin_validator` package of data-to-insight/csc-validator-be-cin (MIT licence), with its ruleset
cin2024_25 (the newest it has; there is no cin2025_26). The copy used for Hearth's comparison was
rebuilt from stored files of several versions of the repository, so no single commit can be
named. It is run through runcin_each.py, one rule at a time (see there for why). README.md says
how to get the package.

    /usr/bin/python3 comparecin.py --work DIR [--run --clean FILE.xml] [--out FILE]
                                   [--hearth BIN] [--hearth-src DIR] [--package DIR]
                                   [--ruleset cin2024_25] [--classes classescin.tsv]

--work: the folder of the mutated files and the raw outputs (made if missing); --out defaults to
WORK/comparecin.tsv. --hearth: Hearth's binary (default: `hearth` on PATH, else ../../build/hearth
relative to this script). --hearth-src: Hearth's src/hearth/returns, whose cin_rules_*.cpp give
the rule codes Hearth has, read only (default ../../src/hearth/returns relative to this script).
--package (or CIN_VALIDATOR_DIR): the folder that holds cin_validator/; without either, an
installed cin_validator.

Data sets (label: file):
    clean:    --clean FILE.xml (for Hearth's comparison: its small synthetic CIN export for
              2025-26, 1,743 children, made as README.md says)
    mutated:  WORK/m_small.xml  (mutatecin.py --seed 2026 --rate 0.2 of the clean file)
    mutated2: WORK/m2_small.xml (mutatecin.py --seed 7 --rate 0.25 of the clean file)

With --run both mutated files are made again from --clean and both tools are run on the three
files (one pandas process at a time, under nice):
    Hearth:  HEARTH validate cin FILE --format csv --out WORK/h_<label>.csv
    pandas:  runcin_each.py FILE --out WORK/p_<label>.tsv --ruleset RULESET
             (also writes WORK/p_<label>.status.tsv)
Without --run the outputs already in WORK are compared.

Matching: on (rule code, LAchildID). A rule about the return as a whole (2883, 2886Q, 2887Q,
2888Q) and the Header rule 100 match on the code alone ("(return)"); so does any pandas line the
package reports as LA-level. A child whose LAchildID is blank is the key "" in both tools.

Writes OUT: one row per rule code of either tool, with per data set Hearth failing children,
pandas failing children, both, only Hearth, only pandas, the pandas status (ok / rule_raised /
report_raised, from p_<label>.status.tsv) and up to 4 example children of each side's surplus;
then the verdict (same / none / differ / one tool) and the class and note from --classes
(code, class, note; default classescin.tsv next to this script, a hand classification written
for the three data sets above: for other data it needs review; missing = blank).
"""
import argparse
import collections
import csv
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PY = sys.executable or "/usr/bin/python3"
# label, file name in WORK (None: the --clean file)
SETS = [("clean", None), ("mutated", "m_small.xml"), ("mutated2", "m2_small.xml")]
# how each mutated file is made from the clean one: label -> (seed, rate)
MUTATIONS = {"mutated": (2026, 0.2), "mutated2": (7, 0.25)}
RETURN_RULES = {"100", "2883", "2886Q", "2887Q", "2888Q"}
RET = "(return)"


def default_hearth():
    """`hearth` on PATH, else ../../build/hearth relative to this script"""
    return shutil.which("hearth") or os.path.normpath(os.path.join(HERE, "..", "..", "build", "hearth"))


def hearth_codes(hearth_src):
    codes = set()
    for name in os.listdir(hearth_src):
        if name.startswith("cin_rules_") and name.endswith(".cpp"):
            text = open(os.path.join(hearth_src, name), encoding="utf-8").read()
            codes.update(re.findall(r'^      \{"([0-9]+Q?)",', text, re.M))
    return codes


# run in a child process, as runcin.py finds the package: argv = HERE, PACKAGE ('' = none), RULESET
PANDAS_CODES = (
    "import importlib, sys\n"
    "sys.path.insert(0, sys.argv[1])\n"
    "from runcin import use_package\n"
    "use_package(sys.argv[2] or None)\n"
    "r = importlib.import_module('cin_validator.rules.' + sys.argv[3]).registry\n"
    "print(' '.join(str(k) for k in r))\n"
)


def pandas_codes(package, ruleset):
    out = subprocess.run([PY, "-c", PANDAS_CODES, HERE, package or "", ruleset],
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"comparecin: cannot read the {ruleset} registry of cin_validator (give --package DIR, "
                 f"the folder that holds cin_validator/, or set CIN_VALIDATOR_DIR):\n{out.stderr.strip()}")
    return set(out.stdout.split())


def read_hearth(path):
    found = collections.defaultdict(set)
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = row["rule"]
            found[code].add(RET if code in RETURN_RULES else row["child"])
    return found


def read_pandas(path):
    found = collections.defaultdict(set)
    with open(path, encoding="utf-8") as f:
        for ln in f:
            code, child, details = ln.rstrip("\n").split("\t", 2)
            if code in RETURN_RULES or details.startswith("LA-level"):
                found[code].add(RET)
            else:
                found[code].add(child)
    return found


def read_status(path):
    st = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            next(f)
            for ln in f:
                code, status, _n, note = (ln.rstrip("\n").split("\t") + [""] * 4)[:4]
                st[code] = (status, note)
    return st


def run_all(sets, work, hearth, package, ruleset):
    clean = sets[0][1]
    for label, path in sets:
        if label in MUTATIONS:
            seed, rate = MUTATIONS[label]
            subprocess.run(["nice", PY, os.path.join(HERE, "mutatecin.py"), clean, path,
                            "--seed", str(seed), "--rate", str(rate)], check=True)
    for label, path in sets:
        subprocess.run([hearth, "validate", "cin", path, "--format", "csv",
                        "--out", os.path.join(work, f"h_{label}.csv")], check=True)
        # one pandas process at a time
        cmd = ["nice", PY, os.path.join(HERE, "runcin_each.py"), path,
               "--out", os.path.join(work, f"p_{label}.tsv"), "--ruleset", ruleset]
        if package:
            cmd += ["--package", package]
        subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)


def sort_key(code):
    m = re.match(r"(\d+)(.*)", code)
    return (int(m.group(1)), m.group(2)) if m else (10 ** 9, code)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", required=True,
                    help="folder of the mutated files and each data set's raw outputs (made if missing)")
    ap.add_argument("--run", action="store_true",
                    help="make the mutated files from --clean and run both tools (else compare WORK's outputs)")
    ap.add_argument("--clean", default=None, metavar="FILE.xml",
                    help="the clean CIN census XML file (needed with --run)")
    ap.add_argument("--out", default=None, help="the per-rule TSV (default WORK/comparecin.tsv)")
    ap.add_argument("--hearth", default=None,
                    help="Hearth's binary (default: `hearth` on PATH, else ../../build/hearth relative to "
                         "this script)")
    ap.add_argument("--hearth-src", default=None,
                    help="Hearth's src/hearth/returns, whose cin_rules_*.cpp give the rules Hearth has "
                         "(default ../../src/hearth/returns relative to this script)")
    ap.add_argument("--package", default=None, metavar="DIR",
                    help="the folder that holds cin_validator/ (default: $CIN_VALIDATOR_DIR, else an "
                         "installed cin_validator)")
    ap.add_argument("--ruleset", default="cin2024_25",
                    help="rules folder under cin_validator/rules (default %(default)s)")
    ap.add_argument("--classes", default=os.path.join(HERE, "classescin.tsv"),
                    help="code/class/note TSV appended to each line (default %(default)s; missing = blank)")
    args = ap.parse_args(argv)

    work = args.work
    os.makedirs(work, exist_ok=True)
    out_path = args.out or os.path.join(work, "comparecin.tsv")
    hearth_src = args.hearth_src or os.path.normpath(os.path.join(HERE, "..", "..", "src", "hearth", "returns"))
    if not os.path.isdir(hearth_src):
        sys.exit(f"comparecin: no folder {hearth_src} (give --hearth-src, Hearth's src/hearth/returns)")
    sets = [(label, args.clean if name is None else os.path.join(work, name)) for label, name in SETS]
    if args.run:
        if not args.clean:
            sys.exit("comparecin: --run needs --clean FILE.xml")
        hearth = args.hearth or default_hearth()
        if not (os.path.isfile(hearth) and os.access(hearth, os.X_OK)):
            sys.exit(f"comparecin: no Hearth binary at {hearth} (give --hearth)")
        run_all(sets, work, hearth, args.package, args.ruleset)

    hcodes, pcodes = hearth_codes(hearth_src), pandas_codes(args.package, args.ruleset)
    classes = {}
    if os.path.exists(args.classes):
        with open(args.classes, encoding="utf-8") as f:
            next(f)
            for ln in f:
                parts = ln.rstrip("\n").split("\t")
                classes[parts[0]] = (parts[1], parts[2] if len(parts) > 2 else "")

    data = {}
    for label, _path in sets:
        data[label] = (read_hearth(os.path.join(work, f"h_{label}.csv")),
                       read_pandas(os.path.join(work, f"p_{label}.tsv")),
                       read_status(os.path.join(work, f"p_{label}.status.tsv")))

    codes = sorted(hcodes | pcodes, key=sort_key)
    header = ["rule", "in"]
    for label, _ in sets:
        header += [f"{label}_hearth", f"{label}_pandas", f"{label}_both", f"{label}_only_hearth",
                   f"{label}_only_pandas", f"{label}_pandas_status", f"{label}_examples_only_hearth",
                   f"{label}_examples_only_pandas"]
    header += ["agree", "class", "note"]
    rows = []
    summary = collections.Counter()
    for code in codes:
        where = "both" if code in hcodes and code in pcodes else ("hearth" if code in hcodes else "pandas")
        row = [code, where]
        agree = where == "both"
        anyfail = False
        for label, _ in sets:
            h, p, st = data[label]
            hs, ps = h.get(code, set()), p.get(code, set())
            status = st.get(code, ("ok", ""))[0] if code in pcodes else "-"
            both, oh, op = hs & ps, hs - ps, ps - hs
            anyfail |= bool(hs or ps)
            if oh or op or status not in ("ok", "-"):
                agree = False
            row += [len(hs) if code in hcodes else "-", len(ps) if code in pcodes else "-", len(both),
                    len(oh), len(op), status, " ".join(sorted(oh)[:4]), " ".join(sorted(op)[:4])]
        verdict = ("same" if anyfail else "none") if agree else ("differ" if where == "both" else "one tool")
        summary[verdict] += 1
        cl, note = classes.get(code, ("=" if verdict in ("same", "none") else "", ""))
        row += [verdict, cl, note]
        rows.append(row)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(str(x) for x in row) + "\n")
    print(f"rules: {len(codes)} (Hearth {len(hcodes)}, pandas {len(pcodes)}, both {len(hcodes & pcodes)})")
    print("verdicts over all data sets:", dict(summary))
    bycls = collections.Counter(r[-2] for r in rows if r[-3] in ("differ", "one tool"))
    print("classes of differing rules:", dict(bycls))
    for label, _ in sets:
        h, p, _st = data[label]
        nh = sum(len(v) for k, v in h.items() if k in pcodes)
        np_ = sum(len(v) for k, v in p.items() if k in hcodes)
        nb = sum(len(h.get(k, set()) & p.get(k, set())) for k in hcodes & pcodes)
        print(f"{label}: (rule, child) pairs in shared rules: Hearth {nh}, pandas {np_}, both {nb}")
    print(f"wrote {out_path}")


if __name__ == "__main__":
    main()
