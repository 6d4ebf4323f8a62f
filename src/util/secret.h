/*
 * secret.h: password hashing and random tokens, through libsodium (util
 * layer).
 *
 * Passwords are hashed with Argon2id (crypto_pwhash_str) at libsodium's
 * "interactive" cost: 2 passes over 64 MiB (opslimit 2, memlimit
 * 67108864 bytes), about a tenth of a second on a current machine. A
 * token is 32 bytes from the system's random source, given out as 43
 * characters of base64url (no padding); what is kept is the hex BLAKE2b
 * hash of that text (crypto_generichash, 32 bytes), which is enough for a
 * value that cannot be guessed and is fast to look up. Both the web and
 * the command line use these, hence util/. See docs/accounts.md.
 */
#ifndef RAPPORT_UTIL_SECRET_H
#define RAPPORT_UTIL_SECRET_H

#include <stdbool.h>
#include <stddef.h>

#include "util/result.h"

/* Room for an Argon2id string (crypto_pwhash_STRBYTES) with its NUL. */
#define SECRET_PWHASH_MAX 128
/* Bytes of randomness in a token. */
#define SECRET_TOKEN_BYTES 32
/* A token as text: 43 base64url characters and a NUL. */
#define SECRET_TOKEN_TEXT 44
/* A token's hash as text: 64 hex digits and a NUL. */
#define SECRET_HASH_TEXT 65

/* Sets libsodium up; safe to call many times and from many threads.
 * False when it cannot start (no random source), which is fatal. */
bool secret_init(void);

/*
 * Hashes password into out as an Argon2id string ("$argon2id$v=19$...").
 * R_IO when libsodium fails (out of memory for the 64 MiB it needs).
 */
enum result secret_password_hash(const char *password,
				 char out[SECRET_PWHASH_MAX],
				 struct error *err);
/* True when password matches the stored string (in constant time). */
bool secret_password_verify(const char *stored, const char *password);
/*
 * A stored string that matches no password, for checking a login that
 * names nobody in the same time as one that names someone (so the time
 * does not say whether the login exists). Made once per process.
 */
const char *secret_password_dummy(void);

/* Writes a new random token (base64url text) into out. */
void secret_token_new(char out[SECRET_TOKEN_TEXT]);
/* Writes the hex hash of the token text into out. */
void secret_token_hash(const char *token, char out[SECRET_HASH_TEXT]);
/*
 * Writes into out the hex keyed hash of label under key (a token's text):
 * a value that anyone holding the token can compute and nobody else can,
 * such as the CSRF token of a session.
 */
void secret_token_derive(const char *key, const char *label,
			 char out[SECRET_HASH_TEXT]);
/* Writes n random bytes as base64url text into out (cap bytes, NUL
 * included); used for one-time passwords. */
void secret_random_text(char *out, size_t cap, size_t n);

#endif
