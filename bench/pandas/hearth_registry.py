#!/usr/bin/python3
"""Dump Hearth's SSDA903 rule registry: a read-only parse of Hearth's own sources,
HEARTH_SRC/ssda903_rules*.cpp (default ../../src/hearth/returns relative to this script).
Per rule: code, first_year, last_year, tables, previous_tables, needs, fields, source file,
check name, message.

    /usr/bin/python3 hearth_registry.py [--year 2026] [--hearth-src DIR]   -> TSV on stdout

It does not run the third-party pandas validator (validator903 of
data-to-insight/csc-validator-be-903, not part of Hearth); compare903.py uses parse() to know
which rule codes Hearth has for a collection year when it compares the two."""
import argparse, re, sys, glob, os, json
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SRC = os.path.normpath(os.path.join(HERE, '..', '..', 'src', 'hearth', 'returns'))

def strip_comments(s):
    out = []; i = 0; n = len(s)
    while i < n:
        if s.startswith('//', i):
            j = s.find('\n', i); i = n if j < 0 else j
        elif s.startswith('/*', i):
            j = s.find('*/', i); i = n if j < 0 else j + 2
        elif s[i] == '"':
            j = i + 1
            while s[j] != '"':
                j += 2 if s[j] == '\\' else 1
            out.append(s[i:j + 1]); i = j + 1
        elif s[i] == "'":
            j = i + 1
            while s[j] != "'":
                j += 2 if s[j] == '\\' else 1
            out.append(s[i:j + 1]); i = j + 1
        else:
            out.append(s[i]); i += 1
    return ''.join(out)

def match_brace(s, i):
    """s[i] == '{' -> index after matching '}' (strings respected)."""
    depth = 0; j = i
    while True:
        ch = s[j]
        if ch == '"':
            j += 1
            while s[j] != '"':
                j += 2 if s[j] == '\\' else 1
        elif ch == '{': depth += 1
        elif ch == '}':
            depth -= 1
            if depth == 0: return j + 1
        j += 1

def split_top(s):
    """split an initializer body on top-level commas"""
    parts = []; depth = 0; cur = []; j = 0
    while j < len(s):
        ch = s[j]
        if ch == '"':
            k = j + 1
            while s[k] != '"':
                k += 2 if s[k] == '\\' else 1
            cur.append(s[j:k + 1]); j = k + 1; continue
        if ch in '{([': depth += 1
        elif ch in '})]': depth -= 1
        if ch == ',' and depth == 0:
            parts.append(''.join(cur).strip()); cur = []
        else:
            cur.append(ch)
        j += 1
    if ''.join(cur).strip(): parts.append(''.join(cur).strip())
    return parts

def strings(s):
    return ''.join(m.group(1) for m in re.finditer(r'"((?:[^"\\]|\\.)*)"', s))

def const_msg(s, name):
    m = re.search(r'\b' + re.escape(name.strip()) + r'\s*=\s*((?:\s*"(?:[^"\\]|\\.)*")+)', s)
    return strings(m.group(1)) if m else name

def parse(src=None):
    """[rule dict] from SRC/ssda903_rules*.cpp (default DEFAULT_SRC)"""
    src = src or DEFAULT_SRC
    paths = sorted(glob.glob(os.path.join(src, 'ssda903_rules*.cpp')))
    if not paths:
        sys.exit(f'hearth_registry: no ssda903_rules*.cpp in {src} (give --hearth-src: Hearth\'s src/hearth/returns)')
    rules = []
    for path in paths:
        s = strip_comments(open(path).read())
        for m in re.finditer(r'\{\s*"([0-9A-Za-z]+)",\s*(?:"|k\w+)', s):
            start = m.start()
            end = match_brace(s, start)
            parts = split_top(s[start + 1:end - 1])
            if len(parts) < 7: continue
            # message = consecutive string literals in parts[1]
            if not parts[2].startswith('{') or not parts[3].startswith('{'): continue
            def yr(t):
                return {'kAny': 0, 'kOpen': 9999}.get(t.strip(), None) if not t.strip().isdigit() else int(t)
            first, last = yr(parts[4]), yr(parts[5])
            if first is None or last is None: continue
            check = parts[6]
            check = check if re.fullmatch(r'\w+', check) else '<lambda>'
            prev = parts[7] if len(parts) > 7 else ''
            needs = parts[8] if len(parts) > 8 else ''
            msg = strings(parts[1]) if parts[1].startswith('"') else const_msg(s, parts[1])
            rules.append(dict(code=m.group(1), message=msg,
                              fields=re.findall(r'"(\w+)"', parts[2]),
                              tables=re.findall(r'T::k(\w+)', parts[3]), first=first, last=last,
                              check=check, previous=re.findall(r'T::k(\w+)', prev), needs=needs.strip(),
                              file=os.path.basename(path)))
    return rules

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--year', type=int, default=None, help='only the rules in force that collection year (end)')
    ap.add_argument('--hearth-src', default=DEFAULT_SRC,
                    help="Hearth's src/hearth/returns (default %(default)s)")
    args = ap.parse_args()
    year = args.year
    rs = parse(args.hearth_src)
    if year: rs = [r for r in rs if r['first'] <= year <= r['last']]
    for r in rs:
        print('\t'.join([r['code'], str(r['first']), str(r['last']), ','.join(r['tables']), ','.join(r['previous']),
                         r['needs'], ','.join(r['fields']), r['file'], r['check'], r['message']]))
