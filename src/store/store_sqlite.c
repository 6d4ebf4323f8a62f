/*
 * store_sqlite.c: opening the SQLite database, migrations and
 * transactions (store layer).
 *
 * A connection is set up for a server that must not lose acknowledged
 * writes and must not stall: WAL journal, synchronous=NORMAL (see
 * docs/store-durability.md), foreign keys on, a 5 second busy timeout.
 * Migrations are the numbered files of src/store/sql, compiled into the
 * binary; pending ones run at open inside one transaction and each is
 * recorded in schema_migration (version, applied_at).
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sq.h"
#include "store/store.h"
#include "store_migrations.h"
#include "util/alloc.h"
#include "util/num.h"

#define STORE_BUSY_TIMEOUT_MS 5000
#define STORE_TX_ATTEMPTS     5

/* The version in a migration's name: the digits before the first '-'. */
static int store_migration_version(const char *name)
{
	char digits[16];
	size_t n = 0;
	while (name[n] >= '0' && name[n] <= '9' && n + 1 < sizeof(digits)) {
		digits[n] = name[n];
		n++;
	}
	digits[n] = '\0';
	int v = 0;
	if (!num_parse_int(digits, 1, 1000000, &v))
		return -1;
	return v;
}

int store_schema_latest(void)
{
	int latest = 0;
	for (size_t i = 0; i < store_migrations_count; i++) {
		int v = store_migration_version(store_migrations[i].name);
		if (v > latest)
			latest = v;
	}
	return latest;
}

int store_schema_version(struct store *s)
{
	return s ? s->version : 0;
}

/* Runs one statement with no parameters and no rows worth reading. */
static enum result store_exec_plain(struct store *s, const char *sql,
				    const char *what, struct error *err)
{
	char *msg = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return R_OK;
	int primary = sqlite3_errcode(s->db) & 0xff;
	s->busy = primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
	error_set(err, R_DB, "", "database error while %s: %s", what,
		  msg ? msg : sqlite3_errmsg(s->db));
	sqlite3_free(msg);
	return R_DB;
}

/* Reads the highest recorded migration (0 for a new database). */
static enum result store_read_version(struct store *s, int *out,
				      struct error *err)
{
	sqlite3_stmt *st = sq_prep(
	    s, "SELECT coalesce(max(version), 0) FROM schema_migration", err);
	if (!st)
		return R_DB;
	enum result r = sq_row(s, st, "reading the schema version", err);
	if (r == R_OK)
		*out = sq_int(st, 0);
	sqlite3_reset(st);
	return r == R_NOT_FOUND ? R_OK : r;
}

/* Applies, in order, the migrations newer than *version. */
static enum result store_apply_pending(struct store *s, int *version,
				       struct error *err)
{
	for (size_t i = 0; i < store_migrations_count; i++) {
		const struct embed_file *m = &store_migrations[i];
		int v = store_migration_version(m->name);
		if (v <= *version)
			continue;
		char what[160];
		snprintf(what, sizeof(what), "applying migration %s", m->name);
		if (store_exec_plain(s, (const char *)m->data, what, err) !=
		    R_OK)
			return R_DB;
		sqlite3_stmt *st = sq_prep(
		    s,
		    "INSERT INTO schema_migration (version, applied_at) "
		    "VALUES ($1, $2)",
		    err);
		if (!st)
			return R_DB;
		sq_bind_i64(st, 1, v);
		sq_bind_i64(st, 2, sq_now());
		if (sq_exec(s, st, "recording a migration", err) != R_OK)
			return R_DB;
		*version = v;
	}
	return R_OK;
}

/* Brings the schema up to date in one transaction, or refuses a newer one. */
static enum result store_migrate(struct store *s, struct error *err)
{
	if (store_exec_plain(s,
			     "CREATE TABLE IF NOT EXISTS schema_migration ("
			     "version INTEGER PRIMARY KEY, "
			     "applied_at INTEGER NOT NULL)",
			     "creating the migration table", err) != R_OK)
		return R_DB;
	if (sq_begin(s, err) != R_OK)
		return R_DB;
	int version = 0;
	enum result r = store_read_version(s, &version, err);
	int latest = store_schema_latest();
	if (r == R_OK && version > latest)
		r = error_set(err, R_INVALID, "",
			      "the database is at schema version %d but this "
			      "rapport knows versions up to %d; use a newer "
			      "rapport with this database",
			      version, latest);
	if (r == R_OK)
		r = store_apply_pending(s, &version, err);
	r = sq_end(s, r, err);
	if (r == R_OK)
		s->version = version;
	return r;
}

/*
 * Sets the connection up: timeouts, journal, durability, foreign keys, and
 * memory. Pages are read with pread into an 8 MiB page cache per
 * connection, not through a memory map: a map's pages count as the
 * process's resident memory (the kernel maps in up to 16 neighbours of
 * each page touched), so a server that reads all over a large database
 * looked as large as the database, while the pages read stay in the
 * kernel's cache either way. Four connections in a server (two readers,
 * the writer, the checkpointer) keep the caches under 32 MiB. The WAL is
 * checkpointed every 8192 pages (32 MiB) rather than SQLite's 1000: each
 * checkpoint syncs the disk, and doing that less often roughly doubled
 * small commits per second in a measurement (see
 * docs/store-durability.md); the server checkpoints from a thread of its
 * own instead (store_checkpoint).
 */
static enum result store_configure(struct store *s, struct error *err)
{
	sqlite3_busy_timeout(s->db, STORE_BUSY_TIMEOUT_MS);
	if (store_exec_plain(s, "PRAGMA journal_mode = WAL", "switching to WAL",
			     err) != R_OK ||
	    store_exec_plain(s, "PRAGMA synchronous = NORMAL",
			     "setting synchronous", err) != R_OK ||
	    store_exec_plain(s, "PRAGMA foreign_keys = ON",
			     "turning on foreign keys", err) != R_OK ||
	    store_exec_plain(s, "PRAGMA cache_size = -8192",
			     "sizing the page cache", err) != R_OK ||
	    store_exec_plain(s, "PRAGMA mmap_size = 0", "mapping the database",
			     err) != R_OK ||
	    store_exec_plain(s, "PRAGMA wal_autocheckpoint = 8192",
			     "setting the checkpoint interval", err) != R_OK ||
	    store_exec_plain(s, "PRAGMA journal_size_limit = 67108864",
			     "limiting the WAL size", err) != R_OK)
		return R_DB;
	return R_OK;
}

/*
 * Turns off SQLite's memory statistics before its first use: with them
 * on, every allocation SQLite makes takes one process-wide mutex, and
 * the server's threads queued on it (a futex call per request). Must run
 * before SQLite initializes, i.e. in the first store_open(), which the
 * server and the command line make before they start any thread.
 */
static void store_sqlite_setup(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

enum result store_open(const char *path, struct store **out, struct error *err)
{
	store_sqlite_setup();
	*out = NULL;
	if (!path || !*path)
		return error_set(err, R_INVALID, "db",
				 "no database path given (use --db PATH)");
	struct store *s = xcalloc(1, sizeof(*s));
	int flags =
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		error_set(err, R_DB, "db", "cannot open database %s: %s", path,
			  s->db ? sqlite3_errmsg(s->db) : "out of memory");
		store_close(s);
		return R_DB;
	}
	sqlite3_extended_result_codes(s->db, 1);
	enum result r = store_configure(s, err);
	if (r == R_OK)
		r = store_migrate(s, err);
	if (r != R_OK) {
		store_close(s);
		return r;
	}
	*out = s;
	return R_OK;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < STORE_STMT_SLOTS; i++)
		if (s->slots[i].stmt)
			sqlite3_finalize(s->slots[i].stmt);
	sqlite3_close(s->db);
	free(s);
}

/* Waits a little before another attempt, longer each time. */
static void store_backoff(int attempt)
{
	struct timespec ts = {0, (long)(attempt + 1) * 20 * 1000 * 1000};
	nanosleep(&ts, NULL);
}

enum result store_run_tx(struct store *s, store_tx_fn fn, void *ctx,
			 struct error *err)
{
	bool outer = s->depth == 0;
	enum result r = R_DB;
	for (int attempt = 0; attempt < STORE_TX_ATTEMPTS; attempt++) {
		s->busy = false;
		error_clear(err);
		r = sq_begin(s, err);
		if (r == R_OK)
			r = sq_end(s, fn(s, ctx, err), err);
		if (r != R_DB || !s->busy || !outer)
			return r;
		store_backoff(attempt);
	}
	return r;
}

enum result store_run_read(struct store *s, store_tx_fn fn, void *ctx,
			   struct error *err)
{
	if (sq_read_begin(s, err) != R_OK)
		return R_DB;
	enum result r = fn(s, ctx, err);
	sq_read_end(s);
	return r;
}

void store_checkpoint_after(struct store *s, int pages)
{
	sqlite3_wal_autocheckpoint(s->db, pages);
}

enum result store_checkpoint(struct store *s, struct error *err)
{
	int rc = sqlite3_wal_checkpoint_v2(
	    s->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	if (rc == SQLITE_OK || rc == SQLITE_BUSY)
		return R_OK;
	return sq_fail(s, "checkpointing the write-ahead log", err);
}
