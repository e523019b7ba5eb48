#!/usr/bin/python3
"""
showchild.py -- print children's <Child> elements of a CIN census XML file as they are in the
file, with line numbers.

    /usr/bin/python3 showchild.py FILE.xml LACHILDID [LACHILDID ...]

A helper for reading comparecin.py's examples (the children only one tool flags) in the clean or
mutated files. It uses only the standard library and runs neither Hearth nor the third-party
pandas validator (cin_validator of data-to-insight/csc-validator-be-cin). It expects one element
per line, as Hearth's export and mutatecin.py write the file; a child is shown when its first
<LAchildID> is one of those given (a blank ID cannot be asked for).
"""
import argparse


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("xml", help="CIN census XML file")
    ap.add_argument("ids", nargs="+", metavar="LACHILDID", help="the children to show")
    args = ap.parse_args(argv)
    want = set(args.ids)
    lines = open(args.xml, encoding="utf-8").read().split("\n")
    start = None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s == "<Child>":
            start = i
        elif s == "</Child>" and start is not None:
            block = lines[start:i + 1]
            ids = [b.strip()[len("<LAchildID>"):-len("</LAchildID>")] for b in block
                   if b.strip().startswith("<LAchildID>")]
            if ids and ids[0] in want:
                for k, b in enumerate(block):
                    print(f"{start + k + 1:6d} {b}")
            start = None


if __name__ == "__main__":
    main()
