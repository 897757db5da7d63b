# serve.py: the page of secannex serve in a real browser (Debian's chromium, headless, through
# chromium-driver and python3-selenium):
#   python3 tests/browser/serve.py SECANNEX SRCDIR [ARTEFACT-DIR]
# fills the form for a development tender, ticks a ◎ row, leaves out a ● row with a reason,
# confirms the ▲ row, types a wrong and then a right 民國 date (the server's error shown beside the
# field, then gone), downloads the DOCX annex and the review, and checks them: schema-valid (the
# same xmllint checks as tests/cli/setup.sh), the chosen row present, the reason absent from the
# annex and present in the review.  Then grades by the four 附表九 dimensions (each criterion shown
# verbatim; the grade shown is secannex grade's and the table is resolved with it), expands a row's
# 附表十 controls (secannex baseline's text present), opens the catalog browser (a row's text, a
# 附表十 control and a duties table verbatim) and, on the diff page, uploads two catalogs and
# downloads the 修正對照表 (schema-valid DOCX with a changed row) and the redline (tracked
# insertions), and a file that is not a catalog is refused on the page.  Screenshots of the form
# (serve-page, serve-grade, serve-controls), the browser (serve-browse*) and the diff page
# (serve-diff) are kept in ARTEFACT-DIR (default: the current directory).  Exit 77 (skipped,
# visibly) where chromium, its driver or selenium is missing; tests/run-all.sh runs it, never make
# check.
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile

SKIP = 77
REASON = "本案系統建置於機關機房，已有既有防護"


def need():
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "python3-selenium"
    for exe in ("chromium", "chromedriver"):
        if not shutil.which(exe):
            return exe
    return None


def docx_text(path):
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def valid_docx(path, srcdir, tmp):
    x = os.path.join(tmp, "x-" + os.path.basename(path))
    with zipfile.ZipFile(path) as z:
        z.extractall(x)
    o = os.path.join(srcdir, "tests", "schemas", "ooxml")
    parts = [os.path.join(x, "word", p) for p in ("document.xml", "styles.xml", "settings.xml",
                                                   "fontTable.xml", "footer1.xml")]
    r = subprocess.run(["xmllint", "--noout", "--nonet", "--schema", os.path.join(o, "wml-offline.xsd")] + parts,
                       capture_output=True, text=True)
    if r.returncode != 0:
        print(r.stderr[:2000])
    return r.returncode == 0


def wait_for(cond, what, timeout=20):
    """COND's first true value; an element replaced meanwhile (the table is rebuilt on every
    answer of /api/resolve) is looked up again."""
    from selenium.common.exceptions import StaleElementReferenceException
    t = time.time()
    while time.time() - t < timeout:
        try:
            v = cond()
            if v:
                return v
        except StaleElementReferenceException:
            pass
        time.sleep(0.1)
    raise AssertionError("timed out waiting for " + what)


def main():
    missing = need()
    if missing:
        print("SKIP: %s is not installed (apt-get install chromium chromium-driver python3-selenium)" % missing)
        return SKIP
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    import json

    secannex, srcdir = sys.argv[1], sys.argv[2]
    art = sys.argv[3] if len(sys.argv) > 3 else "."
    tmp = tempfile.mkdtemp()
    dl = os.path.join(tmp, "dl")
    os.mkdir(dl)
    env = dict(os.environ, SECANNEX_DATADIR=os.path.join(srcdir, "catalog"), SOURCE_DATE_EPOCH="1700000000")
    server = subprocess.Popen([secannex, "serve", "--listen", "127.0.0.1:0"], stdout=subprocess.PIPE, env=env,
                              text=True)
    m = re.search(r"(http://127\.0\.0\.1:\d+/)", server.stdout.readline())
    fails = []

    def check(cond, what):
        print(("ok: " if cond else "FAIL: ") + what)
        if not cond:
            fails.append(what)

    opts = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,2400"):
        opts.add_argument(a)
    opts.binary_location = shutil.which("chromium")
    opts.add_experimental_option("prefs", {"download.default_directory": dl,
                                           "download.prompt_for_download": False})
    drv = None
    try:
        drv = webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver")), options=opts)
        drv.get(m.group(1))
        wait_for(lambda: drv.find_elements(By.ID, "row-dev-01"), "the requirement table")
        # the form: a development tender, grade 中, agency C, personal data, its fields
        Select(drv.find_element(By.ID, "type")).select_by_value("dev")
        Select(drv.find_element(By.ID, "grade")).select_by_value("中")
        drv.find_element(By.ID, "personal-data").click()
        drv.find_element(By.ID, "scan-risk").send_keys("中、高")
        drv.find_element(By.ID, "agency").send_keys("範例市政府資訊中心")
        drv.find_element(By.ID, "title").send_keys("瀏覽器測試開發案")
        drv.find_element(By.ID, "case").send_keys("115-WEB-001")
        time.sleep(1)  # the form's answers settle
        # a ◎ row ticked
        chosen = wait_for(lambda: drv.find_element(By.CSS_SELECTOR, "#row-dev-20 td:nth-child(3)").text, "dev-20")
        wait_for(lambda: drv.find_element(By.CSS_SELECTOR, "#row-dev-20 input[type=checkbox]").click() or True,
                 "the tick of dev-20")
        wait_for(lambda: "selected" == drv.find_element(By.ID, "row-dev-20").get_attribute("class"),
                 "dev-20 selected")
        # a ● row left out with a reason
        wait_for(lambda: drv.find_element(By.CSS_SELECTOR, "#row-dev-29 input[type=text]").send_keys(REASON) or True,
                 "the reason of dev-29")
        drv.find_element(By.ID, "counts").click()  # the change event
        wait_for(lambda: "excluded" == drv.find_element(By.ID, "row-dev-29").get_attribute("class"),
                 "dev-29 excluded")
        # the ▲ row confirmed
        wait_for(lambda: Select(drv.find_element(By.CSS_SELECTOR, "#row-dev-05 select")).select_by_value(
            "ciso-confirm") or True, "the CISO's choice of dev-05")
        wait_for(lambda: "required" == drv.find_element(By.ID, "row-dev-05").get_attribute("class"),
                 "dev-05 confirmed")
        # the date: a wrong 民國 date is refused beside the field, a right one is taken
        date = drv.find_element(By.ID, "date")
        date.send_keys("115年13月1日")
        drv.find_element(By.ID, "counts").click()
        wait_for(lambda: "115年13月1日" in drv.find_element(By.ID, "date-error").text, "the date's error beside it")
        check("115年13月1日" in drv.find_element(By.ID, "date-error").text, "a bad date: the server's error beside 日期")
        date.clear()
        date.send_keys("115年12月1日")
        drv.find_element(By.ID, "counts").click()
        wait_for(lambda: drv.find_element(By.ID, "date-error").text == "" and
                 "已更新" in drv.find_element(By.ID, "status").text, "the date taken")
        check(drv.find_element(By.ID, "date").get_attribute("placeholder") == "例：115年12月1日",
              "the date's placeholder is the 民國 form")
        drv.execute_script("window.scrollTo(0, 0)")
        drv.save_screenshot(os.path.join(art, "serve-page.png"))
        check("錯誤" not in drv.find_element(By.ID, "status").text, "no error shown")
        # the downloads
        for doc in ("annex", "review"):
            drv.find_element(By.ID, "dl-%s-docx" % doc).click()
            wait_for(lambda: os.path.exists(os.path.join(dl, doc + ".docx")), doc + ".docx downloaded")
        time.sleep(0.5)
        annex, review = os.path.join(dl, "annex.docx"), os.path.join(dl, "review.docx")
        check(valid_docx(annex, srcdir, tmp), "the annex is schema-valid")
        check(valid_docx(review, srcdir, tmp), "the review is schema-valid")
        at, rt = docx_text(annex), docx_text(review)
        check("瀏覽器測試開發案" in at, "the annex has the tender's title")
        check(chosen[:24] in at, "the chosen ◎ row (dev-20: %s) is in the annex" % chosen[:24])
        check(REASON not in at, "the reason is not in the public annex")
        check(REASON in rt, "the reason is in the review")
        check("中華民國115年12月1日" in at or "115年12月1日" in at, "the annex has the date typed in 民國 form")
        shutil.copy(annex, os.path.join(art, "serve-annex.docx"))
        env_cli = dict(env)

        def cli(*args):
            return subprocess.run([secannex] + list(args), capture_output=True, text=True, env=env_cli,
                                  check=True).stdout

        # grading by the four 附表九 dimensions: each criterion verbatim, the grade as secannex grade
        export = json.loads(cli("export", "--format", "json"))
        drv.find_element(By.CSS_SELECTOR, "input[name=grade-by][value=dims]").click()
        for f, g in (("confidentiality", "normal"), ("integrity", "high"), ("availability", "medium"),
                     ("legal", "normal")):
            drv.find_element(By.ID, "dim-%s-%s" % (f, g)).click()
        want = json.loads(cli("grade", "--confidentiality", "普", "--integrity", "高", "--availability", "中",
                              "--legal", "普", "--format", "json"))
        shown = wait_for(lambda: drv.find_element(By.ID, "grade-result").get_attribute("data-grade") == want["name"]
                         and drv.find_element(By.ID, "grade-result").text, "the grade of the dimensions")
        check(want["name"] == "高" and "系統防護需求等級：高" in shown and "完整性" in shown,
              "the grade shown is secannex grade's (%s): %s" % (want["name"], shown))
        dims = drv.find_element(By.ID, "dims").text
        check(all(d[g] in dims for d in export["grading"]["dimensions"] for g in ("high", "medium", "normal")),
              "every 附表九 criterion is shown verbatim beside its choice")
        wait_for(lambda: "等級「高」" in drv.find_element(By.ID, "counts").text, "the table resolved at 高")
        check("等級「高」" in drv.find_element(By.ID, "counts").text, "the table is resolved with that grade")
        drv.execute_script("document.getElementById('tender').scrollIntoView()")
        drv.save_screenshot(os.path.join(art, "serve-grade.png"))
        # a row's 附表十 controls expanded: secannex baseline's text at the tender's grade
        ac = json.loads(cli("baseline", "--grade", "高", "--area", "ac", "--format", "json"))
        summ = wait_for(lambda: drv.find_element(By.CSS_SELECTOR, "#row-dev-13 details summary"), "dev-13's controls")
        summ.click()
        det = wait_for(lambda: drv.find_element(By.CSS_SELECTOR, "#row-dev-13 details").text, "dev-13 expanded")
        check(all(c["text"] in det for c in ac), "dev-13's 附表十 controls (%d, grade 高) are shown" % len(ac))
        drv.execute_script("document.getElementById('row-dev-12').scrollIntoView()")
        drv.save_screenshot(os.path.join(art, "serve-controls.png"))
        # the catalog browser
        drv.find_element(By.ID, "tab-browse").click()
        dev13 = [i for t in export["types"] if t["id"] == "dev" for i in t["items"] if i["id"] == "dev-13"][0]
        row = wait_for(lambda: drv.find_element(By.ID, "b-row-dev-13").text, "the browser's dev-13")
        check(dev13["text"] in row and "存取控制" in row, "the catalog browser shows dev-13 verbatim")
        Select(drv.find_element(By.ID, "b-grade")).select_by_value("高")
        wait_for(lambda: ac[0]["text"] in drv.find_element(By.ID, "b-baseline").text, "附表十 at 高")
        check(ac[-1]["text"] in drv.find_element(By.ID, "b-baseline").text, "the browser's 附表十 at 高")
        Select(drv.find_element(By.ID, "b-level")).select_by_visible_text("A")
        duties = json.loads(cli("duties", "--level", "A", "--kind", "public", "--format", "json"))
        wait_for(lambda: duties["title"] in drv.find_element(By.ID, "b-duties-title").text, "附表一")
        dt = drv.find_element(By.ID, "b-duties").text
        check(all(c["text"] in dt for i in duties["items"] for c in i["content"]) and
              all(x["name"] in dt and all(c["text"] in dt for c in x["content"])
                  for i in duties["items"] for x in i["details"]) and
              all(r["text"] in drv.find_element(By.ID, "b-duties-remarks").text for r in duties["remarks"]),
              "the browser's duties of an A-level 公務機關 (%s) verbatim" % duties["label"])
        drv.execute_script("window.scrollTo(0, 0)")
        drv.save_screenshot(os.path.join(art, "serve-browse.png"))
        drv.execute_script("document.getElementById('b-grade').scrollIntoView()")
        drv.save_screenshot(os.path.join(art, "serve-browse-baseline.png"))
        drv.execute_script("document.getElementById('b-duties-title').scrollIntoView()")
        drv.save_screenshot(os.path.join(art, "serve-browse-duties.png"))
        # the diff page: two catalogs uploaded, the 修正對照表 downloaded
        drv.find_element(By.ID, "tab-diff").click()
        drv.find_element(By.ID, "diff-old").send_keys(os.path.join(srcdir, "catalog", "procurement.xml"))
        drv.find_element(By.ID, "diff-new").send_keys(os.path.join(srcdir, "samples", "catalog-tailored.xml"))
        Select(drv.find_element(By.ID, "diff-format")).select_by_value("docx")
        drv.find_element(By.ID, "diff-go").click()
        table = os.path.join(dl, "修正對照表.docx")
        wait_for(lambda: os.path.exists(table), "修正對照表.docx downloaded")
        time.sleep(0.5)
        drv.save_screenshot(os.path.join(art, "serve-diff.png"))
        check(valid_docx(table, srcdir, tmp), "the 修正對照表 is schema-valid")
        tt = docx_text(table)
        check("廠商應每半年提供系統弱點修補執行情形報告" in tt and "修正規定" in tt,
              "the 修正對照表 has the added row dev-59")
        shutil.copy(table, os.path.join(art, "serve-table.docx"))
        # ... and the catalog's redline (一覽表追蹤修訂文件): tracked changes, schema-valid
        Select(drv.find_element(By.ID, "diff-doc")).select_by_value("catalog")
        drv.find_element(By.ID, "diff-go").click()
        redline = os.path.join(dl, "一覽表追蹤修訂文件.docx")
        wait_for(lambda: os.path.exists(redline), "一覽表追蹤修訂文件.docx downloaded")
        time.sleep(0.5)
        check(valid_docx(redline, srcdir, tmp), "the redline is schema-valid")
        with zipfile.ZipFile(redline) as z:
            check("<w:ins " in z.read("word/document.xml").decode("utf-8"), "the redline has tracked insertions")
        # a file that is not a catalog: the server's error on the page, nothing downloaded
        drv.find_element(By.ID, "diff-new").send_keys(os.path.join(srcdir, "samples", "profile-dev.xml"))
        Select(drv.find_element(By.ID, "diff-doc")).select_by_value("table")
        before = set(os.listdir(dl))
        drv.find_element(By.ID, "diff-go").click()
        wait_for(lambda: drv.find_element(By.ID, "diff-status").get_attribute("class") == "error",
                 "the diff's error")
        check(drv.find_element(By.ID, "diff-status").text and set(os.listdir(dl)) == before,
              "a profile as the new catalog: an error shown (%s), nothing downloaded" %
              drv.find_element(By.ID, "diff-status").text[:60])
    finally:
        if drv:
            drv.quit()
        server.send_signal(signal.SIGTERM)
        rc = server.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)
    check(rc == 0, "the server stopped cleanly (exit 0)")
    print("%d failed" % len(fails))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
