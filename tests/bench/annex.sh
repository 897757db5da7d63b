#!/bin/sh
# annex.sh: benchmark of secannex generate: all 54 type × grade × format annexes, REPEAT times.
# Prints the total per round (median), the per-document median, the peak RSS, and the same annexes
# made the baseline way: `secannex resolve --format md | pandoc -o X.docx` (the named baseline),
# with the ratio baseline / secannex.  Never part of the test suite's pass/fail.
# Usage: tests/bench/annex.sh [SECANNEX] [REPEAT]   (run from the source tree after a build)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
SECANNEX=${1:-${SECANNEX:-$top/secannex}}
REPEAT=${2:-5}
export SECANNEX_DATADIR=${SECANNEX_DATADIR:-$top/catalog}
unset SOURCE_DATE_EPOCH
python3 - "$SECANNEX" "$REPEAT" <<'PY'
import os, resource, statistics, subprocess, sys, tempfile, time
exe, repeat = sys.argv[1], int(sys.argv[2])
types = ["saas", "saas-office", "saas-custom", "paas", "sec-planning", "sys-planning", "dev",
         "extension", "maintenance"]
jobs = [(t, g) for t in types for g in ("high", "medium", "normal")]
tmp = tempfile.mkdtemp()

def run(cmd, **kw):
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    return time.perf_counter() - t0

def secannex_round():
    per = []
    for t, g in jobs:
        for fmt in ("odt", "docx"):
            per.append(run([exe, "generate", "--type", t, "--grade", g, "--level", "C",
                            "--scan-risk", "高", "-o", os.path.join(tmp, "%s-%s.%s" % (t, g, fmt))]))
    return per

def baseline_round():
    per = []
    for t, g in jobs:
        md = os.path.join(tmp, "%s-%s.md" % (t, g))
        for fmt in ("odt", "docx"):
            t0 = time.perf_counter()
            with open(md, "wb") as f:
                subprocess.run([exe, "resolve", "--type", t, "--grade", g, "--level", "C",
                                "--scan-risk", "高", "--format", "md"], check=True, stdout=f)
            subprocess.run(["pandoc", "-f", "markdown", md, "-o",
                            os.path.join(tmp, "b-%s-%s.%s" % (t, g, fmt))], check=True)
            per.append(time.perf_counter() - t0)
    return per

rounds, per_doc = [], []
rss0 = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
for _ in range(repeat):
    per = secannex_round()
    rounds.append(sum(per))
    per_doc += per
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
b_rounds, b_doc = [], []
for _ in range(repeat):
    per = baseline_round()
    b_rounds.append(sum(per))
    b_doc += per
m, bm = statistics.median(rounds), statistics.median(b_rounds)
print("secannex generate, 54 annexes (9 types x 3 grades x odt/docx), %d rounds" % repeat)
print("  total per round: median %.3f s (min %.3f, max %.3f)" % (m, min(rounds), max(rounds)))
print("  per document:    median %.1f ms" % (1000 * statistics.median(per_doc)))
print("  peak RSS of one secannex process: %d KiB" % max(rss, rss0))
print("baseline: secannex resolve --format md | pandoc -o annex.{odt,docx}")
print("  total per round: median %.3f s; per document median %.1f ms" %
      (bm, 1000 * statistics.median(b_doc)))
print("ratio baseline / secannex (median round): %.1fx" % (bm / m))
PY
