/* digest.c: SHA-256 through OpenSSL's libcrypto (never a hand-written hash): the fingerprint that
 * ties a signed review record to the published annex of the same resolution.
 *
 * libcrypto's own SHA-256 functions, not EVP: OpenSSL 3's EVP layer initialises itself on first
 * use (reads openssl.cnf, registers every algorithm of the default provider, fetches the digest),
 * which cost more than everything else a short secannex run does (callgrind: 6.9 M of 78 M
 * instructions, and 66 page faults, for one 60 KB digest).  SHA256_Init/Update/Final compute the
 * same digest with the same assembly (SHA-NI where the CPU has it), touch no global state (an
 * embedding application's OpenSSL configuration stays its own) and cost nothing up front.  They
 * are deprecated in OpenSSL 3.0 but still part of libcrypto; a libcrypto built without them
 * (OPENSSL_NO_DEPRECATED_3_0) gets the EVP one-shot instead. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/opensslconf.h>
#include <stdio.h>

#ifdef OPENSSL_NO_DEPRECATED_3_0
#include <openssl/evp.h>
#else
#include <openssl/sha.h>
#endif

#include "digest.h"

/* The SHA-256 of LEN bytes of DATA into OUT.  Returns 0, or -1 when libcrypto fails. */
static int
S_sha256(const void *data, size_t len, unsigned char out[32])
{
#ifdef OPENSSL_NO_DEPRECATED_3_0
	unsigned int n = 0;

	return EVP_Digest(data, len, out, &n, EVP_sha256(), NULL) == 1 && n == 32 ? 0 : -1;
#else
	SHA256_CTX c;

	if (SHA256_Init(&c) != 1 || SHA256_Update(&c, data, len) != 1 || SHA256_Final(out, &c) != 1)
		return -1;
	return 0;
#endif
}

int
sx_sha256_hex(const void *data, size_t len, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[32];

	out[0] = '\0';
	if (S_sha256(data, len, md) != 0)
		return -1;
	for (unsigned int i = 0; i < 32; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[64] = '\0';
	return 0;
}
