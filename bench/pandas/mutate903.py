#!/usr/bin/python3
"""
mutate903.py -- copy an SSDA903 export folder (this year's CSVs and previous/) and inject realistic
errors, with a fixed seed, so that Hearth and the pandas validator can be compared on faults.

It does not run the pandas validator itself: compare903.py does. That validator is third-party
code, not part of Hearth and not in this repository (the `validator903` package of
data-to-insight/csc-validator-be-903, validators.py at commit
001e698f6e3818c8fe02a5bb782ebe3864206e98; see README.md). This script uses the standard library only.

    /usr/bin/python3 mutate903.py SRC_DIR OUT_DIR [--seed 903] [--rate 0.03] [--year 2026]
                                  [--pandas-safe]

Each row of each table is picked with probability --rate; a picked row gets one mutation drawn
from those that fit its table (and the row: MOTHER=1 on a boy needs a boy). The files keep their
header and column order, LF line ends and unquoted cells, so both tools read them as before.
Tables: Header, Episodes, Reviews, UASC, OC2, OC3, AD1, PlacedAdoption, PrevPerm, Missing and
SWEpisodes, this year's and last year's (previous/ is judged against the year before --year).

What was done is written to OUT_DIR.mutations.tsv (next to the folder, not in it): folder,
file, final 0-based data row (pandas' row index; the file's line is that + 2), child, kind,
column, old value, new value. A duplicated row is inserted right after its original; the rows
after it move down by one, and the manifest gives the final positions (for a duplicate, the copy's).
--pandas-safe leaves out the faults that make rules of the pandas validator raise (a duplicated or
blank Header CHILD; a DECOM, MIS_START or DATE_PLACED made blank or unreadable), so that those
rules can be compared as well. OUT_DIR is replaced if it exists.
"""
import argparse
import csv
import datetime as dt
import os
import random
import shutil
import sys

FILES = {
    'header.csv': 'Header', 'episodes.csv': 'Episodes', 'reviews.csv': 'Reviews', 'uasc.csv': 'UASC',
    'oc2.csv': 'OC2', 'oc3.csv': 'OC3', 'ad1.csv': 'AD1', 'placed_for_adoption.csv': 'PlacedAdoption',
    'previous_permanence.csv': 'PrevPerm', 'missing.csv': 'Missing', 'sw_episodes.csv': 'SWEpisodes',
}
FMT = '%d/%m/%Y'


def pdate(s):
    try:
        return dt.datetime.strptime(s.strip(), FMT).date()
    except (ValueError, AttributeError):
        return None


def fdate(d):
    return d.strftime(FMT)


class Table:
    def __init__(self, path):
        self.path = path
        with open(path, newline='') as fh:
            rows = list(csv.reader(fh))
        self.header = rows[0]
        self.rows = rows[1:]
        self.col = {c: i for i, c in enumerate(self.header)}
        self.dups = {}  # original row -> number of copies inserted after it

    def get(self, r, c):
        return self.rows[r][self.col[c]]

    def set(self, r, c, v):
        self.rows[r][self.col[c]] = v

    def write(self, path):
        out = []
        for i, row in enumerate(self.rows):
            out.append(row)
            for _ in range(self.dups.get(i, 0)):
                out.append(list(row))
        with open(path, 'w', newline='') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(self.header)
            w.writerows(out)

    def final_index(self, r):
        """position of original row r once the duplicates are inserted"""
        return r + sum(n for i, n in self.dups.items() if i < r)


# ------------------------------------------------------------------------------------ mutations
# each: (kind, tables, fn(m, table_name, t, r) -> list of (row, column, old, new) or None if n/a)

BAD_FORMATS = [
    lambda d: d.strftime('%Y-%m-%d'),            # ISO
    lambda d: d.strftime('%d-%m-%Y'),            # dashes
    lambda d: d.strftime('%d/%m/%y'),            # two-digit year
    lambda d: d.strftime('%d.%m.%Y'),            # dots
    lambda d: d.strftime('%m/%d/%Y') if d.day > 12 else d.strftime('%d%m%Y'),  # US order / no separators
]
IMPOSSIBLE = ['31/02/{y}', '30/02/{y}', '31/04/{y}', '00/01/{y}', '32/01/{y}', '15/13/{y}', '29/02/2023',
              '31/06/{y}', '31/09/{y}', '31/11/{y}']

INVALID_CODES = {
    ('Header', 'SEX'): ['X', '3', 'U', '9'],
    ('Header', 'ETHNIC'): ['WBR', 'XXXX', 'BLACK', 'W1'],
    ('Header', 'MOTHER'): ['2', 'Y', '9'],
    ('UASC', 'SEX'): ['X', '3'],
    ('Episodes', 'RNE'): ['Z', 'X', 'S1', 'Q'],
    ('Episodes', 'LS'): ['C3', 'V5', 'X1', 'L4'],
    ('Episodes', 'CIN'): ['N0', 'N9', 'C1'],
    ('Episodes', 'PLACE'): ['U7', 'Q1', 'K4', 'P5', 'S2'],
    ('Episodes', 'PLACE_PROVIDER'): ['PR7', 'PR', 'P1'],
    ('Episodes', 'REC'): ['E99', 'X2', 'E2', 'E40'],
    ('Episodes', 'REASON_PLACE_CHANGE'): ['MOVE', 'OTHR', 'CAR'],
    ('Reviews', 'REVIEW_CODE'): ['PN8', 'PN', 'P1', 'PN9'],
    ('OC2', 'SDQ_REASON'): ['SDQ6', 'SDQ0', 'SDQ'],
    ('OC2', 'SDQ_SCORE'): ['41', '45', 'AB', '-1', '100'],
    ('OC2', 'CONVICTED'): ['2', 'Y'],
    ('OC2', 'IMMUNISATIONS'): ['2', 'Y', '9'],
    ('OC2', 'TEETH_CHECK'): ['2', 'N'],
    ('OC2', 'HEALTH_ASSESSMENT'): ['3', 'Y'],
    ('OC3', 'IN_TOUCH'): ['MAYBE', 'Y', 'DIED2', 'NOTK'],
    ('OC3', 'ACTIV'): ['G7', 'F9', 'X1', '1'],
    ('OC3', 'ACCOM'): ['Q1', 'B3', 'A1', '1'],
    ('AD1', 'FOSTER_CARE'): ['2', 'Y'],
    ('AD1', 'NB_ADOPTR'): ['3', '0', 'X'],
    ('AD1', 'SEX_ADOPTR'): ['M2', 'XY', 'FM', 'M'],
    ('AD1', 'LS_ADOPTR'): ['L13', 'L2', 'L0A', 'L1'],
    ('PlacedAdoption', 'REASON_PLACED_CEASED'): ['RD5', 'RD', 'X1'],
    ('PrevPerm', 'PREV_PERM'): ['P4', 'Z2', 'X1', 'P0'],
    ('PrevPerm', 'LA_PERM'): ['ABC', '1234', 'XX'],
    ('Missing', 'MISSING'): ['X', 'MA', 'N', 'U'],
    ('SWEpisodes', 'SW_REASON'): ['OTHER', 'MANAG', 'XXXXXX'],
}

REQUIRED = {
    'Header': ['SEX', 'DOB', 'ETHNIC', 'UPN', 'CHILD'],
    'Episodes': ['DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'REC', 'URN', 'PL_POST', 'HOME_POST',
                 'REASON_PLACE_CHANGE'],
    'Reviews': ['REVIEW', 'REVIEW_CODE', 'DOB'],
    'UASC': ['DUC', 'DOB', 'SEX'],
    'OC2': ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'CONVICTED', 'DOB'],
    'OC3': ['IN_TOUCH', 'ACTIV', 'ACCOM'],
    'AD1': ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
    'PlacedAdoption': ['DATE_PLACED', 'DOB'],
    'PrevPerm': ['PREV_PERM'],
    'Missing': ['MISSING', 'MIS_START', 'MIS_END'],
    'SWEpisodes': ['SW_ID', 'SW_DECOM', 'SW_REASON'],
}

DATE_COLUMNS = {
    'Header': ['DOB', 'MC_DOB'], 'Episodes': ['DECOM', 'DEC'], 'Reviews': ['REVIEW'], 'UASC': ['DUC', 'DOB'],
    'OC2': ['DOB'], 'OC3': ['DOB'], 'AD1': ['DATE_INT', 'DATE_MATCH', 'DOB'],
    'PlacedAdoption': ['DATE_PLACED', 'DATE_PLACED_CEASED'], 'PrevPerm': ['DATE_PERM'],
    'Missing': ['MIS_START', 'MIS_END'], 'SWEpisodes': ['SW_DECOM', 'SW_DEC'],
}
# the date that ends a row's span, and the one that starts it
SPANS = {
    'Episodes': ('DECOM', 'DEC'), 'AD1': ('DATE_INT', 'DATE_MATCH'),
    'PlacedAdoption': ('DATE_PLACED', 'DATE_PLACED_CEASED'), 'Missing': ('MIS_START', 'MIS_END'),
    'SWEpisodes': ('SW_DECOM', 'SW_DEC'),
}
# dates that can be moved past the year's end
YEAR_DATES = {
    'Episodes': ['DECOM', 'DEC'], 'Reviews': ['REVIEW'], 'Missing': ['MIS_START', 'MIS_END'],
    'Header': ['DOB'], 'AD1': ['DATE_MATCH'], 'PlacedAdoption': ['DATE_PLACED'], 'PrevPerm': ['DATE_PERM'],
    'SWEpisodes': ['SW_DECOM', 'SW_DEC'], 'UASC': ['DOB'],
}
# dates that can be moved before the child's date of birth
AFTER_BIRTH = {
    'Episodes': ['DECOM'], 'Reviews': ['REVIEW'], 'Missing': ['MIS_START'], 'AD1': ['DATE_INT'],
    'PlacedAdoption': ['DATE_PLACED'], 'PrevPerm': ['DATE_PERM'], 'UASC': ['DUC'], 'Header': ['MC_DOB'],
    'SWEpisodes': ['SW_DECOM'],
}


# --pandas-safe: columns whose value must stay a readable date (a child whose dates there are all
# unreadable makes groupby(...).idxmin() raise in the pandas validator), and tables whose rows
# must stay unique (a duplicate or blank CHILD in the Header makes the merges of 203/204/207/208
# raise).
SAFE_DATES = {('Episodes', 'DECOM'), ('Missing', 'MIS_START'), ('PlacedAdoption', 'DATE_PLACED')}
SAFE_UNIQUE = {'Header'}


class Mutator:
    safe = False

    def __init__(self, rng, tables, year_end):
        self.rng = rng
        self.t = tables
        self.end = year_end
        self.start = dt.date(year_end.year - 1, 4, 1)
        self.dob = {}
        self.sex = {}
        if 'Header' in tables:
            h = tables['Header']
            for r in range(len(h.rows)):
                self.dob[h.get(r, 'CHILD')] = pdate(h.get(r, 'DOB'))
                self.sex[h.get(r, 'CHILD')] = h.get(r, 'SEX')
        self.first_decom = {}
        self.episodes = {}
        if 'Episodes' in tables:
            e = tables['Episodes']
            for r in range(len(e.rows)):
                c = e.get(r, 'CHILD')
                d = pdate(e.get(r, 'DECOM'))
                self.episodes.setdefault(c, []).append(r)
                if d and (c not in self.first_decom or d < self.first_decom[c]):
                    self.first_decom[c] = d
        self.touched = {}  # (table, row) -> set of columns already changed

    def change(self, name, r, col, new):
        t = self.t[name]
        old = t.get(r, col)
        if old == new:
            return None
        if self.safe and (name, col) in SAFE_DATES and not pdate(new):
            return None
        if self.safe and name in SAFE_UNIQUE and col == 'CHILD':
            return None
        t.set(r, col, new)
        self.touched.setdefault((name, r), set()).add(col)
        return [(r, col, old, new)]

    # --- the mutations
    def blank_required(self, name, t, r):
        cols = [c for c in REQUIRED.get(name, []) if t.get(r, c) != '']
        if not cols:
            return None
        return self.change(name, r, self.rng.choice(cols), '')

    def invalid_code(self, name, t, r):
        cols = [c for (tn, c) in INVALID_CODES if tn == name]
        if not cols:
            return None
        c = self.rng.choice(cols)
        return self.change(name, r, c, self.rng.choice(INVALID_CODES[(name, c)]))

    def lowercase_code(self, name, t, r):
        cols = [c for (tn, c) in INVALID_CODES if tn == name and any(ch.isalpha() for ch in t.get(r, c))]
        if not cols:
            return None
        c = self.rng.choice(cols)
        return self.change(name, r, c, t.get(r, c).lower())

    def padded_code(self, name, t, r):
        cols = [c for (tn, c) in INVALID_CODES if tn == name and t.get(r, c) != '']
        if not cols:
            return None
        c = self.rng.choice(cols)
        return self.change(name, r, c, self.rng.choice([' ', '', '  ']) + t.get(r, c) + self.rng.choice([' ', '']))

    def bad_date_format(self, name, t, r):
        cols = [c for c in DATE_COLUMNS.get(name, []) if pdate(t.get(r, c))]
        if not cols:
            return None
        c = self.rng.choice(cols)
        return self.change(name, r, c, self.rng.choice(BAD_FORMATS)(pdate(t.get(r, c))))

    def impossible_date(self, name, t, r):
        cols = [c for c in DATE_COLUMNS.get(name, []) if pdate(t.get(r, c))]
        if not cols:
            return None
        c = self.rng.choice(cols)
        return self.change(name, r, c, self.rng.choice(IMPOSSIBLE).format(y=pdate(t.get(r, c)).year))

    def past_year_end(self, name, t, r):
        cols = [c for c in YEAR_DATES.get(name, []) if pdate(t.get(r, c))]
        if not cols:
            return None
        c = self.rng.choice(cols)
        return self.change(name, r, c, fdate(self.end + dt.timedelta(days=self.rng.randint(1, 200))))

    def before_birth(self, name, t, r):
        child = t.get(r, 'CHILD')
        dob = self.dob.get(child)
        if 'DOB' in t.col and pdate(t.get(r, 'DOB')):
            dob = pdate(t.get(r, 'DOB'))
        cols = [c for c in AFTER_BIRTH.get(name, []) if pdate(t.get(r, c))]
        if not dob or not cols:
            return None
        c = self.rng.choice(cols)
        return self.change(name, r, c, fdate(dob - dt.timedelta(days=self.rng.randint(1, 400))))

    def end_before_start(self, name, t, r):
        if name not in SPANS:
            return None
        a, b = SPANS[name]
        s = pdate(t.get(r, a))
        if not s:
            return None
        return self.change(name, r, b, fdate(s - dt.timedelta(days=self.rng.randint(1, 60))))

    def dob_mismatch(self, name, t, r):
        """a table's DOB differing from the Header's"""
        if name == 'Header' or 'DOB' not in t.col:
            return None
        d = pdate(t.get(r, 'DOB'))
        if not d:
            return None
        return self.change(name, r, 'DOB', fdate(d + dt.timedelta(days=self.rng.choice([1, -1, 31, 365]))))

    def duplicate_row(self, name, t, r):
        if self.safe and name in SAFE_UNIQUE:
            return None
        t.dups[r] = t.dups.get(r, 0) + 1
        return [(r, '*', '', 'duplicated')]

    def unknown_child(self, name, t, r):
        if name == 'Header':
            return None
        return self.change(name, r, 'CHILD', 'X' + t.get(r, 'CHILD')[1:] + 'Z')

    # Header
    def mother_on_boy(self, name, t, r):
        if name != 'Header' or t.get(r, 'SEX') != 'M':
            return None
        d = pdate(t.get(r, 'DOB'))
        out = self.change(name, r, 'MOTHER', '1') or []
        if d and self.rng.random() < 0.7:
            out += self.change(name, r, 'MC_DOB', fdate(d + dt.timedelta(days=365 * 15 + self.rng.randint(0, 900)))) or []
        return out or None

    def mother_without_mc_dob(self, name, t, r):
        if name != 'Header' or t.get(r, 'SEX') != 'F':
            return None
        return self.change(name, r, 'MOTHER', '1')

    def mc_dob_not_mother(self, name, t, r):
        if name != 'Header' or t.get(r, 'SEX') != 'F' or t.get(r, 'MOTHER') == '1':
            return None
        d = pdate(t.get(r, 'DOB'))
        if not d:
            return None
        return self.change(name, r, 'MC_DOB', fdate(d + dt.timedelta(days=365 * 16 + self.rng.randint(0, 900))))

    def young_mother(self, name, t, r):
        if name != 'Header' or t.get(r, 'SEX') != 'F':
            return None
        d = pdate(t.get(r, 'DOB'))
        if not d or (self.start - d).days > 365 * 11:
            return None
        out = self.change(name, r, 'MOTHER', '1') or []
        out += self.change(name, r, 'MC_DOB', fdate(min(self.end, d + dt.timedelta(days=365 * 9)))) or []
        return out

    def upn_invalid(self, name, t, r):
        if name != 'Header':
            return None
        u = t.get(r, 'UPN')
        return self.change(name, r, 'UPN', self.rng.choice([u[:-1], u + '1', 'UN9', 'X' + u[1:], u.lower()]))

    # Episodes
    def overlap(self, name, t, r):
        """this episode's DEC moved past the next episode's DECOM (the next one overlaps it)"""
        if name != 'Episodes':
            return None
        child = t.get(r, 'CHILD')
        rows = sorted((pdate(t.get(x, 'DECOM')) or dt.date.min, x) for x in self.episodes.get(child, []))
        pos = [x for _, x in rows].index(r)
        if pos + 1 >= len(rows):
            return None
        nxt = rows[pos + 1][1]
        nd = pdate(t.get(nxt, 'DECOM'))
        ndec = pdate(t.get(nxt, 'DEC'))
        if not nd or not pdate(t.get(r, 'DEC')):
            return None
        shift = self.rng.randint(1, 30)
        if ndec and (ndec - nd).days > 1:
            shift = min(shift, (ndec - nd).days - 1)
        return self.change(name, r, 'DEC', fdate(nd + dt.timedelta(days=shift)))

    def gap(self, name, t, r):
        """the next episode starts some days after this one ended"""
        if name != 'Episodes':
            return None
        child = t.get(r, 'CHILD')
        rows = sorted((pdate(t.get(x, 'DECOM')) or dt.date.min, x) for x in self.episodes.get(child, []))
        pos = [x for _, x in rows].index(r)
        if pos + 1 >= len(rows) or not pdate(t.get(r, 'DEC')):
            return None
        dec = pdate(t.get(r, 'DEC'))
        if (dec - rows[pos][0]).days < 5:
            return None
        return self.change(name, r, 'DEC', fdate(dec - dt.timedelta(days=self.rng.randint(1, 3))))

    def dec_without_rec(self, name, t, r):
        if name != 'Episodes':
            return None
        if t.get(r, 'DEC') and t.get(r, 'REC'):
            return self.change(name, r, self.rng.choice(['DEC', 'REC']), '')
        if not t.get(r, 'DEC') and not t.get(r, 'REC'):
            return self.change(name, r, 'REC', self.rng.choice(['E11', 'X1', 'E4A']))
        return None

    def same_day_episode(self, name, t, r):
        if name not in ('Episodes', 'SWEpisodes'):
            return None
        a, b = SPANS[name]
        if not t.get(r, b) or not pdate(t.get(r, a)):
            return None
        return self.change(name, r, b, t.get(r, a))

    def decom_before_1991(self, name, t, r):
        if name != 'Episodes':
            return None
        return self.change(name, r, 'DECOM', fdate(dt.date(1990, 1, 1) + dt.timedelta(days=self.rng.randint(0, 600))))

    def place_ls_mismatch(self, name, t, r):
        """combinations the DfE rules forbid: placed for adoption under V2, P1 with PR0, etc."""
        if name != 'Episodes':
            return None
        c, v = self.rng.choice([('PLACE', 'A5'), ('PLACE', 'A3'), ('LS', 'V3'), ('LS', 'E1'), ('PLACE', 'Z1'),
                                ('PLACE_PROVIDER', 'PR0'), ('LS', 'L1'), ('PLACE', 'T0'), ('RNE', 'S'),
                                ('CIN', 'N8'), ('PLACE', 'R1'), ('PLACE', 'K1')])
        return self.change(name, r, c, v)

    # Reviews
    def review_before_episode(self, name, t, r):
        if name != 'Reviews':
            return None
        first = self.first_decom.get(t.get(r, 'CHILD'))
        if not first:
            return None
        return self.change(name, r, 'REVIEW', fdate(first - dt.timedelta(days=self.rng.randint(1, 120))))

    # OC2
    def substance_contradiction(self, name, t, r):
        if name != 'OC2':
            return None
        if t.get(r, 'SUBSTANCE_MISUSE') == '1':
            return self.change(name, r, 'INTERVENTION_RECEIVED', '')
        out = self.change(name, r, 'INTERVENTION_RECEIVED', self.rng.choice(['0', '1']))
        return out

    def sdq_both(self, name, t, r):
        if name != 'OC2':
            return None
        if t.get(r, 'SDQ_SCORE'):
            return self.change(name, r, 'SDQ_REASON', self.rng.choice(['SDQ1', 'SDQ2', 'SDQ4']))
        out = self.change(name, r, 'SDQ_SCORE', str(self.rng.randint(0, 40)))
        return out

    # OC3
    def oc3_contradiction(self, name, t, r):
        if name != 'OC3':
            return None
        if t.get(r, 'IN_TOUCH') in ('NO', 'DIED', 'REFU', 'NREQ', 'RHOM'):
            return self.change(name, r, 'ACTIV', self.rng.choice(['F1', 'G5']))
        return self.change(name, r, 'IN_TOUCH', self.rng.choice(['NO', 'DIED']))

    # AD1
    def adopter_contradiction(self, name, t, r):
        if name != 'AD1':
            return None
        if t.get(r, 'NB_ADOPTR') == '1':
            return self.change(name, r, 'SEX_ADOPTR', self.rng.choice(['MF', 'FF']))
        return self.change(name, r, 'SEX_ADOPTR', self.rng.choice(['M1', 'F1']))

    # PlacedAdoption
    def ceased_without_reason(self, name, t, r):
        if name != 'PlacedAdoption':
            return None
        d = pdate(t.get(r, 'DATE_PLACED'))
        if t.get(r, 'DATE_PLACED_CEASED') or not d:
            return None
        if self.rng.random() < 0.5:
            return self.change(name, r, 'REASON_PLACED_CEASED', self.rng.choice(['RD1', 'RD4']))
        return self.change(name, r, 'DATE_PLACED_CEASED', fdate(min(self.end, d + dt.timedelta(days=200))))

    # PrevPerm
    def perm_date(self, name, t, r):
        if name != 'PrevPerm':
            return None
        if t.get(r, 'PREV_PERM') == 'Z1':
            return self.change(name, r, 'DATE_PERM', self.rng.choice(['01/06/2015', '12/2012', 'zz/03/2014']))
        return self.change(name, r, 'DATE_PERM', self.rng.choice(['', '2012', '00/00/2014', 'zz/zz/2014']))

    # Missing
    def missing_open(self, name, t, r):
        if name != 'Missing':
            return None
        return self.change(name, r, 'MIS_END', '')

    # SWEpisodes
    def sw_reason_blank(self, name, t, r):
        if name != 'SWEpisodes':
            return None
        return self.change(name, r, 'SW_ID', self.rng.choice(['', 'SW', 'SW12345678901234']))


GENERIC = [
    ('blank_required', 6), ('invalid_code', 6), ('lowercase_code', 1), ('padded_code', 1),
    ('bad_date_format', 3), ('impossible_date', 3), ('past_year_end', 3), ('before_birth', 3),
    ('end_before_start', 3), ('dob_mismatch', 1), ('duplicate_row', 2), ('unknown_child', 1),
]
SPECIFIC = {
    'Header': [('mother_on_boy', 4), ('mother_without_mc_dob', 3), ('mc_dob_not_mother', 2), ('young_mother', 1),
               ('upn_invalid', 2)],
    'Episodes': [('overlap', 5), ('gap', 2), ('dec_without_rec', 3), ('same_day_episode', 1),
                 ('decom_before_1991', 1), ('place_ls_mismatch', 6)],
    'Reviews': [('review_before_episode', 6)],
    'OC2': [('substance_contradiction', 3), ('sdq_both', 3)],
    'OC3': [('oc3_contradiction', 4)],
    'AD1': [('adopter_contradiction', 3)],
    'PlacedAdoption': [('ceased_without_reason', 4)],
    'PrevPerm': [('perm_date', 4)],
    'Missing': [('missing_open', 2)],
    'SWEpisodes': [('sw_reason_blank', 2)],
}


def mutate_folder(src, dst, rng, rate, year_end, label, log):
    os.makedirs(dst, exist_ok=True)
    tables = {}
    for f in sorted(os.listdir(src)):
        p = os.path.join(src, f)
        if os.path.isfile(p):
            if f in FILES:
                tables[FILES[f]] = Table(p)
            else:
                shutil.copy2(p, os.path.join(dst, f))
    m = Mutator(rng, tables, year_end)
    done = []
    for name in sorted(tables):
        t = tables[name]
        menu = GENERIC + SPECIFIC.get(name, [])
        kinds = [k for k, _ in menu]
        weights = [w for _, w in menu]
        for r in range(len(t.rows)):
            if rng.random() >= rate:
                continue
            if (name, r) in m.touched:
                continue
            for _attempt in range(6):
                kind = rng.choices(kinds, weights)[0]
                changes = getattr(m, kind)(name, t, r)
                if changes:
                    for (row, col, old, new) in changes:
                        done.append((name, row, t.get(row, 'CHILD'), kind, col, old, new))
                    break
    inv = {v: k for k, v in FILES.items()}
    for name, t in tables.items():
        t.write(os.path.join(dst, inv[name]))
    for name, row, child, kind, col, old, new in done:
        idx = tables[name].final_index(row) + (1 if col == '*' else 0)  # a duplicate: the copy's row
        log.append((label, inv[name], idx, child, kind, col, old, new))
    return len(done)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('src')
    ap.add_argument('dst')
    ap.add_argument('--seed', type=int, default=903)
    ap.add_argument('--rate', type=float, default=0.03, help='share of rows mutated (default %(default)s)')
    ap.add_argument('--year', type=int, default=2026, help='collection year end of SRC (default %(default)s)')
    ap.add_argument('--pandas-safe', action='store_true',
                    help='leave out the faults that make rules of the pandas validator raise (no Header row '
                         'duplicated, no DECOM/MIS_START/DATE_PLACED made blank or unreadable), so that '
                         'those rules can be compared too')
    args = ap.parse_args(argv)
    if os.path.exists(args.dst):
        shutil.rmtree(args.dst)
    rng = random.Random(args.seed)
    Mutator.safe = args.pandas_safe
    log = []
    n = mutate_folder(args.src, args.dst, rng, args.rate, dt.date(args.year, 3, 31), '.', log)
    prev = os.path.join(args.src, 'previous')
    if os.path.isdir(prev):
        n += mutate_folder(prev, os.path.join(args.dst, 'previous'), rng, args.rate,
                           dt.date(args.year - 1, 3, 31), 'previous', log)
    man = args.dst.rstrip('/') + '.mutations.tsv'
    with open(man, 'w') as fh:
        fh.write('folder\tfile\trow\tchild\tkind\tcolumn\told\tnew\n')
        for rec in log:
            fh.write('\t'.join(str(x) for x in rec) + '\n')
    print(f'mutate903: {n} changes (seed {args.seed}, rate {args.rate}) -> {args.dst}; manifest {man}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
