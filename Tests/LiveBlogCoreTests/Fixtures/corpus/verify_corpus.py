#!/usr/bin/env python3
"""Sanity checks for the live-blog fixture corpus (run: python3 verify_corpus.py)."""
import glob, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
KEYS = {"headline", "first", "paragraphs", "time", "flags", "related"}
problems = 0

def bad(name, msg):
    global problems
    problems += 1
    print(f"FAIL {name}: {msg}")

for jpath in sorted(glob.glob(os.path.join(HERE, "*.expected.json"))):
    name = os.path.basename(jpath)[: -len(".expected.json")]
    tpath = os.path.join(HERE, name + ".txt")
    try:
        exp = json.load(open(jpath, encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        bad(name, f"json does not parse: {e}")
        continue
    if not os.path.exists(tpath):
        bad(name, "missing .txt")
        continue
    txt = open(tpath, encoding="utf-8").read()
    lines = txt.splitlines()
    if set(exp) != {"title", "standfirst", "entries", "boilerplate"}:
        bad(name, f"top-level keys {sorted(exp)}")
    if exp["title"] not in lines:
        bad(name, "title is not a line of the text")
    if exp["standfirst"] is not None and exp["standfirst"] not in lines:
        bad(name, "standfirst is not a line of the text")
    if not 6 <= len(exp["entries"]) <= 15:
        bad(name, f"{len(exp['entries'])} entries")
    if not 25 <= len(lines) <= 120:
        bad(name, f"{len(lines)} lines")
    for i, e in enumerate(exp["entries"]):
        if set(e) != KEYS:
            bad(name, f"entry {i} keys {sorted(e)}")
            continue
        if e["headline"] is not None and e["headline"] not in txt:
            bad(name, f"entry {i} headline not in text: {e['headline']!r}")
        if e["first"] not in txt:
            bad(name, f"entry {i} first not in text: {e['first']!r}")
        # The parser turns no-break spaces into plain spaces (issue 2), and so do the expected times.
        if e["time"] is not None and e["time"] not in txt.replace("\u00a0", " "):
            bad(name, f"entry {i} time not in text: {e['time']!r}")
        if not (isinstance(e["paragraphs"], int) and e["paragraphs"] >= 1):
            bad(name, f"entry {i} paragraphs {e['paragraphs']!r}")
        if not set(e["flags"]) <= {"key-event", "pinned"}:
            bad(name, f"entry {i} flags {e['flags']!r}")
        if not (isinstance(e["related"], int) and e["related"] >= 0):
            bad(name, f"entry {i} related {e['related']!r}")
    for b in exp["boilerplate"]:
        if b not in txt:
            bad(name, f"boilerplate not in text: {b!r}")
        for e in exp["entries"]:
            if e["headline"] and b in e["headline"]:
                bad(name, f"boilerplate {b!r} inside headline {e['headline']!r}")
    print(f"ok   {name}: {len(lines)} lines, {len(exp['entries'])} entries, "
          f"{len(exp['boilerplate'])} boilerplate strings")

sys.exit(1 if problems else 0)
