#!/usr/bin/python3
"""Prints the headline numbers of executed walkthrough notebooks: the text/plain result of every code cell
tagged "headline", one line per cell, prefixed with the notebook's name. Exit 1 if a notebook has none."""
import json, sys

missing = []
for path in sys.argv[1:]:
    nb = json.load(open(path))
    found = False
    for cell in nb["cells"]:
        if "headline" not in cell.get("metadata", {}).get("tags", []):
            continue
        for out in cell.get("outputs", []):
            text = out.get("data", {}).get("text/plain")
            if out.get("output_type") == "execute_result" and text:
                print(f"{path.rsplit('/', 1)[-1]}: {''.join(text).strip()}")
                found = True
    if not found:
        missing.append(path)
if missing:
    print("no headline in " + ", ".join(missing), file=sys.stderr)
    sys.exit(1)
