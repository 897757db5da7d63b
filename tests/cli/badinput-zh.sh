#!/bin/sh
# badinput-zh.sh: badinput.sh with secannex in 正體中文 (each English expectation translated by po/).
TEST_LANG=zh_TW.UTF-8 exec "$SRCDIR/tests/cli/badinput.sh" "$@"
