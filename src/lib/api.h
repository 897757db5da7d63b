/* api.h: internal helpers shared by the public entry points (the thread's last error message). */
#ifndef SX_API_H
#define SX_API_H

#include <stdio.h>

/* Set the message returned by secannex_error_last(). */
void sx_error_set(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
