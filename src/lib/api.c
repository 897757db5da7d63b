/* api.c: the thread's last error message and the library version. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../secannex.h"
#include "api.h"
#include "buf.h"

/* The thread's last error message, as long as it is (a fixed buffer once cut long messages short,
 * a name typed by a user among them, possibly in the middle of a character). */
static _Thread_local char *S_last;

void
sx_error_set(const char *fmt, ...)
{
	sx_buf b = SX_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sx_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	free(S_last);
	S_last = sx_buf_detach(&b);
}

const char *
secannex_error_last(void)
{
	return S_last ? S_last : "";
}

void
secannex_error_clear(void)
{
	free(S_last);
	S_last = NULL;
}

const char *
secannex_version(void)
{
	return PACKAGE_VERSION;
}


