# serve.py: the load bench of secannex serve (never part of make check: timings are no test).
#   python3 tests/bench/serve.py [--clients N] [--requests M] [--secannex PATH] [--single K]
# starts `secannex serve --listen 127.0.0.1:0`, then
#   1. single client, one keep-alive connection: K resolves and K DOCX annexes (samples/profile-dev.xml),
#      p50/p99 latency of each;
#   2. N concurrent clients (threads, one keep-alive connection each) x M requests, alternately
#      resolve and generate (annex DOCX): requests per second, failures;
# twice, and prints the server's resident memory (VmRSS) before the load and after each round.  Exit
# 1 on any failed request, when the server dies, or when the second round adds over 10% to the RSS.
import argparse
import http.client
import os
import re
import signal
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.normpath(os.path.join(HERE, "..", ".."))
HDRS = {"X-Secannex-Request": "1", "Content-Type": "application/xml"}
GEN = "/api/generate?document=annex&format=docx"


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def post(conn, path, body):
    conn.request("POST", path, body=body, headers=HDRS)
    r = conn.getresponse()
    data = r.read()
    return r.status, data


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]


def single(port, body, k):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    out = {}
    for name, path in (("resolve", "/api/resolve"), ("annex docx", GEN)):
        times = []
        for _ in range(k):
            t = time.perf_counter()
            status, _ = post(conn, path, body)
            times.append((time.perf_counter() - t) * 1000)
            if status != 200:
                raise SystemExit("single client: %s answered %d" % (path, status))
        out[name] = (pct(times, 50), pct(times, 99))
    conn.close()
    return out


def load(port, body, n, m):
    fails = []
    start = threading.Barrier(n + 1)

    def client(i):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        start.wait()
        for j in range(m):
            path = "/api/resolve" if (i + j) % 2 == 0 else GEN
            try:
                status, _ = post(conn, path, body)
                if status != 200:
                    fails.append(status)
            except Exception as e:  # noqa: BLE001 (every failure counts)
                fails.append(repr(e))
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    return time.perf_counter() - t0, fails


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--requests", type=int, default=20)
    ap.add_argument("--single", type=int, default=200)
    ap.add_argument("--secannex", default=os.environ.get("SECANNEX", "./secannex"))
    a = ap.parse_args()
    with open(os.path.join(SRC, "samples", "profile-dev.xml"), "rb") as f:
        body = f.read()
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", SECANNEX_DATADIR=os.path.join(SRC, "catalog"))
    p = subprocess.Popen([a.secannex, "serve", "--listen", "127.0.0.1:0"], stdout=subprocess.PIPE,
                         env=env, text=True)
    m = re.search(r"http://127\.0\.0\.1:(\d+)/", p.stdout.readline())
    if not m:
        p.kill()
        raise SystemExit("the server did not start")
    port = int(m.group(1))
    try:
        lat = single(port, body, 10)  # warm-up
        lat = single(port, body, a.single)
        rss0 = rss_kib(p.pid)
        secs, fails = load(port, body, a.clients, a.requests)
        rss1 = rss_kib(p.pid)
        # a second round: memory settles (glibc's per-thread arenas, libxml2's caches), it does not grow
        secs2, fails2 = load(port, body, a.clients, a.requests)
        fails += fails2
        rss2 = rss_kib(p.pid)
        alive = p.poll() is None
    finally:
        p.send_signal(signal.SIGTERM)
        rc = p.wait(timeout=30)
    total = a.clients * a.requests
    print("single client, %d requests each, keep-alive:" % a.single)
    for name, (p50, p99) in lat.items():
        print("  %-11s p50 %.2f ms  p99 %.2f ms" % (name, p50, p99))
    print("load: %d clients x %d requests (resolve / annex docx alternately): %d in %.2f s = %.0f requests/s, "
          "%d failed" % (a.clients, a.requests, total, secs, total / secs, len(fails)))
    print("second round: %.2f s = %.0f requests/s" % (secs2, total / secs2))
    print("resident memory: %d KiB before the load, %d KiB after it (%+.1f%%), %d KiB after the second "
          "round (%+.1f%% on the first)" % (rss0, rss1, 100.0 * (rss1 - rss0) / rss0, rss2,
                                            100.0 * (rss2 - rss1) / rss1))
    print("server exit after SIGTERM: %d" % rc)
    if fails:
        print("failures: %s" % fails[:10])
    # the tolerance: the second round adds at most 10% to what the first left
    settled = rss2 <= rss1 * 1.10
    if not settled:
        print("resident memory grew by more than 10% in the second round")
    return 0 if not fails and alive and rc == 0 and settled else 1


if __name__ == "__main__":
    sys.exit(main())
