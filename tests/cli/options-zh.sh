#!/bin/sh
# options-zh.sh: options.sh with secannex in 正體中文 (its usage errors translated by po/; --help is
# still compared with the man page in English).
TEST_LANG=zh_TW.UTF-8 exec "$SRCDIR/tests/cli/options.sh" "$@"
