/* api.c: the thread's last error message and the library version. */
#include <stdarg.h>
#include <string.h>

#include "../secannex.h"
#include "api.h"

static _Thread_local char S_last[512];

void
sx_error_set(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(S_last, sizeof(S_last), fmt, ap);
	va_end(ap);
}

const char *
secannex_error_last(void)
{
	return S_last;
}

const char *
secannex_version(void)
{
	return PACKAGE_VERSION;
}


