#!/bin/sh
# embed.sh: writes page.c, the page's files (src/cli/page/) as byte arrays for secannex serve:
#   sh embed.sh PAGEDIR > page.c
# POSIX od and sed only (no xxd, no Python at build time).
set -eu
dir=$1
echo "/* page.c: the web page's files, made from src/cli/page/ by src/cli/embed.sh (do not edit). */"
echo '#include "serve.h"'
echo
n=0
for f in index.html app.js app.css; do
	echo "static const unsigned char S_f$n[] = {"
	od -An -v -tx1 "$dir/$f" | sed -e 's/ *\([0-9a-f][0-9a-f]\)/0x\1, /g' -e 's/^/	/' -e 's/ *$//'
	echo "};"
	n=$((n + 1))
done
echo
echo "const struct page_file page_files[] = {"
echo '	{ "/", "text/html; charset=utf-8", S_f0, sizeof(S_f0) },'
echo '	{ "/app.js", "text/javascript; charset=utf-8", S_f1, sizeof(S_f1) },'
echo '	{ "/app.css", "text/css; charset=utf-8", S_f2, sizeof(S_f2) },'
echo "};"
echo "const size_t page_nfiles = sizeof(page_files) / sizeof(page_files[0]);"
