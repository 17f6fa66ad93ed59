#!/usr/bin/env python3
"""Derives the records `agenttrust replay` streams (data/replay/) from the public data sets in ../shared/data.

- servicenow-incidents.csv.gz: every incident of the UCI ServiceNow event log, one row each with how it was opened
  (first audit row) and how it ended (last row by sys_mod_count), ordered by opening time (same columns as
  data/servicenow/incidents-sample.csv).
- rabobank-changes.csv.gz: every change of the BPI Challenge 2014 Rabobank change records, one row per change (the
  source has one row per change and affected CI): the first CI's type, subtype and service component, how many CIs
  it touched, and the most related interactions/incidents any of its rows reports, ordered by opening time.

Usage: scripts/data/derive-replay-data.py ../shared/data data/replay
"""
import csv, gzip, io, os, sys
from datetime import datetime

src, dst = sys.argv[1], sys.argv[2]
os.makedirs(dst, exist_ok=True)

def write(path, cols, rows):
    # mtime=0 so the same input always gives the same bytes.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz, io.TextIOWrapper(gz, encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        w.writerow(cols)
        w.writerows(rows)

first, last = {}, {}
with gzip.open(os.path.join(src, "uci-incident-eventlog/incident_event_log.csv.gz"), "rt", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        num = row["number"]
        if num not in first:
            first[num] = row
        if num not in last or int(row["sys_mod_count"]) >= int(last[num]["sys_mod_count"]):
            last[num] = row

def opened(row):
    try:
        return datetime.strptime(row["opened_at"], "%d/%m/%Y %H:%M")
    except ValueError:
        return datetime.max

numbers = sorted(first, key=lambda k: (opened(first[k]), k))
cols = ["number", "opened_at", "contact_type", "category", "subcategory", "u_symptom", "impact", "urgency",
        "opened_priority", "final_priority", "assignment_group", "reassignment_count", "reopen_count", "made_sla",
        "closed_code", "resolved_at", "closed_at"]
rows = []
for k in numbers:
    a, z = first[k], last[k]
    rows.append([k, a["opened_at"], a["contact_type"], a["category"], a["subcategory"], a["u_symptom"], a["impact"],
                 a["urgency"], a["priority"], z["priority"], z["assignment_group"], z["reassignment_count"],
                 z["reopen_count"], z["made_sla"], z["closed_code"], z["resolved_at"], z["closed_at"]])
write(os.path.join(dst, "servicenow-incidents.csv.gz"), cols, rows)
print(f"{len(rows)} incidents")

changes = {}
with gzip.open(os.path.join(src, "bpi2014-rabobank/Detail_Change_from_xes.csv.gz"), "rt", encoding="utf-8-sig") as f:
    for row in csv.DictReader(f):
        changes.setdefault(row["Change ID"], []).append(row)

def num(value):
    return int(value) if value.strip().isdigit() else 0

cols = ["change_id", "change_type", "risk_assessment", "emergency_change", "cab_approval_needed", "ci_type", "ci_subtype",
        "service_component", "affected_cis", "originated_from", "opened_at", "closed_at", "scheduled_downtime_start",
        "related_interactions", "related_incidents"]
rows = []
for cid, group in changes.items():
    r = group[0]
    rows.append([cid, r["Change Type"], r["Risk Assessment"], r["Emergency Change"], r["CAB-approval needed"], r["CI Type (aff)"],
                 r["CI Subtype (aff)"], r["Service Component WBS (aff)"], len({g["CI Name (aff)"] for g in group}), r["Originated from"],
                 r["Change record Open Time"], r["Change record Close Time"], r["Scheduled Downtime Start"],
                 max(num(g["# Related Interactions"]) for g in group), max(num(g["# Related Incidents"]) for g in group)])
rows.sort(key=lambda r: (r[10], r[0]))
write(os.path.join(dst, "rabobank-changes.csv.gz"), cols, rows)
print(f"{len(rows)} changes")
