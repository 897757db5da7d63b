#!/bin/sh
# valgrind-wrap.sh: the test driver's LOG_COMPILER under --enable-valgrind: binaries run under
# valgrind; shell tests run as they are and put $VALGRIND in front of each secannex call.
case "$1" in
*.sh) exec sh "$@" ;;
*) exec $VALGRIND "$@" ;;
esac
