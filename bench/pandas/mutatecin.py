#!/usr/bin/python3
"""
mutatecin.py -- copy a CIN census XML and inject realistic errors, reproducibly.

    /usr/bin/python3 mutatecin.py IN.xml OUT.xml [--seed 2026] [--rate 0.15]

It is the CIN counterpart of mutate903.py. It makes the faulty files on which comparecin.py
compares Hearth with a third-party validator that is NOT part of Hearth and is not in this
repository: the pandas CIN census validator `cin_validator` of
data-to-insight/csc-validator-be-cin (MIT licence), ruleset cin2024_25; README.md says how to get
it. mutatecin.py itself uses only the standard library and runs neither tool.

Each <Child> is picked with probability --rate and given one fault that fits what the child
has: a family of faults is drawn first among those the child has modules for (identifiers,
characteristics, CIN details, and assessments / CIN plans / section 47 / protection plans when
it has one), then a fault of that family (a fault that does not apply, e.g. "CPP end before
start" for a child with no plan, is passed over for another). Some faults add a copy of a child
(duplicate child) or of a module (overlapping plans, a second open assessment). The file stays
well-formed and every element that is added goes where the schema's sequence puts it, so that
both Hearth (pugixml, element names checked) and cin_validator (ElementTree .find) read it. The
sequences are those of Hearth's schema, src/hearth/returns/cin_census.xsd, copied into ORDER
below: the script does not read the schema, so it needs no path to it.

OUT is replaced if it exists. The manifest OUT.mutations.tsv (OUT less its extension, in OUT's
folder) lists each change: LAchildID, fault, what was changed, and the rules the fault is meant
to trip (a guide for reading the comparison, not a test oracle). The same input, seed and rate
give the same output, byte for byte.

The comparison made for Hearth used Hearth's small synthetic CIN export for 2025-26 with
--seed 2026 --rate 0.2 (m_small.xml) and --seed 7 --rate 0.25 (m2_small.xml); comparecin.py
--run makes both.
"""
import argparse
import copy
import datetime as dt
import random
import xml.etree.ElementTree as ET

REF = dt.date(2026, 3, 31)  # overwritten from the Header's ReferenceDate
START = dt.date(2025, 4, 1)

# Child elements in the order of their parent's xs:sequence in Hearth's
# src/hearth/returns/cin_census.xsd (childidentifierstype, childcharacteristicstype,
# cindetailstype, assessmentstype, cinplandatestype, section47type, childprotectionplanstype).
ORDER = {
    "ChildIdentifiers": ["LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate",
                         "ExpectedPersonBirthDate", "Sex", "PersonDeathDate"],
    "ChildCharacteristics": ["Ethnicity", "Disabilities"],
    "CINdetails": ["CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate",
                   "ReasonForClosure", "DateOfInitialCPC", "Assessments", "CINPlanDates",
                   "Section47", "ReferralNFA", "ChildProtectionPlans"],
    "Assessments": ["AssessmentActualStartDate", "AssessmentInternalReviewDate",
                    "AssessmentAuthorisationDate", "FactorsIdentifiedAtAssessment"],
    "CINPlanDates": ["CINPlanStartDate", "CINPlanEndDate"],
    "Section47": ["S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"],
    "ChildProtectionPlans": ["CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse",
                             "LatestCategoryOfAbuse", "NumberOfPreviousCPP", "Reviews"],
}


# ----------------------------------------------------------------------------- helpers
def d(text):
    try:
        return dt.date.fromisoformat((text or "").strip())
    except ValueError:
        return None


def iso(date):
    return date.isoformat()


def get(el, name):
    x = el.find(name)
    return None if x is None else (x.text or "").strip()


def put(parent, name, text):
    """Set parent/name's text, adding the element at its schema position if missing."""
    x = parent.find(name)
    if x is None:
        order = ORDER[parent.tag]
        pos = 0
        for i, child in enumerate(list(parent)):
            if child.tag in order and order.index(child.tag) < order.index(name):
                pos = i + 1
        x = ET.Element(name)
        parent.insert(pos, x)
    x.text = text
    return x


def drop(parent, name):
    x = parent.find(name)
    if x is not None:
        parent.remove(x)


def insert_module(details, module):
    """Insert a module element (Assessments, CINPlanDates, Section47, ChildProtectionPlans)
    after the last one of its kind, or where the schema puts the first one."""
    order = ORDER["CINdetails"]
    pos = 0
    for i, child in enumerate(list(details)):
        if child.tag in order and order.index(child.tag) <= order.index(module.tag):
            pos = i + 1
    details.insert(pos, module)


def weekend_after(date):
    while date.weekday() < 5:
        date += dt.timedelta(days=1)
    return date


def new_factors(assessment, codes):
    f = assessment.find("FactorsIdentifiedAtAssessment")
    if f is None:
        f = ET.Element("FactorsIdentifiedAtAssessment")
        assessment.append(f)  # last in the sequence
    for c in codes:
        ET.SubElement(f, "AssessmentFactors").text = c
    return f


# ----------------------------------------------------------------------------- faults
# Each fault: (name, rules it aims at, function(rng, child, ctx) -> description or None).
FAULTS = []


def fault(name, rules, family):
    def wrap(fn):
        FAULTS.append((name, rules, family, fn))
        return fn
    return wrap


def ids(child):
    return child.find("ChildIdentifiers")


def chars(child):
    return child.find("ChildCharacteristics")


def episodes(child):
    return child.findall("CINdetails")


def all_of(child, path):
    return [x for e in episodes(child) for x in e.findall(path)]


def pick(rng, items):
    return rng.choice(items) if items else None


# --- child identifiers
@fault("upn_check_letter", "1510", "ids")
def _(rng, child, ctx):
    u = get(ids(child), "UPN")
    if not u or len(u) != 13:
        return None
    letters = [ch for ch in "ABCDEFGHJKLMNPQRTUVWXYZ" if ch != u[0]]
    new = rng.choice(letters) + u[1:]
    put(ids(child), "UPN", new)
    return f"UPN {u} -> {new}"


@fault("upn_la_code", "1530", "ids")
def _(rng, child, ctx):
    u = get(ids(child), "UPN")
    if not u or len(u) != 13:
        return None
    new = u[0] + "999" + u[4:]
    put(ids(child), "UPN", new)
    return f"UPN {u} -> {new}"


@fault("upn_nonnumeric", "1540", "ids")
def _(rng, child, ctx):
    u = get(ids(child), "UPN")
    if not u or len(u) != 13:
        return None
    new = u[:6] + "AB" + u[8:]
    put(ids(child), "UPN", new)
    return f"UPN {u} -> {new}"


@fault("upn_duplicate", "1520", "ids")
def _(rng, child, ctx):
    u = get(ids(child), "UPN")
    other = ctx["upns"][rng.randrange(len(ctx["upns"]))]
    if not u or other == u:
        return None
    put(ids(child), "UPN", other)
    return f"UPN {u} -> {other} (another child's)"


@fault("upn_missing_school_age", "8770Q", "ids")
def _(rng, child, ctx):
    born = d(get(ids(child), "PersonBirthDate"))
    if not born or born > dt.date(REF.year - 6, 8, 31) or not get(ids(child), "UPN"):
        return None
    if not any(get(e, "ReferralNFA") in ("false", "0") for e in episodes(child)):
        return None
    drop(ids(child), "UPN")
    return "UPN removed, no UPNunknown (school age)"


@fault("upn_unknown_un7_further_action", "8772", "ids")
def _(rng, child, ctx):
    if not any(get(e, "ReferralNFA") in ("false", "0") for e in episodes(child)):
        return None
    drop(ids(child), "UPN")
    put(ids(child), "UPNunknown", "UN7")
    return "UPN removed, UPNunknown UN7 while a referral goes on to further action"


@fault("former_upn_malformed", "1560Q", "ids")
def _(rng, child, ctx):
    put(ids(child), "FormerUPN", "A12345")
    return "FormerUPN A12345"


@fault("lachildid_blank", "8500", "ids")
def _(rng, child, ctx):
    old = get(ids(child), "LAchildID")
    put(ids(child), "LAchildID", "")
    return f"LAchildID {old} -> blank"


@fault("lachildid_bad", "1570 1580", "ids")
def _(rng, child, ctx):
    old = get(ids(child), "LAchildID")
    new = rng.choice([old + "-X", old + "/01", old + "ABCDEFGHIJKLMNOPQRS"])
    put(ids(child), "LAchildID", new)
    return f"LAchildID {old} -> {new}"


@fault("duplicate_child", "8510 1520", "ids")
def _(rng, child, ctx):
    ctx["duplicate"].append(child)
    return "whole <Child> repeated after itself"


@fault("birth_after_reference", "8520", "ids")
def _(rng, child, ctx):
    if not get(ids(child), "PersonBirthDate"):
        return None
    new = iso(REF + dt.timedelta(days=rng.randint(1, 60)))
    put(ids(child), "PersonBirthDate", new)
    return f"PersonBirthDate -> {new}"


@fault("birth_and_expected", "8525Q", "ids")
def _(rng, child, ctx):
    if not get(ids(child), "PersonBirthDate") or get(ids(child), "ExpectedPersonBirthDate"):
        return None
    put(ids(child), "ExpectedPersonBirthDate", iso(REF + dt.timedelta(days=40)))
    return "ExpectedPersonBirthDate added beside PersonBirthDate"


@fault("no_birth_date", "8525Q", "ids")
def _(rng, child, ctx):
    if not get(ids(child), "PersonBirthDate") or get(ids(child), "ExpectedPersonBirthDate"):
        return None
    drop(ids(child), "PersonBirthDate")
    return "PersonBirthDate removed (neither date)"


@fault("unborn_sex_m", "8750 8530Q", "ids")
def _(rng, child, ctx):
    born = get(ids(child), "PersonBirthDate")
    if not born:
        return None
    drop(ids(child), "PersonBirthDate")
    due = iso(REF + dt.timedelta(days=rng.choice([20, 300])))
    put(ids(child), "ExpectedPersonBirthDate", due)
    return f"PersonBirthDate {born} -> ExpectedPersonBirthDate {due}, Sex kept"


@fault("sex_invalid", "4180", "ids")
def _(rng, child, ctx):
    new = rng.choice(["", "X", "1"])
    put(ids(child), "Sex", new)
    return f"Sex -> '{new}'"


@fault("death_before_birth", "8535Q 8545Q", "ids")
def _(rng, child, ctx):
    born = d(get(ids(child), "PersonBirthDate"))
    if not born:
        return None
    new = iso(born - dt.timedelta(days=10))
    put(ids(child), "PersonDeathDate", new)
    return f"PersonDeathDate {new} before birth"


@fault("death_before_referral", "8555Q 8545Q 4008 8915 4009Q 8920", "ids")
def _(rng, child, ctx):
    refs = [d(get(e, "CINreferralDate")) for e in episodes(child)]
    refs = [r for r in refs if r and r >= START + dt.timedelta(days=30)]
    if not refs:
        return None
    new = iso(max(refs) - dt.timedelta(days=5))
    put(ids(child), "PersonDeathDate", new)
    return f"PersonDeathDate {new}, before a referral"


@fault("rc2_no_death", "8585Q", "ids")
def _(rng, child, ctx):
    closed = [e for e in episodes(child) if get(e, "CINclosureDate")]
    if not closed or get(ids(child), "PersonDeathDate"):
        return None
    e = pick(rng, closed)
    put(e, "ReasonForClosure", "RC2")
    return "ReasonForClosure -> RC2 (died), no PersonDeathDate"


# --- characteristics
@fault("ethnicity_invalid", "4220", "chars")
def _(rng, child, ctx):
    new = rng.choice(["", "XXXX", "WBR", "wbri", "WHITE"])
    old = get(chars(child), "Ethnicity")
    put(chars(child), "Ethnicity", new)
    return f"Ethnicity {old} -> '{new}'"


@fault("disability_invalid", "8540", "chars")
def _(rng, child, ctx):
    dis = chars(child).find("Disabilities")
    if dis is None or not len(dis):
        return None
    x = dis[0]
    old = x.text
    x.text = rng.choice(["", "DEAF", "ADHD", "none"])
    return f"Disability {old} -> '{x.text}'"


@fault("disability_none_and_other", "8790", "chars")
def _(rng, child, ctx):
    dis = chars(child).find("Disabilities")
    if dis is None:
        return None
    codes = [(x.text or "") for x in dis]
    add = "MOB" if "NONE" in codes else "NONE"
    ET.SubElement(dis, "Disability").text = add
    return f"Disability {add} added to {codes}"


@fault("disability_repeated", "8794", "chars")
def _(rng, child, ctx):
    dis = chars(child).find("Disabilities")
    if dis is None or not len(dis) or dis[0].text == "NONE":
        return None
    ET.SubElement(dis, "Disability").text = dis[0].text
    return f"Disability {dis[0].text} repeated"


# --- CINdetails
@fault("referral_source_invalid", "8866", "details")
def _(rng, child, ctx):
    e = pick(rng, episodes(child))
    new = rng.choice(["", "11", "1E", "5"])
    put(e, "ReferralSource", new)
    return f"ReferralSource -> '{new}'"


@fault("primary_need_blank_further_action", "8610", "details")
def _(rng, child, ctx):
    es = [e for e in episodes(child) if get(e, "ReferralNFA") == "false"]
    if not es:
        return None
    put(pick(rng, es), "PrimaryNeedCode", "")
    return "PrimaryNeedCode -> blank (ReferralNFA false)"


@fault("primary_need_invalid", "8650", "details")
def _(rng, child, ctx):
    e = pick(rng, episodes(child))
    new = rng.choice(["N10", "NA", "n1", "1"])
    put(e, "PrimaryNeedCode", new)
    return f"PrimaryNeedCode -> {new}"


@fault("reason_for_closure_invalid", "8640", "details")
def _(rng, child, ctx):
    es = [e for e in episodes(child) if get(e, "CINclosureDate")]
    if not es:
        return None
    new = rng.choice(["RC10", "RC0", "rc7", "7"])
    put(pick(rng, es), "ReasonForClosure", new)
    return f"ReasonForClosure -> {new}"


@fault("closure_before_referral", "8630", "details")
def _(rng, child, ctx):
    es = [e for e in episodes(child) if get(e, "CINclosureDate") and d(get(e, "CINreferralDate"))]
    if not es:
        return None
    e = pick(rng, es)
    new = iso(d(get(e, "CINreferralDate")) - dt.timedelta(days=rng.randint(1, 30)))
    put(e, "CINclosureDate", new)
    return f"CINclosureDate -> {new}, before referral"


@fault("closure_after_reference", "8620", "details")
def _(rng, child, ctx):
    es = [e for e in episodes(child) if get(e, "CINclosureDate")]
    if not es:
        return None
    new = iso(REF + dt.timedelta(days=rng.randint(1, 40)))
    put(pick(rng, es), "CINclosureDate", new)
    return f"CINclosureDate -> {new}"


@fault("closure_without_reason", "8805", "details")
def _(rng, child, ctx):
    es = [e for e in episodes(child) if get(e, "CINclosureDate") and get(e, "ReasonForClosure")]
    if not es:
        return None
    drop(pick(rng, es), "ReasonForClosure")
    return "ReasonForClosure removed from a closed episode"


@fault("open_with_reason", "8810", "details")
def _(rng, child, ctx):
    es = [e for e in episodes(child) if not get(e, "CINclosureDate")]
    if not es:
        return None
    put(pick(rng, es), "ReasonForClosure", "RC7")
    return "ReasonForClosure RC7 on an open episode"


@fault("referral_after_reference", "8600", "details")
def _(rng, child, ctx):
    es = [e for e in episodes(child) if not get(e, "CINclosureDate")]
    if not es:
        return None
    new = iso(REF + dt.timedelta(days=rng.randint(1, 20)))
    put(es[-1], "CINreferralDate", new)
    return f"CINreferralDate -> {new} (open episode)"


@fault("referral_unreadable", "8600", "details")
def _(rng, child, ctx):
    e = pick(rng, episodes(child))
    new = rng.choice(["2025-02-30", "2025-13-01", "unknown"])
    put(e, "CINreferralDate", new)
    return f"CINreferralDate -> {new}"


@fault("referral_before_birth", "8606", "details")
def _(rng, child, ctx):
    born = d(get(ids(child), "PersonBirthDate"))
    if not born:
        return None
    e = episodes(child)[0]
    new = iso(born - dt.timedelta(days=400))
    put(e, "CINreferralDate", new)
    return f"CINreferralDate -> {new}, >40 weeks before birth"


@fault("nfa_with_activity", "8831 4000 8832 2991Q", "details")
def _(rng, child, ctx):
    es = [e for e in episodes(child) if e.find("Assessments") is not None]
    if not es:
        return None
    e = pick(rng, es)
    put(e, "ReferralNFA", "true")
    return "ReferralNFA -> true on an episode with assessments/plans"


@fault("nfa_invalid", "8568", "details")
def _(rng, child, ctx):
    e = pick(rng, episodes(child))
    new = rng.choice(["", "yes", "N"])
    put(e, "ReferralNFA", new)
    return f"ReferralNFA -> '{new}'"


@fault("old_referral_nfa", "8569Q", "details")
def _(rng, child, ctx):
    es = [e for e in episodes(child)
          if (d(get(e, "CINreferralDate")) or REF) < START - dt.timedelta(days=5)
          and e.find("Assessments") is None and e.find("CINPlanDates") is None
          and e.find("Section47") is None and e.find("ChildProtectionPlans") is None]
    if not es:
        return None
    put(pick(rng, es), "ReferralNFA", "true")
    return "ReferralNFA -> true on a referral before the year"


@fault("rc8_with_activity", "2990", "details")
def _(rng, child, ctx):
    es = [e for e in episodes(child) if get(e, "CINclosureDate") and
          (e.find("CINPlanDates") is not None or e.find("Section47") is not None
           or e.find("ChildProtectionPlans") is not None)]
    if not es:
        return None
    put(pick(rng, es), "ReasonForClosure", "RC8")
    return "ReasonForClosure -> RC8 on an episode with a plan or S47"


@fault("rc9_no_assessment", "8825Q", "details")
def _(rng, child, ctx):
    es = [e for e in episodes(child) if get(e, "CINclosureDate") and e.find("Assessments") is None]
    if not es:
        return None
    put(pick(rng, es), "ReasonForClosure", rng.choice(["RC8", "RC9"]))
    return "ReasonForClosure -> RC8/RC9 with no assessment"


@fault("two_open_episodes", "8815 8816 8820", "details")
def _(rng, child, ctx):
    es = episodes(child)
    if len(es) < 2 or not get(es[0], "CINclosureDate") or get(es[0], "ReferralNFA") != "false":
        return None
    drop(es[0], "CINclosureDate")
    drop(es[0], "ReasonForClosure")
    return "first episode's closure date and reason removed (second open episode)"


@fault("overlapping_episodes", "8820", "details")
def _(rng, child, ctx):
    es = episodes(child)
    for a, b in zip(es, es[1:]):
        ca, rb = d(get(a, "CINclosureDate")), d(get(b, "CINreferralDate"))
        ra = d(get(a, "CINreferralDate"))
        if ca and rb and ra and (ca - ra).days > 4:
            new = iso(ca - dt.timedelta(days=2))
            put(b, "CINreferralDate", new)
            return f"second episode's CINreferralDate -> {new}, before the first's closure {ca}"
    return None


# --- assessments
@fault("assessment_before_referral", "1103", "assess")
def _(rng, child, ctx):
    for e in episodes(child):
        r = d(get(e, "CINreferralDate"))
        a = e.find("Assessments")
        if r and a is not None:
            new = iso(r - dt.timedelta(days=rng.randint(1, 20)))
            put(a, "AssessmentActualStartDate", new)
            return f"AssessmentActualStartDate -> {new}, before referral {r}"
    return None


@fault("assessment_auth_before_start", "8608", "assess")
def _(rng, child, ctx):
    xs = [a for a in all_of(child, "Assessments") if get(a, "AssessmentAuthorisationDate")]
    a = pick(rng, xs)
    if a is None:
        return None
    s = d(get(a, "AssessmentActualStartDate"))
    if not s:
        return None
    new = iso(s - dt.timedelta(days=rng.randint(1, 10)))
    put(a, "AssessmentAuthorisationDate", new)
    return f"AssessmentAuthorisationDate -> {new}, before start {s}"


@fault("assessment_auth_after_reference", "8696 8565", "assess")
def _(rng, child, ctx):
    xs = [a for a in all_of(child, "Assessments") if get(a, "AssessmentAuthorisationDate")]
    a = pick(rng, xs)
    if a is None:
        return None
    new = iso(REF + dt.timedelta(days=rng.randint(1, 30)))
    put(a, "AssessmentAuthorisationDate", new)
    return f"AssessmentAuthorisationDate -> {new}"


@fault("assessment_auth_unreadable", "8696 8608", "assess")
def _(rng, child, ctx):
    xs = [a for a in all_of(child, "Assessments") if get(a, "AssessmentAuthorisationDate")]
    a = pick(rng, xs)
    if a is None:
        return None
    new = rng.choice(["2025-09-31", "2025-00-10"])
    put(a, "AssessmentAuthorisationDate", new)
    return f"AssessmentAuthorisationDate -> {new}"


@fault("assessment_open_old", "8670Q 8736 8614 8867", "assess")
def _(rng, child, ctx):
    es = [e for e in episodes(child) if not get(e, "CINclosureDate") and e.find("Assessments") is not None]
    if not es:
        return None
    a = es[0].findall("Assessments")[-1]
    drop(a, "AssessmentAuthorisationDate")
    drop(a, "FactorsIdentifiedAtAssessment")
    s = d(get(a, "AssessmentActualStartDate"))
    if s and s > REF - dt.timedelta(days=90):
        new = iso(REF - dt.timedelta(days=rng.randint(90, 200)))
        put(a, "AssessmentActualStartDate", new)
    return "assessment on an open episode made open (authorisation and factors removed), started long ago"


@fault("assessment_open_closed_episode", "8867 8614", "assess")
def _(rng, child, ctx):
    es = [e for e in episodes(child) if get(e, "CINclosureDate") and e.find("Assessments") is not None]
    if not es:
        return None
    a = pick(rng, es).find("Assessments")
    drop(a, "AssessmentAuthorisationDate")
    return "AssessmentAuthorisationDate removed on a closed episode (factors kept)"


@fault("factor_invalid", "8897Q", "assess")
def _(rng, child, ctx):
    xs = [a for a in all_of(child, "Assessments") if a.find("FactorsIdentifiedAtAssessment") is not None
          and (d(get(a, "AssessmentAuthorisationDate")) or START) >= START]
    a = pick(rng, xs)
    if a is None:
        return None
    f = a.find("FactorsIdentifiedAtAssessment")[0]
    old = f.text
    f.text = rng.choice(["99", "25A", "", "1D"])
    return f"AssessmentFactors {old} -> '{f.text}'"


@fault("factor_missing", "8897Q", "assess")
def _(rng, child, ctx):
    xs = [a for a in all_of(child, "Assessments") if a.find("FactorsIdentifiedAtAssessment") is not None
          and (d(get(a, "AssessmentAuthorisationDate")) or START) >= START
          and get(a, "AssessmentAuthorisationDate")]
    a = pick(rng, xs)
    if a is None:
        return None
    drop(a, "FactorsIdentifiedAtAssessment")
    return "FactorsIdentifiedAtAssessment removed from a completed assessment"


@fault("factor_21_with_other", "8869", "assess")
def _(rng, child, ctx):
    xs = [a for a in all_of(child, "Assessments") if a.find("FactorsIdentifiedAtAssessment") is not None]
    a = pick(rng, xs)
    if a is None:
        return None
    codes = [x.text for x in a.find("FactorsIdentifiedAtAssessment")]
    if "21" in codes:
        new_factors(a, ["4B"])
    else:
        new_factors(a, ["21"])
    return f"factors {codes} + 21/4B"


@fault("factor_repeated", "8898", "assess")
def _(rng, child, ctx):
    xs = [a for a in all_of(child, "Assessments") if a.find("FactorsIdentifiedAtAssessment") is not None]
    a = pick(rng, xs)
    if a is None:
        return None
    first = a.find("FactorsIdentifiedAtAssessment")[0].text
    new_factors(a, [first])
    return f"factor {first} repeated"


@fault("factor_withdrawn", "8617 8945Q 8950Q", "assess")
def _(rng, child, ctx):
    xs = [a for a in all_of(child, "Assessments") if a.find("FactorsIdentifiedAtAssessment") is not None]
    a = pick(rng, xs)
    if a is None:
        return None
    f = a.find("FactorsIdentifiedAtAssessment")[0]
    old = f.text
    f.text = rng.choice(["8A", "18A", "19A"])
    return f"AssessmentFactors {old} -> {f.text}"


@fault("factor_21_only", "8873Q", "assess")
def _(rng, child, ctx):
    for e in episodes(child):
        xs = e.findall("Assessments")
        if len(xs) == 1 and get(xs[0], "AssessmentAuthorisationDate") and \
                get(e, "ReasonForClosure") not in ("RC8", "RC9"):
            drop(xs[0], "FactorsIdentifiedAtAssessment")
            new_factors(xs[0], ["21"])
            return f"factors -> 21 only (ReasonForClosure {get(e, 'ReasonForClosure')})"
    return None


@fault("disabled_no_disability_factor", "8899Q", "assess")
def _(rng, child, ctx):
    dis = chars(child).find("Disabilities")
    if dis is None or any((x.text or "") != "NONE" for x in dis):
        return None
    xs = [a for a in all_of(child, "Assessments")
          if (d(get(a, "AssessmentAuthorisationDate")) or dt.date(1900, 1, 1)) >= START]
    if not xs:
        return None
    for x in list(dis):
        dis.remove(x)
    ET.SubElement(dis, "Disability").text = "HEAR"
    for a in xs:
        f = a.find("FactorsIdentifiedAtAssessment")
        if f is not None:
            for x in list(f):
                if x.text in ("5A", "6A"):
                    f.remove(x)
            if not len(f):
                ET.SubElement(f, "AssessmentFactors").text = "20"
    return "Disability NONE -> HEAR; no 5A/6A at the year's assessments"


@fault("two_open_assessments", "8896 8863Q 8736", "assess")
def _(rng, child, ctx):
    es = [e for e in episodes(child) if not get(e, "CINclosureDate") and e.find("Assessments") is not None]
    if not es:
        return None
    e = es[0]
    a = e.find("Assessments")
    b = copy.deepcopy(a)
    drop(a, "AssessmentAuthorisationDate")
    drop(a, "FactorsIdentifiedAtAssessment")
    drop(b, "AssessmentAuthorisationDate")
    drop(b, "FactorsIdentifiedAtAssessment")
    s = d(get(a, "AssessmentActualStartDate")) or (REF - dt.timedelta(days=20))
    put(b, "AssessmentActualStartDate", iso(s + dt.timedelta(days=3)))
    insert_module(e, b)
    return "assessment made open and a second open one added 3 days later"


# --- CIN plans
@fault("plan_before_referral", "4015", "plan")
def _(rng, child, ctx):
    for e in episodes(child):
        r, p = d(get(e, "CINreferralDate")), e.find("CINPlanDates")
        if r and p is not None:
            new = iso(r - dt.timedelta(days=rng.randint(1, 30)))
            put(p, "CINPlanStartDate", new)
            return f"CINPlanStartDate -> {new}, before referral {r}"
    return None


@fault("plan_end_before_start", "4011", "plan")
def _(rng, child, ctx):
    xs = [p for p in all_of(child, "CINPlanDates") if get(p, "CINPlanEndDate") and d(get(p, "CINPlanStartDate"))]
    p = pick(rng, xs)
    if p is None:
        return None
    new = iso(d(get(p, "CINPlanStartDate")) - dt.timedelta(days=rng.randint(1, 20)))
    put(p, "CINPlanEndDate", new)
    return f"CINPlanEndDate -> {new}, before start"


@fault("plan_same_day", "4012Q", "plan")
def _(rng, child, ctx):
    xs = [p for p in all_of(child, "CINPlanDates") if get(p, "CINPlanEndDate") and
          (d(get(p, "CINPlanStartDate")) or START) >= START]
    p = pick(rng, xs)
    if p is None:
        return None
    put(p, "CINPlanEndDate", get(p, "CINPlanStartDate"))
    return "CINPlanEndDate = CINPlanStartDate"


@fault("plan_end_after_reference", "4013", "plan")
def _(rng, child, ctx):
    xs = [p for p in all_of(child, "CINPlanDates") if get(p, "CINPlanEndDate")]
    p = pick(rng, xs)
    if p is None:
        return None
    new = iso(REF + dt.timedelta(days=rng.randint(1, 30)))
    put(p, "CINPlanEndDate", new)
    return f"CINPlanEndDate -> {new}"


@fault("plan_start_missing", "4010", "plan")
def _(rng, child, ctx):
    p = pick(rng, all_of(child, "CINPlanDates"))
    if p is None:
        return None
    new = rng.choice(["", iso(REF + dt.timedelta(days=10))])
    put(p, "CINPlanStartDate", new)
    return f"CINPlanStartDate -> '{new}'"


@fault("overlapping_plans", "4014 4004", "plan")
def _(rng, child, ctx):
    for e in episodes(child):
        p = e.find("CINPlanDates")
        s = d(get(p, "CINPlanStartDate")) if p is not None else None
        if s:
            q = copy.deepcopy(p)
            put(q, "CINPlanStartDate", iso(s + dt.timedelta(days=2)))
            insert_module(e, q)
            return "CIN plan repeated, starting 2 days later (overlap)"
    return None


@fault("cin_plan_with_open_cpp", "4001 4016 4017", "plan")
def _(rng, child, ctx):
    for e in episodes(child):
        c = e.find("ChildProtectionPlans")
        if c is not None and e.find("CINPlanDates") is None and not get(e, "CINclosureDate"):
            s = d(get(c, "CPPstartDate"))
            if not s:
                continue
            drop(c, "CPPendDate")
            p = ET.Element("CINPlanDates")
            ET.SubElement(p, "CINPlanStartDate").text = iso(s + dt.timedelta(days=7))
            insert_module(e, p)
            return "open CIN plan added during an open CPP"
    return None


# --- section 47
@fault("s47_after_icpc", "8615", "s47")
def _(rng, child, ctx):
    xs = [s for s in all_of(child, "Section47") if d(get(s, "DateOfInitialCPC"))]
    s = pick(rng, xs)
    if s is None:
        return None
    new = iso(d(get(s, "DateOfInitialCPC")) + dt.timedelta(days=rng.randint(1, 10)))
    put(s, "S47ActualStartDate", new)
    return f"S47ActualStartDate -> {new}, after ICPC"


@fault("s47_before_referral", "2889 1103", "s47")
def _(rng, child, ctx):
    for e in episodes(child):
        r, s = d(get(e, "CINreferralDate")), e.find("Section47")
        if r and s is not None:
            new = iso(r - dt.timedelta(days=rng.randint(1, 20)))
            put(s, "S47ActualStartDate", new)
            return f"S47ActualStartDate -> {new}, before referral"
    return None


@fault("icpc_before_referral", "1104 8615", "s47")
def _(rng, child, ctx):
    for e in episodes(child):
        r, s = d(get(e, "CINreferralDate")), e.find("Section47")
        if r and s is not None and get(s, "DateOfInitialCPC"):
            new = iso(r - dt.timedelta(days=3))
            put(s, "DateOfInitialCPC", new)
            return f"Section47 DateOfInitialCPC -> {new}, before referral"
    return None


@fault("icpc_weekend", "8875 2885", "s47")
def _(rng, child, ctx):
    xs = [s for s in all_of(child, "Section47") if d(get(s, "DateOfInitialCPC"))]
    s = pick(rng, xs)
    if s is None:
        return None
    new = iso(weekend_after(d(get(s, "DateOfInitialCPC"))))
    put(s, "DateOfInitialCPC", new)
    return f"DateOfInitialCPC -> {new} (weekend)"


@fault("icpc_target_weekend", "8870Q", "s47")
def _(rng, child, ctx):
    xs = [s for s in all_of(child, "Section47") if d(get(s, "InitialCPCtarget"))]
    s = pick(rng, xs)
    if s is None:
        return None
    new = iso(weekend_after(d(get(s, "InitialCPCtarget"))))
    put(s, "InitialCPCtarget", new)
    return f"InitialCPCtarget -> {new} (weekend)"


@fault("icpc_after_reference", "8715", "s47")
def _(rng, child, ctx):
    xs = [s for s in all_of(child, "Section47") if d(get(s, "DateOfInitialCPC"))]
    s = pick(rng, xs)
    if s is None:
        return None
    new = iso(REF + dt.timedelta(days=rng.randint(1, 30)))
    put(s, "DateOfInitialCPC", new)
    return f"DateOfInitialCPC -> {new}"


@fault("s47_open_old", "8675Q 8740", "s47")
def _(rng, child, ctx):
    xs = [s for e in episodes(child) if not get(e, "CINclosureDate") for s in e.findall("Section47")]
    s = pick(rng, xs)
    if s is None:
        return None
    drop(s, "DateOfInitialCPC")
    put(s, "ICPCnotRequired", "false")
    new = iso(START - dt.timedelta(days=rng.randint(5, 60)))
    put(s, "S47ActualStartDate", new)
    return f"S47 open (no ICPC, ICPCnotRequired false), S47ActualStartDate -> {new}"


@fault("two_open_s47", "8839 8890", "s47")
def _(rng, child, ctx):
    for e in episodes(child):
        s = e.find("Section47")
        st = d(get(s, "S47ActualStartDate")) if s is not None else None
        if st and not get(e, "CINclosureDate"):
            drop(s, "DateOfInitialCPC")
            put(s, "ICPCnotRequired", "false")
            t = copy.deepcopy(s)
            put(t, "S47ActualStartDate", iso(st + dt.timedelta(days=2)))
            drop(t, "InitialCPCtarget")
            insert_module(e, t)
            return "S47 made open and a second open S47 added 2 days later"
    return None


@fault("s47_without_assessment", "2991Q", "s47")
def _(rng, child, ctx):
    for e in episodes(child):
        if e.find("Section47") is not None and e.find("Assessments") is not None:
            for a in e.findall("Assessments"):
                e.remove(a)
            return "assessments of an episode with a S47 removed"
    return None


@fault("icpc_both_levels", "2884", "s47")
def _(rng, child, ctx):
    for e in episodes(child):
        s = e.find("Section47")
        if s is not None and get(s, "DateOfInitialCPC"):
            put(e, "DateOfInitialCPC", get(s, "DateOfInitialCPC"))
            return "S47's DateOfInitialCPC also put on CINdetails"
    return None


@fault("closed_with_open_s47", "8868", "s47")
def _(rng, child, ctx):
    for e in episodes(child):
        s = e.find("Section47")
        if s is not None and get(e, "CINclosureDate"):
            drop(s, "DateOfInitialCPC")
            put(s, "ICPCnotRequired", "false")
            return "S47 of a closed episode made open (no ICPC, not-required false)"
    return None


# --- child protection plans
@fault("cpp_end_before_start", "8925", "cpp")
def _(rng, child, ctx):
    xs = [c for c in all_of(child, "ChildProtectionPlans") if get(c, "CPPendDate") and d(get(c, "CPPstartDate"))]
    c = pick(rng, xs)
    if c is None:
        return None
    new = iso(d(get(c, "CPPstartDate")) - dt.timedelta(days=rng.randint(1, 20)))
    put(c, "CPPendDate", new)
    return f"CPPendDate -> {new}, before start"


@fault("cpp_same_day", "8840", "cpp")
def _(rng, child, ctx):
    xs = [c for c in all_of(child, "ChildProtectionPlans") if get(c, "CPPendDate")]
    c = pick(rng, xs)
    if c is None:
        return None
    put(c, "CPPendDate", get(c, "CPPstartDate"))
    return "CPPendDate = CPPstartDate"


@fault("cpp_end_after_reference", "8930", "cpp")
def _(rng, child, ctx):
    xs = [c for c in all_of(child, "ChildProtectionPlans") if get(c, "CPPendDate")]
    c = pick(rng, xs)
    if c is None:
        return None
    new = iso(REF + dt.timedelta(days=rng.randint(1, 30)))
    put(c, "CPPendDate", new)
    return f"CPPendDate -> {new}"


@fault("cpp_start_missing", "8720", "cpp")
def _(rng, child, ctx):
    c = pick(rng, all_of(child, "ChildProtectionPlans"))
    if c is None:
        return None
    new = rng.choice(["", iso(REF + dt.timedelta(days=5)), "2025-06-31"])
    put(c, "CPPstartDate", new)
    return f"CPPstartDate -> '{new}'"


@fault("cpp_previous_invalid", "8730", "cpp")
def _(rng, child, ctx):
    c = pick(rng, all_of(child, "ChildProtectionPlans"))
    if c is None:
        return None
    new = rng.choice(["", "x", "-1"])
    put(c, "NumberOfPreviousCPP", new)
    return f"NumberOfPreviousCPP -> '{new}'"


@fault("cpp_category_invalid", "8905 8910", "cpp")
def _(rng, child, ctx):
    c = pick(rng, all_of(child, "ChildProtectionPlans"))
    if c is None:
        return None
    which = rng.choice(["InitialCategoryOfAbuse", "LatestCategoryOfAbuse"])
    new = rng.choice(["", "NEGL", "PHYS", "neg"])
    put(c, which, new)
    return f"{which} -> '{new}'"


@fault("review_before_plan", "8841", "cpp")
def _(rng, child, ctx):
    xs = [c for c in all_of(child, "ChildProtectionPlans") if c.find("Reviews") is not None
          and d(get(c, "CPPstartDate"))]
    c = pick(rng, xs)
    if c is None:
        return None
    r = c.find("Reviews")[0]
    r.text = iso(d(get(c, "CPPstartDate")) - dt.timedelta(days=rng.choice([0, 5])))
    return f"first CPPreviewDate -> {r.text} (on/before plan start)"


@fault("review_blank", "8842Q", "cpp")
def _(rng, child, ctx):
    xs = [c for c in all_of(child, "ChildProtectionPlans") if c.find("Reviews") is not None]
    c = pick(rng, xs)
    if c is None:
        return None
    rv = c.find("Reviews")
    r = rv[-1]
    r.text = rng.choice(["", "2025-11-31"])
    return f"last CPPreviewDate (of {len(rv)}) -> '{r.text}'"


@fault("two_open_cpp", "8935 8940", "cpp")
def _(rng, child, ctx):
    for e in episodes(child):
        c = e.find("ChildProtectionPlans")
        s = d(get(c, "CPPstartDate")) if c is not None else None
        if s:
            drop(c, "CPPendDate")
            k = copy.deepcopy(c)
            drop(k, "Reviews")
            put(k, "CPPstartDate", iso(s + dt.timedelta(days=14)))
            insert_module(e, k)
            return "CPP made open and a second open CPP added 14 days later"
    return None


@fault("overlapping_cpp", "8940", "cpp")
def _(rng, child, ctx):
    for e in episodes(child):
        c = e.find("ChildProtectionPlans")
        s, en = (d(get(c, "CPPstartDate")), d(get(c, "CPPendDate"))) if c is not None else (None, None)
        if s and en and (en - s).days > 10:
            k = copy.deepcopy(c)
            drop(k, "Reviews")
            put(k, "CPPstartDate", iso(s + dt.timedelta(days=5)))
            put(k, "CPPendDate", iso(en))
            insert_module(e, k)
            return "closed CPP repeated, starting 5 days later (overlap)"
    return None


@fault("cpp_before_referral", "1105 2885", "cpp")
def _(rng, child, ctx):
    for e in episodes(child):
        r, c = d(get(e, "CINreferralDate")), e.find("ChildProtectionPlans")
        if r and c is not None:
            new = iso(r - dt.timedelta(days=rng.randint(1, 20)))
            put(c, "CPPstartDate", new)
            return f"CPPstartDate -> {new}, before referral"
    return None


@fault("cpp_start_not_icpc", "2885", "cpp")
def _(rng, child, ctx):
    for e in episodes(child):
        c = e.find("ChildProtectionPlans")
        s = d(get(c, "CPPstartDate")) if c is not None else None
        if s and s >= START + dt.timedelta(days=10):
            new = iso(s + dt.timedelta(days=3))
            put(c, "CPPstartDate", new)
            return f"CPPstartDate {s} -> {new} (not the ICPC date)"
    return None


@fault("cpp_on_nfa", "8832 8831", "cpp")
def _(rng, child, ctx):
    for e in episodes(child):
        if e.find("ChildProtectionPlans") is not None:
            put(e, "ReferralNFA", "true")
            return "ReferralNFA -> true on an episode with a CPP"
    return None


@fault("activity_after_closure", "8565", "cpp")
def _(rng, child, ctx):
    for e in episodes(child):
        cl = d(get(e, "CINclosureDate"))
        p = e.find("CINPlanDates")
        if cl and p is not None and get(p, "CINPlanEndDate") and cl + dt.timedelta(days=5) <= REF:
            new = iso(cl + dt.timedelta(days=5))
            put(p, "CINPlanEndDate", new)
            return f"CINPlanEndDate -> {new}, after closure {cl}"
    return None


# ----------------------------------------------------------------------------- main
def main():
    global REF, START
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src", help="the CIN census XML file to copy (read only)")
    ap.add_argument("dst", help="the faulty copy to write (replaced if it exists); DST's name less its "
                                "extension + .mutations.tsv is the manifest")
    ap.add_argument("--seed", type=int, default=2026, help="random seed (default %(default)s)")
    ap.add_argument("--rate", type=float, default=0.15,
                    help="share of children given a fault (default %(default)s)")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    tree = ET.parse(args.src)
    root = tree.getroot()
    ref = d(root.findtext("Header/CollectionDetails/ReferenceDate"))
    if ref:
        REF = ref
        START = dt.date(ref.year - 1, 4, 1)
    children_el = root.find("Children")
    children = children_el.findall("Child")
    ctx = {"duplicate": [], "upns": [get(ids(c), "UPN") for c in children if get(ids(c), "UPN")]}
    manifest = []
    for child in children:
        if rng.random() >= args.rate:
            continue
        cid = get(ids(child), "LAchildID")
        # a family of faults first (only those the child has modules for), then one of its faults
        families = ["ids", "chars", "details"]
        for fam, path in (("assess", "Assessments"), ("plan", "CINPlanDates"),
                          ("s47", "Section47"), ("cpp", "ChildProtectionPlans")):
            if all_of(child, path):
                families.append(fam)
        for _attempt in range(40):
            fam = families[rng.randrange(len(families))]
            choices = [f for f in FAULTS if f[2] == fam]
            name, rules, _fam, fn = choices[rng.randrange(len(choices))]
            what = fn(rng, child, ctx)
            if what:
                manifest.append((cid, name, what, rules))
                break
    for child in ctx["duplicate"]:
        pos = list(children_el).index(child)
        children_el.insert(pos + 1, copy.deepcopy(child))
    ET.indent(tree, space="  ")
    tree.write(args.dst, encoding="UTF-8", xml_declaration=True)
    with open(args.dst, "a", encoding="utf-8") as f:
        f.write("\n")
    man = args.dst.rsplit(".", 1)[0] + ".mutations.tsv"
    with open(man, "w", encoding="utf-8") as f:
        f.write("LAchildID\tfault\tchange\taimed_at\n")
        for row in manifest:
            f.write("\t".join(row) + "\n")
    print(f"{len(manifest)} changes to {len(children)} children; wrote {args.dst} and {man}")


if __name__ == "__main__":
    main()
