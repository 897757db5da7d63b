/* digest.c: SHA-256 through OpenSSL's libcrypto (never a hand-written hash): the fingerprint that
 * ties a signed review record to the published annex of the same resolution. */
#include <openssl/evp.h>
#include <stdio.h>

#include "digest.h"

int
sx_sha256_hex(const void *data, size_t len, char out[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;

	out[0] = '\0';
	if (EVP_Digest(data, len, md, &n, EVP_sha256(), NULL) != 1 || n != 32)
		return -1;
	for (unsigned int i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
	return 0;
}
