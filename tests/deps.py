# deps.py: the src/lib modules form a one-way hierarchy: built from the library's symbol tables
# (nm), the graph "module A calls or reads a symbol that module B defines" must have no circle.
# Run by `make check` (LIBSECANNEX: the built src/libsecannex.a); prints each circle and the
# symbols that make it, and the modules in dependency order (lowest first) when there is none.
import os
import subprocess
import sys

lib = os.environ.get("LIBSECANNEX") or (sys.argv[1] if len(sys.argv) > 1 else "")
if not lib or not os.path.exists(lib):
    print("deps.py: no library to read (set LIBSECANNEX)")
    sys.exit(1)
out = subprocess.run(["nm", "-A", lib], check=True, capture_output=True, text=True).stdout
defined, used = {}, {}
for line in out.splitlines():
    # archive:member.o:[value] TYPE symbol
    parts = line.split(":", 2)
    if len(parts) < 3:
        continue
    mod = os.path.splitext(parts[1])[0]
    fields = parts[2].split()
    if len(fields) < 2:
        continue
    kind, sym = fields[-2], fields[-1]
    used.setdefault(mod, set())
    if kind == "U":
        used[mod].add(sym)
    elif kind.isupper():
        defined[sym] = mod
edges = {m: {} for m in used}
for m, syms in used.items():
    for s in syms:
        d = defined.get(s)
        if d and d != m:
            edges[m].setdefault(d, []).append(s)

# Tarjan's strongly connected components: every component of more than one module is a circle
index, low, stack, on, comps = {}, {}, [], set(), []
sys.setrecursionlimit(10000)


def visit(v):
    index[v] = low[v] = len(index)
    stack.append(v)
    on.add(v)
    for w in sorted(edges[v]):
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop()
            on.discard(w)
            comp.append(w)
            if w == v:
                break
        comps.append(comp)


for v in sorted(edges):
    if v not in index:
        visit(v)
circles = [sorted(c) for c in comps if len(c) > 1]
for c in circles:
    print("FAIL: a dependency circle among: " + " ".join(c))
    for a in c:
        for b in c:
            if b in edges[a]:
                print("  %s -> %s (%s)" % (a, b, ", ".join(sorted(edges[a][b])[:4])))
if not circles:
    # Tarjan emits components in reverse topological order: lowest modules first
    print("modules, lowest first: " + " ".join(c[0] for c in comps))
checks = 1 + len(edges)
print("%d passed, %d failed" % (checks - len(circles), len(circles)))
sys.exit(1 if circles else 0)
