/*
 * secret.c: password hashing and random tokens with libsodium (util
 * layer). See secret.h.
 */
#include "util/secret.h"

#include <pthread.h>
#include <string.h>

#include <sodium.h>

_Static_assert(crypto_pwhash_STRBYTES <= SECRET_PWHASH_MAX,
	       "SECRET_PWHASH_MAX is too small for an Argon2id string");

bool secret_init(void)
{
	return sodium_init() >= 0;
}

enum result secret_password_hash(const char *password,
				 char out[SECRET_PWHASH_MAX], struct error *err)
{
	if (!secret_init())
		return error_set(err, R_IO, "", "libsodium did not start");
	if (crypto_pwhash_str(out, password, strlen(password),
			      crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return error_set(err, R_IO, "password",
				 "hashing the password failed (out of "
				 "memory?); try again");
	return R_OK;
}

bool secret_password_verify(const char *stored, const char *password)
{
	if (!stored || !password || !secret_init())
		return false;
	return crypto_pwhash_str_verify(stored, password, strlen(password)) ==
	       0;
}

static char secret_dummy[SECRET_PWHASH_MAX];
static pthread_once_t secret_dummy_once = PTHREAD_ONCE_INIT;

static void secret_dummy_make(void)
{
	char pw[SECRET_TOKEN_TEXT];
	secret_token_new(pw);
	if (secret_password_hash(pw, secret_dummy, NULL) != R_OK)
		secret_dummy[0] = '\0';
}

const char *secret_password_dummy(void)
{
	pthread_once(&secret_dummy_once, secret_dummy_make);
	return secret_dummy;
}

static void secret_b64(const unsigned char *bytes, size_t n, char *out,
		       size_t cap)
{
	sodium_bin2base64(out, cap, bytes, n,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void secret_token_new(char out[SECRET_TOKEN_TEXT])
{
	unsigned char raw[SECRET_TOKEN_BYTES];
	secret_init();
	randombytes_buf(raw, sizeof(raw));
	secret_b64(raw, sizeof(raw), out, SECRET_TOKEN_TEXT);
	sodium_memzero(raw, sizeof(raw));
}

void secret_token_hash(const char *token, char out[SECRET_HASH_TEXT])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof(h), (const unsigned char *)token,
			   strlen(token), NULL, 0);
	sodium_bin2hex(out, SECRET_HASH_TEXT, h, sizeof(h));
}

void secret_token_derive(const char *key, const char *label,
			 char out[SECRET_HASH_TEXT])
{
	unsigned char h[32];
	unsigned char k[crypto_generichash_KEYBYTES];
	/* The key is the hash of the token, so any length of token works. */
	crypto_generichash(k, sizeof(k), (const unsigned char *)key,
			   strlen(key), NULL, 0);
	crypto_generichash(h, sizeof(h), (const unsigned char *)label,
			   strlen(label), k, sizeof(k));
	sodium_bin2hex(out, SECRET_HASH_TEXT, h, sizeof(h));
	sodium_memzero(k, sizeof(k));
}

void secret_random_text(char *out, size_t cap, size_t n)
{
	unsigned char raw[64];
	if (n > sizeof(raw))
		n = sizeof(raw);
	if (sodium_base64_ENCODED_LEN(
		n, sodium_base64_VARIANT_URLSAFE_NO_PADDING) > cap) {
		out[0] = '\0';
		return;
	}
	secret_init();
	randombytes_buf(raw, n);
	secret_b64(raw, n, out, cap);
	sodium_memzero(raw, sizeof(raw));
}
