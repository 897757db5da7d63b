# checksrc.py: the code-style checker; enforces the rules written in README.md ("Code style").
# Run by `make check` (and by hand: python3 tests/checksrc.py [SRCDIR]).  Each breach is printed as
# FILE:LINE: rule: what, and the exit status is 1 when there is any.
import glob
import os
import re
import sys
import unicodedata

top = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SRCDIR") or \
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
MAX_COLS = 110
MAX_FUNC_LINES = 80
BANNED = ("sprintf", "vsprintf", "strcpy", "strcat", "strncpy", "strncat", "gets", "strtok",
          "atoi", "atol", "atof", "alloca", "rand", "tmpnam", "mktemp")
ALLOCATORS = ("malloc", "calloc", "realloc", "strdup", "strndup")
problems = []


def report(path, line, rule, what):
    problems.append("%s:%d: %s: %s" % (os.path.relpath(path, top), line, rule, what))


def columns(text):
    col = 0
    for ch in text:
        if ch == "\t":
            col = (col // 8 + 1) * 8
        else:
            col += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return col


STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
COMMENT = re.compile(r"/\*.*?\*/|//.*$")


def code_only(line):
    """The line with string literals emptied and comments dropped (rules look at code, not text)."""
    return COMMENT.sub("", STRING.sub('""', line))


def check_file(path):
    name = os.path.basename(path)
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        report(path, raw[:e.start].count(b"\n") + 1, "utf-8", "the file is not UTF-8")
        return
    lines = text.split("\n")
    if not lines[0].startswith("/* %s: " % name):
        report(path, 1, "first-line", 'a file starts with "/* %s: what it owns"' % name)
    if not text.endswith("\n"):
        report(path, len(lines), "final-newline", "the file does not end with a newline")
    lib = os.sep + "lib" + os.sep in path and path.endswith(".c")
    in_comment = False
    for n, line in enumerate(lines, 1):
        if "\r" in line:
            report(path, n, "crlf", "carriage return")
        if line != line.rstrip():
            report(path, n, "trailing-space", "whitespace at the end of the line")
        indent = line[:len(line) - len(line.lstrip(" \t"))]
        if " \t" in indent:
            report(path, n, "indent", "a tab after a space in the indentation")
        if indent.startswith(" " * 8):
            report(path, n, "indent", "indent with tabs (eight spaces found)")
        # text inside a comment is never code
        code = line
        if in_comment:
            end = code.find("*/")
            if end < 0:
                continue
            code = code[end + 2:]
            in_comment = False
        code = code_only(code)
        if "/*" in code:
            code = code[:code.index("/*")]
            in_comment = True
        if columns(line) > MAX_COLS and columns(STRING.sub('""', line)) > MAX_COLS:
            report(path, n, "width", "%d columns (at most %d, string literals aside)"
                   % (columns(line), MAX_COLS))
        for fn in BANNED:
            if re.search(r"(?<![\w.>])%s\s*\(" % fn, code):
                report(path, n, "banned", "%s() (see README: Code style)" % fn)
        if lib and name != "buf.c":
            for fn in ALLOCATORS:
                if re.search(r"(?<![\w.>])%s\s*\(" % fn, code):
                    report(path, n, "allocator", "%s(): use sx_%s (the one OOM policy, buf.h)"
                           % (fn, fn))


def headers_text():
    out = []
    for h in glob.glob(os.path.join(top, "src", "**", "*.h"), recursive=True):
        with open(h, encoding="utf-8") as f:
            out.append(f.read())
    return "\n".join(out)


def check_definitions(path, headers):
    """Library functions: file-local ones are static and S_-prefixed, the others are declared."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for n in range(1, len(lines)):
        m = re.match(r"([A-Za-z_]\w*)\(", lines[n])
        if not m or lines[n - 1].startswith(("#", " ", "\t")) or lines[n - 1].endswith(";"):
            continue
        fn = m.group(1)
        if lines[n - 1].startswith("static"):
            if not fn.startswith("S_"):
                report(path, n + 1, "static-prefix", "file-local %s() is named S_%s" % (fn, fn))
        elif not re.search(r"\b%s\s*\(" % re.escape(fn), headers):
            report(path, n + 1, "undeclared", "%s() is neither static nor in a header" % fn)


def check_function_lengths(path):
    """A function body (between the { and the } in column 0) has at most MAX_FUNC_LINES lines."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    start = name = None
    for n, line in enumerate(lines):
        if line.startswith("{") and n > 0:
            k = n - 1
            while k > 0 and "(" not in lines[k]:
                k -= 1
            m = re.match(r"\s*\**\s*([A-Za-z_]\w*)\s*\(", lines[k])
            start, name = n, m.group(1) if m else "?"
        elif line.startswith("}") and start is not None:
            body = n - start - 1
            if body > MAX_FUNC_LINES:
                report(path, start + 1, "function-length", "%s() has %d lines (at most %d: split it)"
                       % (name, body, MAX_FUNC_LINES))
            start = None


def check_public_header(path):
    """Every declaration in the public header has a /** */ comment right above it."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for n, line in enumerate(lines):
        if not re.match(r"[A-Za-z_][\w\s\*]*\b(secannex_\w+)\s*\(", line):
            continue
        k = n - 1
        while k >= 0 and lines[k].startswith(("\t", " ")) is False and lines[k].strip() and \
                not lines[k].rstrip().endswith("*/"):
            k -= 1  # a declaration spread over several lines
        if k < 0 or not lines[k].rstrip().endswith("*/"):
            report(path, n + 1, "doc-comment", "a public function without a /** */ comment")
            continue
        j = k
        while j >= 0 and "/*" not in lines[j]:
            j -= 1
        if j < 0 or "/**" not in lines[j]:
            report(path, n + 1, "doc-comment", "the comment above is not a /** */ comment")


def main():
    files = sorted(glob.glob(os.path.join(top, "src", "**", "*.[ch]"), recursive=True) +
                   glob.glob(os.path.join(top, "tests", "**", "*.[ch]"), recursive=True))
    if not files:
        print("checksrc: no sources under %s" % top, file=sys.stderr)
        return 2
    for f in files:
        check_file(f)
    headers = headers_text()
    for f in sorted(glob.glob(os.path.join(top, "src", "lib", "*.c"))):
        check_definitions(f, headers)
    for f in sorted(glob.glob(os.path.join(top, "src", "**", "*.c"), recursive=True)):
        check_function_lengths(f)
    check_public_header(os.path.join(top, "src", "secannex.h"))
    for p in problems:
        print(p)
    print("checksrc: %d files, %d problems" % (len(files), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
