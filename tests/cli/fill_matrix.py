# fill_matrix.py: fill in a vendor matrix written by secannex generate, as a vendor would, for
# tests/cli/evaluate.sh: openpyxl for .xlsx, python3-docx for .docx, odfpy for .odt, plain text for
# .csv.  Usage: fill_matrix.py IN OUT [options]
#   --mix          answers by the body row's place k (from 0): k%7 == 1 部分符合, 2 不符合, 3 left empty,
#                  else 符合 (default: every row 符合)
#   --alter ID     change row ID's 要求內容 (a word replaced)
#   --rewrap ID    put line breaks and spaces inside row ID's 要求內容 (words unchanged)
#   --delete ID    delete row ID
#   --extra ID     add a row ID at the end of the table
#   --two ID       tick two boxes (or write two answers) in row ID
#   --vendor NAME  fill in 廠商名稱 (DOCX, ODT)
#   --same ID      XLSX, CSV: row ID's 說明 is its answer (in an ODS, the two neighbours one cell
#                  repeated)
#   --big5         CSV: save as Big5 (CP950), as Excel on a Taiwanese Windows does
# An .xlsx IN with an .ods OUT: filled in, then written as LibreOffice saves a workbook as ODS
# (odfpy): a sheet before it, equal neighbouring cells as one cell repeated, the sheet's trailing
# empty columns and its million empty rows as repeated ones.
# Ticks: DOCX ■ / ✔ / the other options deleted; ODT ☑ / V; XLSX and CSV the drop-down's words.
import argparse
import csv
import io
import sys

ANS = ["符合", "部分符合", "不符合"]


def answer(k, mix):
    if not mix:
        return 0
    return {1: 1, 2: 2, 3: None}.get(k % 7, 0)


def boxes(a, k):
    """The 符合情形 cell's text for answer A (index in ANS) of the K-th row, ticked in one of
    the ways a vendor ticks a box."""
    if a is None:
        return "□符合\n□部分符合\n□不符合"
    if k % 3 == 2:
        return ANS[a]  # the other two deleted
    tick = "■" if k % 3 == 0 else "✔"
    return "\n".join((tick if i == a else "□") + w for i, w in enumerate(ANS))


def edit_rows(head, rows, o, boxed):
    """The body ROWS (lists of cells) edited as the options say; HEAD the header row."""
    cid, ctext, ccheck = head.index("編號"), head.index("要求內容"), head.index("符合情形")
    csay, cproof = head.index("說明"), head.index("佐證文件及頁碼")
    out = []
    for k, r in enumerate(rows):
        r = list(r)
        a = answer(k, o.mix)
        if boxed:
            r[ccheck] = boxes(a, k)
        else:
            r[ccheck] = "" if a is None else ANS[a]
        if r[cid] == o.two:
            r[ccheck] = "■符合\n■部分符合\n□不符合" if boxed else "符合\n不符合"
        if a is not None:
            r[csay] = "本公司依第%d項辦理。" % (k + 1)
            r[cproof] = "服務建議書第%d頁" % (k + 10)
        if r[cid] == o.same and not boxed:
            assert csay == ccheck + 1, head
            r[csay] = r[ccheck]
        if r[cid] == o.alter:
            r[ctext] = r[ctext].replace("資通安全", "資訊安全", 1) if "資通安全" in r[ctext] \
                else r[ctext][:-1] + "等"
        if r[cid] == o.rewrap:
            t = r[ctext]
            r[ctext] = t[:3] + "\n" + t[3:6] + "　" + t[6:] + " "
        if r[cid] != o.delete:
            out.append(r)
    if o.extra:
        extra = [""] * len(head)
        extra[cid], extra[ctext], extra[ccheck] = o.extra, "廠商自行增列之項目", ANS[0]
        out.append(extra)
    return out


def do_csv(o):
    text = open(o.input, encoding="utf-8-sig", newline="").read()
    rows = list(csv.reader(io.StringIO(text, newline="")))
    head, body = rows[0], rows[1:]
    body = edit_rows(head, body, o, False)
    buf = io.StringIO(newline="")
    csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows([head] + body)
    data = buf.getvalue().encode("cp950") if o.big5 else ("\ufeff" + buf.getvalue()).encode("utf-8")
    open(o.output, "wb").write(data)


def do_xlsx(o):
    import openpyxl
    wb = openpyxl.load_workbook(o.input)
    ws = wb["廠商回應"]
    cells = [[("" if v is None else str(v)) for v in r] for r in ws.iter_rows(values_only=True)]
    top = next(i for i, r in enumerate(cells) if "編號" in r and "符合情形" in r)
    head = cells[top]
    body = [r for r in cells[top + 1:] if any(r)]
    new = edit_rows(head, body, o, False)
    ws.delete_rows(top + 2, len(body))
    for i, r in enumerate(new):
        for j, v in enumerate(r):
            ws.cell(row=top + 2 + i, column=j + 1, value=v if v != "" else None)
    if o.output.lower().endswith(".ods"):
        save_ods(o.output, ws)
    else:
        wb.save(o.output)


def save_ods(path, ws):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableColumn, TableRow, TableCell
    from odf.text import P
    doc = OpenDocumentSpreadsheet()
    note = Table(name="填寫說明")
    tr = TableRow()
    tc = TableCell(valuetype="string")
    tc.addElement(P(text="請於「廠商回應」工作表填寫"))
    tr.addElement(tc)
    note.addElement(tr)
    doc.spreadsheet.addElement(note)
    t = Table(name="廠商回應")
    t.addElement(TableColumn(numbercolumnsrepeated=16384))
    rows = [[("" if v is None else str(v)) for v in r] for r in ws.iter_rows(values_only=True)]
    for r in rows:
        tr = TableRow()
        j = 0
        while j < len(r):
            k = j
            while k + 1 < len(r) and r[k + 1] == r[j]:
                k += 1
            n = k - j + 1
            tc = TableCell(numbercolumnsrepeated=n) if n > 1 else TableCell()
            if r[j]:
                tc.setAttribute("valuetype", "string")
                for line in r[j].split("\n"):
                    tc.addElement(P(text=line))
            tr.addElement(tc)
            j = k + 1
        tr.addElement(TableCell(numbercolumnsrepeated=16384 - len(r)))
        t.addElement(tr)
    tr = TableRow(numberrowsrepeated=1048576 - len(rows))
    tr.addElement(TableCell(numbercolumnsrepeated=16384))
    t.addElement(tr)
    doc.spreadsheet.addElement(t)
    doc.save(path)


def docx_text(cell, text):
    """Set a python-docx cell's text, a line break for each newline."""
    p = cell.paragraphs[0]
    for extra in cell.paragraphs[1:]:
        extra._element.getparent().remove(extra._element)
    for r in list(p.runs):
        r._element.getparent().remove(r._element)
    lines = text.split("\n")
    run = p.add_run(lines[0])
    for line in lines[1:]:
        run.add_break()
        run.add_text(line)


def do_docx(o):
    import copy
    import docx
    d = docx.Document(o.input)
    for t in d.tables:
        first = [c.text for c in t.rows[0].cells]
        if "編號" in first and "符合情形" in first:
            break
    else:
        sys.exit("no matrix table")
    head = first
    body = [[c.text for c in r.cells] for r in t.rows[1:]]
    new = edit_rows(head, body, o, True)
    by_id = {r[head.index("編號")]: r for r in new}
    cid = head.index("編號")
    for row in list(t.rows[1:]):
        rid = row.cells[cid].text
        if rid not in by_id:
            row._tr.getparent().remove(row._tr)
            continue
        for j, name in enumerate(head):
            if name in ("要求內容", "符合情形", "說明", "佐證文件及頁碼"):
                docx_text(row.cells[j], by_id[rid][j])
    if o.extra:
        tr = copy.deepcopy(t.rows[-1]._tr)
        t._tbl.append(tr)
        last = t.rows[-1]
        for j in range(len(head)):
            docx_text(last.cells[j], new[-1][j])
    if o.vendor:
        for vt in d.tables:
            for r in vt.rows:
                if r.cells[0].text == "廠商名稱":
                    docx_text(r.cells[1], o.vendor)
    d.save(o.output)


def odt_text(cell, text):
    from odf import teletype
    from odf.text import P
    for c in list(cell.childNodes):
        cell.removeChild(c)
    p = P()
    teletype.addTextToElement(p, text)
    cell.addElement(p)


def do_odt(o):
    from odf import opendocument, teletype
    from odf.table import Table, TableRow, TableCell
    d = opendocument.load(o.input)
    for t in d.getElementsByType(Table):
        rows = t.getElementsByType(TableRow)
        cells = lambda r: [c for c in r.childNodes
                           if getattr(c, "qname", ("", ""))[1] in ("table-cell", "covered-table-cell")]
        first = [teletype.extractText(c) for c in cells(rows[0])]
        if o.vendor and first and first[0] == "廠商名稱":
            odt_text(cells(rows[0])[1], o.vendor)
        if "編號" not in first or "符合情形" not in first:
            continue
        head = first
        cid = head.index("編號")
        body = [[teletype.extractText(c) for c in cells(r)] for r in rows[1:]]
        new = edit_rows(head, body, o, True)
        by_id = {r[cid]: r for r in new}
        for r in rows[1:]:
            cs = cells(r)
            rid = teletype.extractText(cs[cid])
            if rid not in by_id:
                r.parentNode.removeChild(r)
                continue
            for j, name in enumerate(head):
                if name in ("要求內容", "符合情形", "說明", "佐證文件及頁碼"):
                    odt_text(cs[j], by_id[rid][j].replace("■", "☑").replace("✔", "V"))
        if o.extra:
            tr = rows[-1]
            nr = TableRow()
            for j in range(len(head)):
                c = TableCell()
                odt_text(c, new[-1][j])
                nr.addElement(c)
            tr.parentNode.addElement(nr)
    d.save(o.output)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    for opt in ("alter", "rewrap", "delete", "extra", "two", "vendor", "same"):
        ap.add_argument("--" + opt)
    ap.add_argument("--mix", action="store_true")
    ap.add_argument("--big5", action="store_true")
    o = ap.parse_args()
    ext = o.input.rsplit(".", 1)[-1].lower()
    {"csv": do_csv, "xlsx": do_xlsx, "docx": do_docx, "odt": do_odt}[ext](o)


main()
