# serve.py: the page of secannex serve in a real browser (Debian's chromium, headless, through
# chromium-driver and python3-selenium):
#   python3 tests/browser/serve.py SECANNEX SRCDIR [ARTEFACT-DIR]
# fills the form for a development tender, ticks a ◎ row, leaves out a ● row with a reason,
# confirms the ▲ row, downloads the DOCX annex and the review, and checks them: schema-valid (the
# same xmllint checks as tests/cli/setup.sh), the chosen row present, the reason absent from the
# annex and present in the review.  A screenshot of the page is kept in ARTEFACT-DIR (default:
# the current directory).  Exit 77 (skipped, visibly) where chromium, its driver or selenium is
# missing; tests/run-all.sh runs it, never make check.
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
        shutil.copy(annex, os.path.join(art, "serve-annex.docx"))
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
