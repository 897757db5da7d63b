#!/bin/sh
# evaluate-lo.sh: a response saved again by a real office suite is read as the one the script filled
# in: the development tender's matrix filled in (tests/cli/fill_matrix.py) as DOCX, ODT and XLSX,
# then converted by LibreOffice (DOCX → ODT, ODT → DOCX, XLSX → XLSX and → ODS: its own XML, its
# own spans, spaces, shared strings, relationships and repeated cells and rows), and `secannex
# evaluate` gives the same counts.
# Exit 77 (automake SKIP) when soffice or the Python modules are missing.
. "$(dirname "$0")/../cli/setup.sh"
unset SOURCE_DATE_EPOCH || :

if ! have_lo; then
	echo "soffice not installed or not wanted: skipped"; exit 77
fi
if ! /usr/bin/python3 -c 'import openpyxl, docx, odf' 2>/dev/null; then
	echo "evaluate-lo.sh: skipped: needs python3-openpyxl, python3-docx and python3-odf"; exit 77
fi

P="$SRCDIR/samples/profile-dev.xml"
MIX="符合 26, 部分符合 7, 不符合 7, 未填 7; missing 0, not in the tender 0, altered 0, unreadable answers 0"
mkdir "$T/in" "$T/lo" "$T/profile"
for f in docx odt xlsx; do
	expect 0 generate --profile "$P" --document matrix -o "$T/m.$f"
	/usr/bin/python3 "$SRCDIR/tests/cli/fill_matrix.py" "$T/m.$f" "$T/in/filled-$f.$f" --mix
done

# LibreOffice, serialised with the other tests' runs (tests/lo/convert.sh) and retried once
lo() {
	to=$1; shift
	for attempt in 1 2; do
		env -u VALGRIND flock "${TMPDIR:-/tmp}/secannex-soffice.lock" timeout 300 soffice \
		    -env:UserInstallation="file://$T/profile" --headless --convert-to "$to" \
		    --outdir "$T/lo" "$@" >"$T/soffice.log" 2>&1
		b=$(basename "$1"); [ -s "$T/lo/${b%.*}.$to" ] && return 0
		rm -rf "$T/profile" && mkdir "$T/profile"
	done
	return 1
}
ok lo odt "$T/in/filled-docx.docx"
ok lo docx "$T/in/filled-odt.odt"
ok lo xlsx "$T/in/filled-xlsx.xlsx"
# and the workbook saved as ODS, as an agency that keeps to ODF would
ok lo ods "$T/in/filled-xlsx.xlsx"

for f in filled-docx.odt filled-odt.docx filled-xlsx.xlsx filled-xlsx.ods; do
	expect 1 evaluate --profile "$P" "$T/lo/$f"
	has "$T/out" "$MIX"
	ok grep -q "^2 *dev-02 *部分符合 *本公司依第2項辦理。 | 服務建議書第11頁" "$T/out"
	ok test ! -s "$T/err"
done

finish
