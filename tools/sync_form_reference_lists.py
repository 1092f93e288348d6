#!/usr/bin/env python3
"""Regenerates the reference lists copied in start forms (Tasklist gives them no variables) and the
labels of chosen subsets from the reference tables. Task forms carry no copies: they read valuesKey
variables (refDepartments, refCommunes, ...) filled when the task is created (reference.ReferenceListsPlugin).

Usage: curl -su admin:$MASM_ADMIN_PASSWORD http://localhost:8080/api/reference > /tmp/reference.json
       python3 tools/sync_form_reference_lists.py /tmp/reference.json
FormReferenceListsTests fails whenever a copy and its table differ."""
import glob
import json
import sys

# form key -> list of GET /api/reference
LISTS = {
    "department": "departments", "requestedDepartments": "departments",
    "domain": "domains", "requestedDomains": "domains",
    "targetGroup": "target-groups", "requestedAxes": "axes",
}
# lists where a form offers a chosen subset (codes kept, labels refreshed)
SUBSETS = {"organisationType": "organisation-types"}


def main(path):
    reference = json.load(open(path, encoding="utf-8"))
    for form_path in sorted(glob.glob("forms/*.form")):
        form = json.load(open(form_path, encoding="utf-8"))
        changed = False

        def walk(components):
            nonlocal changed
            for c in components or []:
                key = c.get("key")
                if "values" in c and key in LISTS:
                    new = [{"label": i["label"], "value": i["code"]} for i in reference[LISTS[key]]]
                    if new != c["values"]:
                        c["values"], changed = new, True
                elif "values" in c and key in SUBSETS:
                    labels = {i["code"]: i["label"] for i in reference[SUBSETS[key]]}
                    new = [{"label": labels.get(v["value"], v["label"]), "value": v["value"]} for v in c["values"]]
                    if new != c["values"]:
                        c["values"], changed = new, True
                walk(c.get("components"))

        walk(form.get("components"))
        if changed:
            with open(form_path, "w", encoding="utf-8") as out:
                out.write(json.dumps(form, indent=2, ensure_ascii=False) + "\n")
            print("updated", form_path)


if __name__ == "__main__":
    main(sys.argv[1])
