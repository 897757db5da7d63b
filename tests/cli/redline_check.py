#!/usr/bin/env python3
"""redline_check.py: read a redline back and check that accepting every change gives NEW's texts and
rejecting every change OLD's.  DOCX through pandoc --track-changes=accept|reject; ODT by parsing the
text:tracked-changes regions of content.xml ourselves.

usage: redline_check.py REDLINE OLD_TEXTS.json NEW_TEXTS.json
The JSON files are lists of texts (table-cell texts, "\n" for a line break) that must appear on each
side.  A text of OLD that NEW lacks must be absent after accepting, and the other way round.
Prints one line per failure and "N passed, M failed"; exit 1 on failure."""
import json, re, subprocess, sys, zipfile
import xml.etree.ElementTree as ET

path, old, new = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
norm = lambda s: re.sub(r"\s+", "", s)

def pandoc_texts(mode):
    doc = json.loads(subprocess.run(["pandoc", "--track-changes=" + mode, "-f", "docx", "-t", "json", path],
                                    capture_output=True, check=True).stdout)
    out = []
    def inl(xs):
        s = ""
        for x in xs:
            t = x["t"]
            if t == "Str": s += x["c"]
            elif t in ("Space", "SoftBreak", "LineBreak"): s += " "
            elif t in ("Emph", "Strong", "Underline", "Strikeout", "SmallCaps", "Superscript", "Subscript"): s += inl(x["c"])
            elif t == "Span": s += inl(x["c"][1])
        return s
    def walk(o):
        if isinstance(o, dict):
            if o.get("t") in ("Para", "Plain"):
                out.append(inl(o["c"]))
                return
            for v in o.values(): walk(v)
        elif isinstance(o, list):
            for v in o: walk(v)
    walk(doc["blocks"])
    return out

T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
def odt_texts():
    root = ET.fromstring(zipfile.ZipFile(path).read("content.xml"))
    regions = {}
    for r in root.iter(T + "changed-region"):
        rid = r.get(T + "id")
        ins = r.find(T + "insertion")
        if ins is not None:
            regions[rid] = ("ins", None)
        else:
            p = r.find(T + "deletion/" + T + "p")
            regions[rid] = ("del", text_of(p, None, None) if p is not None else "")
    acc, rej = [], []
    for p in root.iter(T + "p"):
        if any(p is q for r in root.iter(T + "changed-region") for q in r.iter(T + "p")):
            continue
        acc.append(text_of(p, regions, True))
        rej.append(text_of(p, regions, False))
    return acc, rej

def text_of(p, regions, accept):
    """the paragraph's text, accepting or rejecting every change (regions None: plain)."""
    s, inside = [], [False]
    def rec(e):
        tag = e.tag
        if tag == T + "change-start":
            inside[0] = True
        elif tag == T + "change-end":
            inside[0] = False
        elif tag == T + "change":
            if regions is not None and not accept:
                s.append(regions[e.get(T + "change-id")][1])
        elif tag == T + "line-break":
            if regions is None or accept or not inside[0]: s.append("\n")
        elif tag == T + "s":
            if regions is None or accept or not inside[0]: s.append(" " * int(e.get(T + "c", "1")))
        if e.text and e is not p and tag not in (T + "change-start", T + "change-end", T + "change"):
            if regions is None or accept or not inside[0]: s.append(e.text)
        for c in e:
            rec(c)
            if c.tail and (regions is None or accept or not inside[0]): s.append(c.tail)
    if p.text and (regions is None or accept or not inside[0]): s.append(p.text)
    for c in p:
        rec(c)
        if c.tail and (regions is None or accept or not inside[0]): s.append(c.tail)
    return "".join(s)

if path.endswith(".docx"):
    acc, rej = pandoc_texts("accept"), pandoc_texts("reject")
else:
    acc, rej = odt_texts()
acc_set, rej_set = {norm(x) for x in acc}, {norm(x) for x in rej}
passed = failed = 0
def check(cond, msg):
    global passed, failed
    if cond: passed += 1
    else:
        failed += 1
        print("FAIL:", msg)
new_n, old_n = {norm(x) for x in new}, {norm(x) for x in old}
for t in new:
    check(norm(t) in acc_set, "accepted %s lacks NEW text: %s" % (path, t[:60]))
for t in old:
    check(norm(t) in rej_set, "rejected %s lacks OLD text: %s" % (path, t[:60]))
for t in old:
    if norm(t) not in new_n:
        check(norm(t) not in acc_set, "accepted %s still has OLD-only text: %s" % (path, t[:60]))
for t in new:
    if norm(t) not in old_n:
        check(norm(t) not in rej_set, "rejected %s still has NEW-only text: %s" % (path, t[:60]))
check(acc != rej, "no change at all in " + path)
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
