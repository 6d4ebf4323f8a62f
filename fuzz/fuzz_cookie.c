/*
 * fuzz_cookie.c: libFuzzer target for the readers of credentials a
 * client sends (web/auth.c): the Cookie header, "Authorization: Bearer",
 * the token shape check and the public-path list.
 *
 * The first byte picks the cookie name to look for; the rest is the
 * header. Whatever comes in, a reader must stay inside its buffer, give
 * back a NUL-terminated value shorter than the buffer and never a value
 * with the separator ';' in it, and a value it calls token-shaped must be
 * exactly 43 base64url characters.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/auth.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_cookie_fail(const char *what)
{
	fprintf(stderr, "fuzz_cookie: %s\n", what);
	abort();
}

static void fuzz_cookie_token(const char *v)
{
	if (!auth_token_shape(v))
		return;
	if (strlen(v) != SECRET_TOKEN_TEXT - 1)
		fuzz_cookie_fail("a token-shaped value has the wrong length");
	for (const char *p = v; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			fuzz_cookie_fail("a token-shaped value has a bad byte");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {AUTH_COOKIE, AUTH_COOKIE_TLS, "a",
					    ""};
	if (size == 0)
		return 0;
	const char *name = names[data[0] % 4];
	char *header = malloc(size);
	memcpy(header, data + 1, size - 1);
	header[size - 1] = '\0';

	char out[SECRET_TOKEN_TEXT];
	memset(out, 0x55, sizeof(out));
	if (auth_cookie_value(header, name, out, sizeof(out))) {
		size_t n = strnlen(out, sizeof(out));
		if (n == sizeof(out) || n == 0)
			fuzz_cookie_fail("a cookie value is empty or unended");
		if (strchr(out, ';'))
			fuzz_cookie_fail("a cookie value holds a ';'");
		fuzz_cookie_token(out);
	}
	char big[256];
	if (auth_bearer_token(header, big, sizeof(big))) {
		if (strnlen(big, sizeof(big)) == sizeof(big))
			fuzz_cookie_fail("a bearer token is unended");
		fuzz_cookie_token(big);
	}
	fuzz_cookie_token(header);
	free(header);
	return 0;
}
