# agency_check.py: reads the agency documents back (python3-docx, odfpy, openpyxl) and compares them
# with the regulation's own data (secannex export/baseline/grade --format json), for agency.sh:
#   agency_check.py duties SECANNEX LEVEL KIND LABEL COUNT FILE...
#   agency_check.py selfcheck SECANNEX GRADE AREA|- FILE...
#   agency_check.py grading SECANNEX C I A L WHY|- GRADE BY FILE...
# Each FILE is .docx, .odt or .xlsx; every difference is printed and the exit status is 1.
import json
import subprocess
import sys

bad = []


def check(cond, what):
    if not cond:
        bad.append(what)


def sx(*args):
    return json.loads(subprocess.run([SECANNEX] + list(args), capture_output=True, check=True).stdout)


# ---- reading tables: a list of rows of cell texts, merged cells repeated (as the origin's text)

def docx_doc(path):
    import docx
    d = docx.Document(path)
    tables = []
    for t in d.tables:
        rows, ids = [], []
        for r in t.rows:
            rows.append([c.text for c in r.cells])
            ids.append([c._tc for c in r.cells])  # the elements (kept alive: their ids stay unique)
        tables.append((rows, ids))
    paras = [p.text for p in d.paragraphs]
    return tables, paras


def odt_text(el):
    from odf import teletype
    from odf.namespaces import TEXTNS
    out = []
    for p in el.childNodes:
        if p.qname in ((TEXTNS, "p"), (TEXTNS, "h")):
            out.append(teletype.extractText(p))
    return "\n".join(out)


def odt_doc(path):
    from odf.opendocument import load
    from odf.namespaces import TABLENS, TEXTNS
    d = load(path)
    tables = []
    for t in d.getElementsByType(__import__("odf.table", fromlist=["Table"]).Table):
        rows, ids, above = [], [], {}
        for r in t.getElementsByType(__import__("odf.table", fromlist=["TableRow"]).TableRow):
            cells, cids, col = [], [], 0
            for c in r.childNodes:
                if c.qname == (TABLENS, "table-cell"):
                    txt = odt_text(c)
                    above[col] = (txt, c)
                    cells.append(txt)
                    cids.append(c)
                elif c.qname == (TABLENS, "covered-table-cell"):
                    txt, cid = above.get(col, ("", None))
                    cells.append(txt)
                    cids.append(cid)
                else:
                    continue
                col += 1
            rows.append(cells)
            ids.append(cids)
        tables.append((rows, ids))
    body = d.text
    paras = [odt_text_one(p) for p in body.childNodes if p.qname in ((TEXTNS, "p"), (TEXTNS, "h"))]
    return tables, paras


def odt_text_one(p):
    from odf import teletype
    return teletype.extractText(p)


def doc_table(path, head):
    global KEEP
    tables, paras = docx_doc(path) if path.endswith(".docx") else odt_doc(path)
    KEEP = tables
    found = [t for t in tables if t[0] and t[0][0] == head]
    check(len(found) == 1, "%s: %d tables with the header %r" % (path, len(found), head))
    return (found[0] if found else ([head], [[0] * len(head)])), paras


def xlsx_table(path, head, sheet, answers):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames == [sheet], "%s: sheets %r" % (path, wb.sheetnames))
    ws = wb.worksheets[0]
    cells = [[("" if v is None else str(v)) for v in r] for r in ws.iter_rows(values_only=True)]
    top = next((i for i, r in enumerate(cells) if r[:len(head)] == head), None)
    check(top is not None, "%s: no header row %r" % (path, head))
    top = top or 0
    rest = cells[top + 1:]
    end = next((i for i, r in enumerate(rest) if not any(r)), len(rest))
    body = [r[:len(head)] for r in rest[:end]]
    global NOTES
    NOTES = [r[0] for r in rest[end + 1:]]  # below a blank row: the 備註, a line a row
    first, last = top + 2, top + 1 + len(body)
    check(ws.protection.sheet and not ws.protection.password, "%s: protection" % path)
    check(ws.freeze_panes == "A%d" % first, "%s: freeze %r" % (path, ws.freeze_panes))
    check(ws.page_setup.orientation == "landscape", "%s: orientation" % path)
    # the answer columns unlocked, the regulation's columns locked; the list on every answer cell
    for c, h in enumerate(head, 1):
        for r in range(first, last + 1):
            if (h in answers) == bool(ws.cell(r, c).protection.locked):
                bad.append("%s: %s%d (%s) locked=%r" % (path, openpyxl.utils.get_column_letter(c), r, h,
                                                        ws.cell(r, c).protection.locked))
                break
    lists = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            lists.setdefault(rng.min_col, []).append((dv.type, dv.formula1, rng.min_row, rng.max_row,
                                                      rng.max_col))
    for c, h in enumerate(head, 1):
        want = [("list", '"%s"' % ",".join(answers[h]), first, last, c)] if answers.get(h) else []
        check(lists.get(c, []) == want, "%s: list of %s: %r" % (path, h, lists.get(c)))
    return body


def numbered(x):
    return "%s、%s" % (x["n"], x["text"]) if x.get("n") else x["text"]


def block(items):
    return "\n".join(numbered(x) for x in items)


# ---- the duties checklist

DU_HEAD = ["制度面向", "辦理項目", "細項", "辦理內容", "辦理情形", "完成日期", "負責單位", "佐證資料"]
DU_BOXES = "□已辦理\n□辦理中\n□未辦理"


def duties(level, kind, label, count, files):
    t = sx("duties", "--level", level, "--kind", kind, "--format", "json")
    check(t["label"] == label, "%s %s: table %s, expected %s" % (level, kind, t["label"], label))
    leaves, groups = [], []  # groups: (first leaf, count, shared content)
    for it in t["items"]:
        n = len(it["details"]) or 1
        groups.append((len(leaves), n, bool(it["content"])))
        for k in range(n):
            d = it["details"][k] if it["details"] else None
            content = block(it["content"]) if it["content"] else block(d["content"])
            leaves.append([it["aspect"], it["name"], d["name"] if d else "", content])
    check(len(leaves) == count, "%s: %d leaf rows, the issue says %d" % (label, len(leaves), count))
    remarks = [numbered(x) for x in t["remarks"]]
    for f in files:
        if f.endswith(".xlsx"):
            body = xlsx_table(f, DU_HEAD, "應辦事項", {"辦理情形": ["已辦理", "辦理中", "未辦理"], "完成日期": None,
                                                     "負責單位": None, "佐證資料": None})
            check(len(body) == count, "%s: %d rows, expected %d" % (f, len(body), count))
            for got, want in zip(body, leaves):
                check(got == want + ["", "", "", ""], "%s: row %r, expected %r" % (f, got, want))
            check(NOTES == ["備註："] + remarks, "%s: notes %r" % (f, NOTES))
            continue
        (rows, ids), paras = doc_table(f, DU_HEAD)
        body, bids = rows[1:], ids[1:]
        check(len(body) == count, "%s: %d rows, expected %d" % (f, len(body), count))
        for got, want in zip(body, leaves):
            check(got == want + [DU_BOXES, "", "", ""], "%s: row %r, expected %r" % (f, got, want))
        # merged as the 附表 merges: a 辦理項目 over its 細項, a shared 辦理內容 over them, never an own one
        for first, n, shared in groups:
            if first + n > len(bids):
                break
            ids_duty = {id(bids[first + k][1]) for k in range(n)}
            ids_content = {id(bids[first + k][3]) for k in range(n)}
            check(len(ids_duty) == 1, "%s: 辦理項目 %s not merged over %d rows" % (f, leaves[first][1], n))
            check(len(ids_content) == (1 if shared else n),
                  "%s: 辦理內容 of %s: %d cells over %d rows" % (f, leaves[first][1], len(ids_content), n))
        for r in remarks:
            check(r in paras, "%s: 備註 %r missing" % (f, r))
        facts_has(f, "依據", "資通安全責任等級分級辦法" + label)
        facts_has(f, "責任等級", level + "級")
        facts_has(f, "機關類別", {"public": "公務機關", "special": "特定非公務機關"}[kind])


def facts_has(f, label, value):
    tables, _ = docx_doc(f) if f.endswith(".docx") else odt_doc(f)
    for rows, _ in tables:
        for r in rows:
            if len(r) == 2 and r[0] == label:
                check(value in r[1], "%s: %s is %r, expected %r in it" % (f, label, r[1], value))
                return
    bad.append("%s: no fact %s" % (f, label))


# ---- the 附表十 self-check

SC_HEAD = ["構面", "措施", "控制措施", "符合情形", "說明", "佐證資料"]
GR = {"high": "高", "medium": "中", "normal": "普"}


def quoted(grades):
    q = ["「%s」" % GR[g] for g in grades]
    return q[0] if len(q) == 1 else "、".join(q[:-1]) + "及" + q[-1]


def selfcheck(grade, area, files):
    args = ["baseline", "--grade", grade, "--format", "json"] + (["--area", area] if area != "-" else [])
    items = sx(*args)
    export = sx("export", "--format", "json")["baseline"]
    names = {a["id"]: a["name"] for a in export["areas"]}
    global REMARKS
    REMARKS = export.get("remarks") or []
    want = []
    for x in items:
        text = "　　" * x["depth"] + ("（等級%s）" % quoted(x["from"]) if x["depth"] else "") + numbered(x)
        state = "—" if x["none"] else "見下列各項" if x["include"] else None
        want.append([names[x["area"]], "%s\n(%s)" % (x["measure_name"], x["measure"]), text, state])
    check(len(want) > 0, "no controls")
    for f in files:
        if f.endswith(".xlsx"):
            body = xlsx_table(f, SC_HEAD, "自我檢核", {"符合情形": ["符合", "部分符合", "不符合"], "說明": None,
                                                     "佐證資料": None})
            boxes = ""
        else:
            (rows, _), paras = doc_table(f, SC_HEAD)
            body = rows[1:]
            for r in REMARKS:
                check(numbered(r) in paras, "%s: 備註 %r missing" % (f, numbered(r)))
            boxes = "□符合\n□部分符合\n□不符合"
        check(len(body) == len(want), "%s: %d rows, %d resolved controls" % (f, len(body), len(want)))
        if f.endswith(".xlsx"):
            check(NOTES == ["備註："] + [numbered(x) for x in REMARKS], "%s: notes %r" % (f, NOTES))
        for got, w in zip(body, want):
            exp = w[:3] + [w[3] if w[3] is not None else boxes, "", ""]
            check(got == exp, "%s: row %r, expected %r" % (f, got, exp))


# ---- the 附表九 worksheet

GR_HEAD = ["構面", "等級", "判定基準", "評估理由"]


def grading(dims, why, grade, by, files):
    reg = sx("export", "--format", "json")["grading"]["dimensions"]
    keys = ["normal", "medium", "high"]
    for f in files:
        (rows, ids), paras = doc_table(f, GR_HEAD)
        body = rows[1:]
        check(len(body) == 12, "%s: %d rows" % (f, len(body)))
        k = 0
        for i, d in enumerate(reg):
            for g, key in enumerate(keys):
                mark = ("■" if GR[key] == dims[i] else "□") + GR[key]
                exp = [d["name"], mark, d[key], why[i] if why[i] != "-" else ""]
                if k < len(body):
                    check(body[k] == exp, "%s: row %r, expected %r" % (f, body[k], exp))
                k += 1
        check("系統防護需求等級：「%s」" % grade in paras, "%s: no result 「%s」" % (f, grade))
        check(any(("由%s構面定之" % by) in p for p in paras), "%s: not set by %s: %r" % (f, by, paras[-6:]))


SECANNEX = sys.argv[2]
what = sys.argv[1]
if what == "duties":
    duties(sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]), sys.argv[7:])
elif what == "selfcheck":
    selfcheck(sys.argv[3], sys.argv[4], sys.argv[5:])
elif what == "grading":
    grading(sys.argv[3:7], sys.argv[7].split("|"), sys.argv[8], sys.argv[9], sys.argv[10:])
elif what == "fact":
    facts_has(sys.argv[3], sys.argv[4], sys.argv[5])
if bad:
    print("FAIL: " + "\n  ".join(bad[:20]))
    sys.exit(1)
