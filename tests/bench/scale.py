#!/usr/bin/env python3
# scale.py: a synthetic 一覽表 with N times the rows of the shipped one, for the scaling benchmark
# (tests/bench/annex.sh) and the test that row ids take more than two digits (tests/cli/catalog.sh).
# Each type's groups are repeated N times; copy k renumbers row m of a type whose highest number
# is M as k*M + m, so copy 0 keeps the shipped ids (a profile's decisions still name its rows)
# and the ids keep increasing (dev-58, then dev-59 ... dev-100 ...).  The text is untouched.
# Usage: scale.py N [CATALOG] > procurement.xml
import re
import sys

n = int(sys.argv[1])
path = sys.argv[2] if len(sys.argv) > 2 else "catalog/procurement.xml"
text = open(path, encoding="utf-8").read()

ITEM_ID = re.compile(r'(<item id=")([a-z]+(?:-[a-z]+)*)-([0-9]+)(")')


def scale_type(m):
    head, body, tail = m.group(1), m.group(2), m.group(3)
    top = max(int(x.group(3)) for x in ITEM_ID.finditer(body))
    copies = []
    for k in range(n):
        def renumber(x, k=k):
            num = k * top + int(x.group(3))
            return "%s%s-%0*d%s" % (x.group(1), x.group(2), max(2, len(str(num))), num, x.group(4))
        copies.append(ITEM_ID.sub(renumber, body))
    return head + "\n".join(copies) + tail


# a type: its opening tag and first newline, its groups, then the closing indentation and tag
TYPE = re.compile(r'(<type [^>]*>\n)(.*?)(\s*</type>)', re.S)
sys.stdout.write(TYPE.sub(scale_type, text))
