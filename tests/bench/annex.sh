#!/bin/sh
# annex.sh: the benchmark of issue 14, side by side in one run: the process floor (/bin/true),
# `secannex --version`, `types`, `generate` of the development sample's annex (DOCX, ODT), and the
# named baseline, pandoc alone turning the same annex (`secannex resolve --format md`, made once
# beforehand) into a DOCX; the in-process cost per annex (bench_annex: the library, catalogs loaded
# once); the scaling to a catalog with ten times the rows (tests/bench/scale.py); and what a page
# fault costs on the machine (tests/bench/faultcost).  Every
# command runs once per round, the rounds interleaved, so that a busy machine slows them alike;
# it prints medians of the wall time and of the CPU time (user + system) of each run, the peak RSS,
# the ratios, and the load average before and after.  Never part of the test suite's pass/fail.
#
# Usage: tests/bench/annex.sh [BUILDDIR] [ROUNDS]      (BUILDDIR: where secannex and
#        tests/bench/bench_annex were built; default the source tree; ROUNDS default 21)
# BASE=OLD-BUILDDIR measures that build too, in the same rounds (a before/after comparison); its
# bench_annex is taken when it has one (build it from this file's tests/bench/bench_annex.c with
# -DSECANNEX_BENCH_OLD_API for a library without load flags).
# Each build reads its built-in data directory (SECANNEX_DATADIR is unset): the shipped catalogs.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$top}
ROUNDS=${2:-21}
unset SECANNEX_DATADIR SOURCE_DATE_EPOCH
exec python3 - "$top" "$BUILD" "$ROUNDS" "${BASE:-}" <<'PY'
import os, re, shutil, statistics, subprocess, sys, tempfile, time

top, build, rounds, base = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
tmp = tempfile.mkdtemp(prefix="secannex-bench-")
# every document written goes to a tmpfs when there is one, so that the figures are the program's
# work, not the disk's: the atomic write's fsync takes 0.6 to 6 ms on these machines' ext4
shm = tempfile.mkdtemp(prefix="secannex-bench-", dir="/dev/shm") if os.access("/dev/shm", os.W_OK) \
    else tmp
profile = os.path.join(top, "samples", "profile-dev.xml")
builds = [("", build)] + ([("before: ", base)] if base else [])


def exe(b):
    return os.path.join(b, "secannex")


def run(cmd, stdout=subprocess.DEVNULL):
    """One run: (wall seconds, cpu seconds), or None when it fails."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    return wall, ru.ru_utime + ru.ru_stime


# the inputs: the annex as Markdown for pandoc, the catalogs with one and ten times the rows
md = os.path.join(tmp, "annex.md")
with open(md, "wb") as f:
    subprocess.run([exe(build), "resolve", "--profile", profile, "--format", "md"], stdout=f,
                   check=True)
one, ten = os.path.join(tmp, "one"), os.path.join(tmp, "ten")
for d in (one, ten):
    os.mkdir(d)
    for name in ("regulation.xml", "procurement.rng", "regulation.rng", "profile.rng"):
        shutil.copy(os.path.join(top, "catalog", name), d)
shutil.copy(os.path.join(top, "catalog", "procurement.xml"), one)
with open(os.path.join(ten, "procurement.xml"), "wb") as f:
    subprocess.run([sys.executable, os.path.join(top, "tests", "bench", "scale.py"), "10",
                    os.path.join(top, "catalog", "procurement.xml")], stdout=f, check=True)

gen = ["generate", "--profile", profile, "--draft"]
cmds = [("/bin/true", ["/bin/true"])]
for label, b in builds:
    s = exe(b)
    cmds += [
        (label + "secannex --version", [s, "--version"]),
        (label + "secannex types", [s, "types"]),
        (label + "secannex generate -o annex.docx", [s] + gen + ["-o", os.path.join(shm, "a.docx")]),
        (label + "secannex generate -o annex.odt", [s] + gen + ["-o", os.path.join(shm, "a.odt")]),
        (label + "generate --catalog 1x (every check)",
         [s] + gen + ["--catalog", os.path.join(one, "procurement.xml"), "-o", os.path.join(shm, "1.docx")]),
        (label + "generate --catalog 10x (every check)",
         [s] + gen + ["--catalog", os.path.join(ten, "procurement.xml"), "-o", os.path.join(shm, "10.docx")]),
    ]
cmds.append(("pandoc annex.md -o annex.docx (baseline)",
             ["pandoc", "-f", "markdown", md, "-o", os.path.join(shm, "p.docx")]))

# one untimed run each (warm caches); a command that fails is left out (an old build cannot read
# three-digit row ids: the 10x catalog)
failed = [label for label, cmd in cmds if run(cmd) is None]
cmds = [(label, cmd) for label, cmd in cmds if label not in failed]
load0 = os.getloadavg()
res = {label: [] for label, _ in cmds}
for _ in range(rounds):
    for label, cmd in cmds:
        r = run(cmd)
        if r is None:
            sys.exit("annex.sh: failed: " + " ".join(cmd))
        res[label].append(r)
load1 = os.getloadavg()


# the peak RSS of each command, apart: ru_maxrss of a child forked from this Python process would
# count Python's own pages, so GNU time (a small process) measures it
rss = {}
if os.path.exists("/usr/bin/time"):
    for label, cmd in cmds:
        r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
        rss[label] = int(r.stderr.strip().splitlines()[-1])


def med(label, i):
    if label not in res:
        return float("nan")
    return statistics.median(r[i] for r in res[label])


print("machine: %d CPUs; load average %.2f %.2f %.2f before, %.2f %.2f %.2f after" %
      ((os.cpu_count() or 0,) + load0 + load1))
# what a fresh page costs here (tests/bench/faultcost): memory touched is time on these machines
fc = os.path.join(build, "tests", "bench", "faultcost")
if os.path.exists(fc):
    print(subprocess.run([fc], capture_output=True, text=True).stdout.strip())
print("%d rounds, interleaved; medians; cpu = user + system time of the process; peak RSS by GNU "
      "time; documents written to %s\n" % (rounds, "a tmpfs" if shm != tmp else tmp))
print("%-46s %10s %10s %10s" % ("command", "wall", "cpu", "peak RSS"))
for label, _ in cmds:
    print("%-46s %7.1f ms %7.1f ms %7.1f MB" % (label, 1e3 * med(label, 0), 1e3 * med(label, 1),
                                                 rss.get(label, float("nan")) / 1024))
for label in failed:
    print("%-46s    (fails: left out)" % label)

pd = "pandoc annex.md -o annex.docx (baseline)"
print()
for label, _ in builds:
    v, g, o = label + "secannex --version", label + "secannex generate -o annex.docx", \
        label + "secannex generate -o annex.odt"
    one_l, ten_l = label + "generate --catalog 1x (every check)", label + "generate --catalog 10x (every check)"
    print("%sgenerate DOCX / --version: wall %.2fx, cpu %.2fx (goal <= 1.5x)" %
          (label, med(g, 0) / med(v, 0), med(g, 1) / med(v, 1)))
    print("%sgenerate ODT  / --version: wall %.2fx, cpu %.2fx" %
          (label, med(o, 0) / med(v, 0), med(o, 1) / med(v, 1)))
    print("%spandoc / generate DOCX:   wall %.1fx, cpu %.1fx (goal >= 15x)" %
          (label, med(pd, 0) / med(g, 0), med(pd, 1) / med(g, 1)))
    print("%s10x rows / 1x rows (generate --catalog): wall %.2fx, cpu %.2fx (goal <= 10x)" %
          (label, med(ten_l, 0) / med(one_l, 0), med(ten_l, 1) / med(one_l, 1)))

# in-process: the library, catalogs loaded once; each build's bench_annex run 5 times, the builds
# alternating, and the medians of its medians printed
print()
print("in-process (tests/bench/bench_annex, 5 runs per line, builds alternating; annexes written "
      "to %s)" % ("a tmpfs" if shm != tmp else tmp))
runs = [("shipped catalogs, DOCX", ["-l", "-s", "-n", "100"]), ("shipped catalogs, ODT", ["-f", "odt", "-s", "-n", "100"]),
        ("10x rows, DOCX", ["-l", "-s", "-d", ten, "-n", "20"])]
got = {}
for _ in range(5):
    for what, args in runs:
        for label, b in builds:
            bench = os.path.join(b, "tests", "bench", "bench_annex")
            if not os.path.exists(bench):
                continue
            r = subprocess.run([bench, "-o", shm, "-p", profile] + args, capture_output=True, text=True)
            for line in r.stdout.splitlines() if r.returncode == 0 else []:
                m = re.match(r"(load|annex)\S*.*wall median ([0-9.]+) ms, cpu median ([0-9.]+) ms", line)
                if m:
                    got.setdefault((label, what, m.group(1)), []).append((float(m.group(2)),
                                                                          float(m.group(3))))
for what, _ in runs:
    for label, b in builds:
        for kind in ("load", "annex"):
            v = got.get((label, what, kind))
            if v:
                print("%s%-24s %-6s wall %7.3f ms, cpu %7.3f ms" % (label, what, kind,
                      statistics.median(x[0] for x in v), statistics.median(x[1] for x in v)))
            elif kind == "annex":
                print("%s%-24s fails or no bench_annex (left out)" % (label, what))
shutil.rmtree(tmp)
if shm != tmp:
    shutil.rmtree(shm)
PY
