#!/usr/bin/python3
# l10n.py: a CLI test's English expectation, translated through po/LANG.po, checked against a file.
"""Usage: l10n.py same|has|lacks FILE TEXT  (the language: $TEST_LANG, the catalogs: $SRCDIR/po)

The CLI tests state what secannex says in English.  Run in another language (TEST_LANG), setup.sh
hands every check of a captured standard error here: each message of TEXT is matched against the
msgids of the language's .po file (each conversion a capture), and the msgstr, with the captured
values put back in their places (positional %2$s too), is what the file must hold.  A value that
is itself translated by secannex is translated here the same way: a list of formats ("odt, docx
or csv"), a few words given as arguments ("annex", "a tender"), a message of the catalog given
whole, and the C library's own messages (strerror).  same: the file is exactly the translated TEXT; has: it contains it (TEXT may be a
fragment of a message: the message's other values are then wildcards); lacks: it does not.
Exit 0 when the check holds, 1 (with what was expected) when not, 2 on a usage error."""
import gettext
import os
import re
import sys

CONV = re.compile(r"%(?:(\d+)\$)?([-+ #0]*)(\d+|\*)?(?:\.(\d+|\*))?(hh|h|ll|l|z|j|t|L)?([diouxXeEfgGcsp%])")
# the msgids secannex passes translated as the argument of another message
ARG_MSGIDS = {"annex", "table", "redline", "a tender", "a catalog diff"}
MIN_LITERAL = 6  # a fragment must share this many characters with a message's own words


def unescape(s):
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(m.group(1), m.group(1)), s)


def read_po(path):
    """The translated, non-fuzzy entries of PATH: {msgid: msgstr}."""
    out = {}
    for block in open(path, encoding="utf-8").read().split("\n\n"):
        if re.search(r"^#,.*\bfuzzy\b", block, re.M):
            continue
        fields, cur = {}, None
        for line in block.split("\n"):
            m = re.match(r'^(msgid|msgstr) "(.*)"$', line)
            if m:
                cur = m.group(1)
                fields[cur] = unescape(m.group(2))
            elif line.startswith('"') and cur:
                fields[cur] += unescape(line[1:-1])
            else:
                cur = None
        if fields.get("msgid") and fields.get("msgstr"):
            out[fields["msgid"]] = fields["msgstr"]
    return out


def value_re(m):
    """The regular expression of what conversion M prints."""
    conv, flags = m.group(6), m.group(2)
    if conv in "diu":
        return r"(\s*-?\d+)" if m.group(3) or " " in flags else r"(-?\d+)"
    if conv in "xXo":
        return r"(\s*[0-9A-Fa-f]+)"
    if conv in "eEfgG":
        return r"(\s*-?[0-9.e+-]+)"
    if conv == "c":
        return r"(.)"
    return r"(.*?)"


def pieces(msgid):
    """MSGID as [literal, conversion, literal, ..., literal] (%% folded into the literals)."""
    lits, convs, pos = [""], [], 0
    for m in CONV.finditer(msgid):
        lits[-1] += msgid[pos:m.start()]
        pos = m.end()
        if m.group(6) == "%":
            lits[-1] += "%"
            continue
        convs.append(m)
        lits.append("")
    lits[-1] += msgid[pos:]
    return lits, convs


class Catalog:
    def __init__(self, lang, podir):
        self.t = read_po(os.path.join(podir, lang.split(".")[0] + ".po"))
        self.libc = gettext.translation("libc", languages=[lang.split(".")[0]], fallback=True)
        self.sep = self.t.get(", ", ", ")
        self.orr = self.t.get(" or ", " or ")
        # the messages worth matching: some words of their own (not "%s:%d: %s"), longest first
        self.ids = sorted((k for k in self.t if len(re.findall(r"\w", "".join(pieces(k)[0]))) >= 2),
                          key=lambda k: -len("".join(pieces(k)[0])))

    def arg(self, v):
        """A captured value as secannex prints it translated."""
        if v in ARG_MSGIDS and v in self.t:
            return self.t[v]
        if re.fullmatch(r"[\w.]+(?:, [\w.]+)* or [\w.]+", v):
            head, last = v.rsplit(" or ", 1)
            return self.sep.join(head.split(", ")) + self.orr + last
        msg = self.message(v) if " " in v else None  # a message given whole as the value
        if msg is not None:
            return msg
        return self.libc.gettext(v) if v else v

    def fill(self, msgid, vals):
        """MSGID's msgstr with VALS (one per conversion of the msgid; None: unknown, a wildcard)
        put in; returns (text, regex)."""
        text, rx, pos, seq = "", "", 0, 0
        msgstr = self.t[msgid]
        for m in CONV.finditer(msgstr):
            lit = msgstr[pos:m.start()]
            text, rx, pos = text + lit, rx + re.escape(lit), m.end()
            if m.group(6) == "%":
                text, rx = text + "%", rx + "%"
                continue
            n = int(m.group(1)) - 1 if m.group(1) else seq
            seq += 1
            v = vals[n] if n < len(vals) else None
            if v is None:
                text, rx = text + "…", rx + ".*?"
            elif isinstance(v, tuple):  # a value cut by the fragment's edge: (side, part)
                text += v[1]
                rx += (".*" + re.escape(v[1])) if v[0] == "tail" else (re.escape(v[1]) + ".*")
            else:
                text, rx = text + self.arg(v), rx + re.escape(self.arg(v))
        lit = msgstr[pos:]
        return text + lit, rx + re.escape(lit)

    def hinted(self, s):
        """S, a message with a "did you mean" hint after it ("…; did you mean: X?"), translated as
        secannex joins the two (SX_MSG_WITH_HINT), the names of the hint listed its way
        (SX_MSG_HINT_LIST); None when S has no hint."""
        m = re.fullmatch(r"(.*); did you mean(?P<many> one of)?: (?P<names>.*)\?", s, re.S)
        if not m or "%s; %s" not in self.t:
            return None
        msg = self.message(m.group(1))
        if msg is None:
            return None
        names = m.group("names").split(", ")
        lst = names[0]
        for n in names[1:]:
            lst = self.t.get("%s, %s", "%s, %s").replace("%s", lst, 1).replace("%s", n, 1)
        hint = self.t["did you mean one of: %s?" if m.group("many") else "did you mean: %s?"]
        return self.t["%s; %s"].replace("%s", msg, 1).replace("%s", hint.replace("%s", lst), 1)

    def message(self, s):
        """A whole message S translated, or None when it is no message of the catalog."""
        if "; did you mean" in s:
            return self.hinted(s)
        for k in self.ids:
            strip = k.endswith("\n") and not s.endswith("\n")
            lits, convs = pieces(k[:-1] if strip else k)
            rx = re.escape(lits[0]) + "".join(value_re(c) + re.escape(l) for c, l in zip(convs, lits[1:]))
            m = re.fullmatch(rx, s)
            if m:
                text = self.fill(k, list(m.groups()))[0]
                return text[:-1] if strip and text.endswith("\n") else text
        return None

    def line(self, s, keep=False):
        """One line of standard error: a diagnostic, a usage error or a message of its own; None
        when it is none of the catalog's (KEEP: a diagnostic's unknown message is kept as it is,
        libxml2's for one)."""
        m = re.fullmatch(r"(secannex: (?:.*?: )?)(error|warning): (.*)", s)
        if m and m.group(2) in self.t:
            msg = self.message(m.group(3))
            if msg is None and not keep:
                return None
            where = m.group(1)
            if where == "secannex: command line: " and "command line" in self.t:
                where = "secannex: " + self.t["command line"] + ": "
            return where + self.t[m.group(2)] + ": " + (msg if msg is not None else m.group(3))
        m = re.fullmatch(r"(secannex: )(.*)", s)
        if m:
            msg = self.message(m.group(2))
            return None if msg is None else m.group(1) + msg
        return self.message(s)

    def text(self, s):
        """A whole expected text: as one message, else line by line (what is no message stays)."""
        whole = self.line(s, True) if "\n" not in s else self.message(s)
        if whole is not None:
            return whole
        return "\n".join(t if t is not None else l for l, t in ((l, self.line(l, True)) for l in s.split("\n")))

    def fragment(self, s):
        """Regular expressions for the translation of S, part of a message (one for each message
        it may be part of); None if S is part of none."""
        pre = ""
        m = re.fullmatch(r"((?:secannex: )?(?:.*?: )?)(error|warning)(:? ?)", s)
        if m and m.group(2) in self.t:  # the level alone: "error:"
            return [re.escape(m.group(1) + self.t[m.group(2)] + m.group(3))]
        m = re.fullmatch(r"((?:secannex: )?(?:.*?: )?)(error|warning): (.+)", s, re.S)
        if m and m.group(2) in self.t:
            pre, s = re.escape(m.group(1) + self.t[m.group(2)] + ": "), m.group(3)
            msg = self.message(s)
            if msg is not None:
                return [pre + re.escape(msg)]
        found = [(r[0], k, r[1]) for k, r in ((k, self.cut(k, s)) for k in self.ids) if r]
        if not found:
            return None
        # the messages sharing the most words with S (one fragment may be of several)
        top = max(f[0] for f in found)
        return [pre + self.fill(k, vals)[1] for n, k, vals in found if n == top]

    @staticmethod
    def cut(msgid, s):
        """Whether S is part of message MSGID (with some of its words): (shared characters, the
        values: a value cut by S's edge as ("tail"|"head", part)), or None."""
        lits, convs = pieces(msgid)
        elems = [x for pair in zip(lits, convs) for x in pair] + [lits[-1]]
        best = None
        for a in range(len(elems)):
            for b in range(a + 1, len(elems)):
                if a % 2 and b % 2 and a == b:
                    continue
                rx, kinds = "", []
                for e in range(a, b + 1):
                    if e % 2 == 0:
                        lit = elems[e]
                        if e == a:
                            alts = [lit[k:] for k in range(len(lit))]
                        elif e == b:
                            alts = [lit[:k] for k in range(len(lit), 0, -1)]
                        else:
                            alts = [lit]
                        if not alts:
                            rx = None
                            break
                        rx += "(?:" + "|".join(re.escape(x) for x in alts) + ")"
                    elif e in (a, b):
                        rx += "(.*?)"
                        kinds.append("tail" if e == a else "head")
                    else:
                        rx += value_re(elems[e])
                        kinds.append(None)
                if rx is None:
                    continue
                m = re.fullmatch(rx, s, re.S)
                if not m:
                    continue
                shared = len(s) - sum(len(g) for g in m.groups())
                if shared < MIN_LITERAL or (best and best[0] >= shared):
                    continue
                vals = [None] * len(convs)
                first = (a + 1) // 2 if a % 2 == 0 else (a - 1) // 2
                for n, (g, kind) in enumerate(zip(m.groups(), kinds)):
                    vals[first + n] = (kind, g) if kind else g
                best = (shared, vals)
        if best is None:
            for lit in lits:
                if len(s) >= MIN_LITERAL and s in lit:
                    return (len(s), [None] * len(convs))
        return best


def main(argv):
    if len(argv) != 4 or argv[1] not in ("same", "has", "lacks"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, path, want = argv[1:]
    cat = Catalog(os.environ.get("TEST_LANG", "C"), os.path.join(os.environ["SRCDIR"], "po"))
    got = open(path, encoding="utf-8", errors="surrogateescape").read()
    if mode == "same":
        exp = cat.text(want)
        if got.rstrip("\n") == exp:
            return 0
        print("FAIL: %s:\n  got:      %s\n  expected: %s" % (path, got.rstrip("\n"), exp))
        return 1
    exp = cat.line(want)
    rxs = [re.escape(exp)] if exp is not None else cat.fragment(want) or [re.escape(want)]
    found = any(re.search(rx, got, re.S) for rx in rxs)
    if found == (mode == "has"):
        return 0
    print("FAIL: %s %s: %s" % (path, "lacks" if mode == "has" else "contains", want))
    print("  in %s: %s" % (os.environ.get("TEST_LANG"), exp if exp is not None else " or ".join(
        "/%s/" % rx for rx in rxs)))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
