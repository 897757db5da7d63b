/* digest.h: SHA-256 of a byte string, raw or as lowercase hex (libcrypto). */
#ifndef SX_DIGEST_H
#define SX_DIGEST_H

#include <stddef.h>

/* The SHA-256 of LEN bytes of DATA as 64 hex digits and a NUL in OUT.  Returns 0, or -1 when
 * libcrypto fails (OUT is then ""). */
int sx_sha256_hex(const void *data, size_t len, char out[65]);

#endif
