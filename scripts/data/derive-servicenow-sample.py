#!/usr/bin/env python3
"""Derives data/servicenow/incidents-sample.csv from the UCI ServiceNow incident event log.

One row per incident: how it was opened (first audit row) and how it ended (last row by sys_mod_count).
Incidents are ordered by opening time; the first N are kept. Usage:
  scripts/data/derive-servicenow-sample.py ../shared/data/uci-incident-eventlog/incident_event_log.csv.gz data/servicenow/incidents-sample.csv 3000
"""
import csv, gzip, sys
from datetime import datetime

src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
first, last = {}, {}
with gzip.open(src, "rt", encoding="utf-8") as f:
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

numbers = sorted(first, key=lambda k: (opened(first[k]), k))[:n]
cols = ["number", "opened_at", "contact_type", "category", "subcategory", "u_symptom", "impact", "urgency",
        "opened_priority", "final_priority", "assignment_group", "reassignment_count", "reopen_count", "made_sla",
        "closed_code", "resolved_at", "closed_at"]
with open(dst, "w", newline="", encoding="utf-8") as out:
    w = csv.writer(out)
    w.writerow(cols)
    for k in numbers:
        a, z = first[k], last[k]
        w.writerow([k, a["opened_at"], a["contact_type"], a["category"], a["subcategory"], a["u_symptom"], a["impact"],
                    a["urgency"], a["priority"], z["priority"], z["assignment_group"], z["reassignment_count"],
                    z["reopen_count"], z["made_sla"], z["closed_code"], z["resolved_at"], z["closed_at"]])
print(f"{len(numbers)} incidents written to {dst}")
