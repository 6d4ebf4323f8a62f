/*
 * server.c: the HTTP server (web layer).
 *
 * libmicrohttpd runs a pool of worker threads (one per core by default),
 * each with its own epoll loop. A request goes: the access handler is
 * called once to start it (we only note that we saw it: answering on this
 * first call makes libmicrohttpd 0.9.75 close the connection after each
 * response, which costs five times the throughput), then with each piece
 * of the body (kept up to 1 MiB), then once more to answer. Answering
 * means: match the route, check the query and the body, run the handler
 * on this thread's own database connection (opened on first use, closed
 * when the thread ends) -- a request that writes inside one store
 * transaction, so that it is all done or not at all -- and send JSON, a
 * problem+json error, a page or an asset.
 *
 * The listening socket is made here rather than by libmicrohttpd so that
 * a bad address or a port in use is reported in words. SIGINT and SIGTERM
 * are blocked in every thread and taken by sigwait() in the calling
 * thread, which then stops the daemon and returns.
 */
#include "web/server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <microhttpd.h>

#include "codec/codec.h"
#include "store/store.h"
#include "store/store_auth.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/num.h"
#include "web/api.h"
#include "web/api_auth.h"
#include "web/auth.h"
#include "web/page.h"
#include "web/route.h"
#include "web/visible.h"

/*
 * <unistd.h>, pulled in here, defines R_OK for access(2), which would
 * silently turn our enum's R_OK into 4; the enum is the one we mean.
 */
#undef R_OK

#define WEB_BODY_MAX (1024 * 1024)
#define WEB_REPLY_MAX (64 * 1024 * 1024)
#define WEB_REPLY_KEEP (256 * 1024)
#define WEB_CHECKPOINT_MS 100
#define WEB_CONN_MEMORY (16 * 1024)
/* Pages of write-ahead log past which a writer checkpoints after all. */
#define WEB_WAL_BACKSTOP 65536
#define WEB_PATH_MAX 2048
#define WEB_CSP "default-src 'self'; frame-ancestors 'none'"

/* What we keep about a request between the access handler's calls. */
struct web_conn {
	struct buf body;
	bool has_body;
};

static const char *web_db_path;
/* One writer at a time in this process; guards the write queue (see
 * web_write). */
static pthread_mutex_t web_write_lock = PTHREAD_MUTEX_INITIALIZER;

/*
 * What each worker thread keeps between requests: its own database
 * connection (opened on first use), its reply buffer and the arena its
 * requests allocate from (emptied after each, not freed). A thread-specific
 * key's destructor releases both when the thread ends.
 */
struct web_thread {
	struct store *store;
	struct buf reply; /* at most WEB_REPLY_MAX */
	struct arena *arena; /* each request's, emptied after it */
};
static pthread_key_t web_thread_key;

static void web_thread_end(void *p)
{
	struct web_thread *t = p;
	store_close(t->store);
	buf_free(&t->reply);
	arena_free(t->arena);
	free(t);
}

static struct web_thread *web_thread(void)
{
	struct web_thread *t = pthread_getspecific(web_thread_key);
	if (!t) {
		t = xcalloc(1, sizeof(*t));
		buf_init(&t->reply, WEB_REPLY_MAX);
		pthread_setspecific(web_thread_key, t);
	}
	return t;
}

/* This thread's database connection, opened on first use. Its writes
 * leave checkpoints to web_checkpointer (up to a backstop). */
static struct store *web_store(struct error *err)
{
	struct web_thread *t = web_thread();
	if (!t->store) {
		if (store_open(web_db_path, &t->store, err) != R_OK)
			return NULL;
		store_checkpoint_after(t->store, WEB_WAL_BACKSTOP);
	}
	return t->store;
}

/*
 * The one connection every write request runs on, used only by the
 * leader of a group of writes (web_write; opened on first use, closed by
 * web_serve). Writes take turns anyway,
 * and on one connection the pages they touch stay in its cache from one
 * commit to the next: a thread's connection must drop its whole cache
 * whenever another connection has committed, and then read the same
 * pages again from the log.
 */
static struct store *web_writer;

static struct store *web_writer_store(struct error *err)
{
	if (!web_writer) {
		if (store_open(web_db_path, &web_writer, err) != R_OK)
			return NULL;
		store_checkpoint_after(web_writer, WEB_WAL_BACKSTOP);
	}
	return web_writer;
}

/* ---- checkpoints ---- */

/*
 * A thread of its own copies the write-ahead log into the database every
 * WEB_CHECKPOINT_MS, with a passive checkpoint (it neither waits for nor
 * blocks readers and writers). Left to SQLite, the writer whose commit
 * passes the threshold copies and syncs megabytes while it holds the
 * write lock, and every other writer waits behind it.
 */
struct web_checkpointer {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stop;
	bool running;
};

static void *web_checkpoint_loop(void *arg)
{
	struct web_checkpointer *cp = arg;
	struct store *s = NULL;
	struct error err = {0};
	if (store_open(web_db_path, &s, &err) != R_OK) {
		log_error("checkpoints: cannot open the database: %s",
			  err.message);
		return NULL;
	}
	pthread_mutex_lock(&cp->lock);
	while (!cp->stop) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += WEB_CHECKPOINT_MS * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&cp->wake, &cp->lock, &until);
		if (cp->stop)
			break;
		pthread_mutex_unlock(&cp->lock);
		if (store_checkpoint(s, &err) != R_OK)
			log_error("checkpoints: %s", err.message);
		pthread_mutex_lock(&cp->lock);
	}
	pthread_mutex_unlock(&cp->lock);
	store_close(s);
	return NULL;
}

static void web_checkpointer_start(struct web_checkpointer *cp)
{
	pthread_mutex_init(&cp->lock, NULL);
	pthread_cond_init(&cp->wake, NULL);
	cp->stop = false;
	cp->running = pthread_create(&cp->thread, NULL, web_checkpoint_loop,
				     cp) == 0;
	if (!cp->running)
		log_error("checkpoints: no thread; SQLite's own will do");
}

static void web_checkpointer_stop(struct web_checkpointer *cp)
{
	if (cp->running) {
		pthread_mutex_lock(&cp->lock);
		cp->stop = true;
		pthread_cond_signal(&cp->wake);
		pthread_mutex_unlock(&cp->lock);
		pthread_join(cp->thread, NULL);
	}
	pthread_cond_destroy(&cp->wake);
	pthread_mutex_destroy(&cp->lock);
}

/* ---- the reply ---- */

static void web_headers(struct MHD_Response *resp, const struct req *r,
			const char *allow)
{
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	MHD_add_response_header(resp, "Content-Security-Policy", WEB_CSP);
	MHD_add_response_header(resp, "Cache-Control",
				r->cache ? "public, max-age=3600" : "no-store");
	if (r->location)
		MHD_add_response_header(resp, "Location", r->location);
	if (r->set_cookie)
		MHD_add_response_header(resp, "Set-Cookie", r->set_cookie);
	if (allow && allow[0])
		MHD_add_response_header(resp, "Allow", allow);
}

/*
 * Serializes j into this thread's reply buffer, which is kept from one
 * request to the next so that a reply costs no allocation once the
 * buffer has grown to fit (codec_write: jansson's own json_dumpb was a
 * quarter of a small request's cost). Returns the text and sets *len;
 * NULL when the reply would pass WEB_REPLY_MAX.
 */
static const char *web_dump(const json_t *j, size_t *len)
{
	struct web_thread *t = web_thread();
	if (!codec_write(j, &t->reply))
		return NULL;
	*len = t->reply.len;
	return t->reply.data;
}

/*
 * Lets go of a reply buffer that a large reply grew past WEB_REPLY_KEEP:
 * libmicrohttpd has copied the reply by then, and keeping megabytes per
 * thread for the rare large list would stay resident for good.
 */
static void web_reply_trim(void)
{
	struct web_thread *t = web_thread();
	if (t->reply.cap <= WEB_REPLY_KEEP)
		return;
	buf_free(&t->reply);
	buf_init(&t->reply, WEB_REPLY_MAX);
}

static enum MHD_Result web_send(struct MHD_Connection *c, struct req *r,
				const char *allow)
{
	struct MHD_Response *resp;
	const char *type = NULL;
	if (r->out) {
		size_t len = 0;
		const char *text = web_dump(r->out, &len);
		if (!text) {
			log_error("reply to %s %s is too large", r->method,
				  r->path);
			text = "{\"title\":\"reply too large\"}";
			len = strlen(text);
			r->status = 500;
		}
		resp = MHD_create_response_from_buffer(len, (void *)text,
						       MHD_RESPMEM_MUST_COPY);
		web_reply_trim();
		type = r->status >= 400 ? "application/problem+json"
					: "application/json";
	} else if (r->raw) {
		resp = MHD_create_response_from_buffer(
			r->raw_len, (void *)r->raw,
			r->raw_copy ? MHD_RESPMEM_MUST_COPY
				    : MHD_RESPMEM_PERSISTENT);
		type = r->content_type;
	} else {
		resp = MHD_create_response_from_buffer(0, NULL,
						       MHD_RESPMEM_PERSISTENT);
	}
	if (!resp)
		return MHD_NO;
	if (type)
		MHD_add_response_header(resp, "Content-Type", type);
	web_headers(resp, r, allow);
	enum MHD_Result ret =
		MHD_queue_response(c, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* ---- reading the request ---- */

struct web_query_check {
	const struct route *rt;
	const char *bad;
};

static enum MHD_Result web_query_iter(void *cls, enum MHD_ValueKind kind,
				      const char *key, const char *value)
{
	struct web_query_check *q = cls;
	if (!route_query_allowed(q->rt, key)) {
		q->bad = key;
		return MHD_NO;
	}
	return MHD_YES;
}

/* True for the body types a browser may send across sites unasked. */
static bool web_form_type(const char *ct)
{
	static const char *const forms[] = {"application/x-www-form-urlencoded",
					    "multipart/form-data",
					    "text/plain"};
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
		if (strncasecmp(ct, forms[i], strlen(forms[i])) == 0)
			return true;
	return false;
}

static int web_read_body(struct req *r, struct web_conn *wc,
			 struct error *err)
{
	const char *ct = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND,
						     "Content-Type");
	if (ct && web_form_type(ct)) {
		error_set(err, R_INVALID, "Content-Type",
			  "Content-Type: send the body as application/json");
		return 415;
	}
	if (!buf_ok(&wc->body)) {
		error_set(err, R_TOO_BIG, "",
			  "the body is larger than %d bytes", WEB_BODY_MAX);
		return 413;
	}
	if (!wc->has_body) {
		error_set(err, R_INVALID, "body",
			  "body: this request needs a JSON object");
		return 400;
	}
	json_error_t je;
	r->body = json_loadb(wc->body.data, wc->body.len,
			     JSON_REJECT_DUPLICATES, &je);
	if (!r->body) {
		error_set(err, R_INVALID, "body",
			  "body: malformed JSON at line %d, column %d "
			  "(byte %d): %s",
			  je.line, je.column, je.position, je.text);
		return 400;
	}
	if (!json_is_object(r->body)) {
		error_set(err, R_INVALID, "body",
			  "body: must be a JSON object ({...})");
		return 400;
	}
	return 0;
}

/*
 * A POST route without a JSON body is a page's form: it takes
 * application/x-www-form-urlencoded (what a browser sends), kept as it
 * came for the page to parse (page_form.c).
 */
static int web_read_form(struct req *r, struct web_conn *wc,
			 struct error *err)
{
	static const char form[] = "application/x-www-form-urlencoded";
	const char *ct = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND,
						     "Content-Type");
	if (!buf_ok(&wc->body)) {
		error_set(err, R_TOO_BIG, "",
			  "the form is larger than %d bytes", WEB_BODY_MAX);
		return 413;
	}
	if (wc->has_body &&
	    (!ct || strncasecmp(ct, form, sizeof(form) - 1) != 0)) {
		error_set(err, R_INVALID, "Content-Type",
			  "Content-Type: send the form as %s", form);
		return 415;
	}
	r->form = wc->has_body ? wc->body.data : "";
	r->form_len = wc->has_body ? wc->body.len : 0;
	return 0;
}

/*
 * Routes the request and checks its query and body. Returns 0 when the
 * handler may run, else the status to answer with (err says why).
 */
static int web_prepare(struct req *r, struct web_conn *wc, struct buf *allow,
		       struct error *err)
{
	bool known = false;
	char *path = NULL;
	if (strlen(r->path) < WEB_PATH_MAX) {
		path = arena_strdup(r->arena, r->path);
		r->route = route_match(r->method, path, r->params, &known,
				       allow);
	}
	if (!r->route && known) {
		error_set(err, R_INVALID, "",
			  "%s is not allowed here (use %s)", r->method,
			  buf_str(allow));
		return 405;
	}
	if (!r->route) {
		error_set(err, R_NOT_FOUND, "", "there is nothing at this path "
						"(see docs/api.md)");
		return 404;
	}
	struct web_query_check q = {r->route, NULL};
	MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND,
				  web_query_iter, &q);
	if (q.bad) {
		char name[48];
		snprintf(name, sizeof(name), "%.40s", q.bad);
		error_set(err, R_INVALID, name,
			  "%s: is not a query parameter here%s%s", name,
			  r->route->query[0] ? " (use " : "",
			  r->route->query[0] ? r->route->query : "");
		return 400;
	}
	if (r->route->body)
		return web_read_body(r, wc, err);
	if (strcmp(r->route->method, "POST") == 0)
		return web_read_form(r, wc, err);
	return 0;
}

/* ---- who is asking ---- */

/*
 * After a read, a session's (or token's) last_seen is written as a write
 * of its own, and only when it is a minute old (auth_touch): this route
 * stands for that write in the write queue.
 */
static enum result web_touch_fn(struct req *r, struct error *err)
{
	r->status = 204;
	return auth_touch(r, r->who, err);
}

static const struct route web_touch_route = {"POST", "", web_touch_fn, "",
					     false, true, ROUTE_USER,
					     ROUTE_CSRF_NONE, ROUTE_TX_WRITE,
					     true};

/*
 * Checks the caller against the route's columns (auth_check) in the
 * handler's own transaction, so that a refused write has written nothing
 * and the check sees what the handler will see. A write also notes the
 * session's use (auth_touch). Returns R_FORBIDDEN with r->refused set to
 * the status when refused.
 */
static enum result web_auth(struct req *r, struct error *err)
{
	struct auth_who *who = (struct auth_who *)r->who;
	int status = auth_check(r, who, r->writes, err);
	if (status) {
		r->refused = status;
		return R_FORBIDDEN;
	}
	if (r->writes && who->via != AUTH_VIA_NONE)
		return auth_touch(r, who, err);
	return R_OK;
}

/*
 * Hides the records in the path that the caller may not see
 * (visible_gate): a 404 page or problem for one they may not read, a 403
 * for one they may only read.
 */
static enum result web_visible(struct req *r, struct error *err)
{
	enum result res = visible_gate(r, err);
	if (res == R_FORBIDDEN) {
		r->refused = 403;
		return res;
	}
	if (res == R_NOT_FOUND && strncmp(r->path, "/api/", 5) != 0)
		return page_fail(r, res, err);
	return res;
}

static enum result web_tx(struct store *s, void *ctx, struct error *err)
{
	struct req *r = ctx;
	json_decref(r->out);
	r->out = NULL;
	r->status = 0;
	r->location = NULL;
	r->set_cookie = NULL;
	r->raw = NULL;
	r->syntax = false;
	r->refused = 0;
	r->store = s;
	if (r->route == &web_touch_route || !s)
		return r->route->fn(r, err);
	enum result res = web_auth(r, err);
	store_set_viewer(s, &r->who->subject);
	if (res == R_OK)
		res = web_visible(r, err);
	if (res == R_OK && r->status == 0) /* else: the 404 page */
		res = r->route->fn(r, err);
	store_set_viewer(s, NULL);
	/* Every write that succeeded is audited in its own transaction,
	 * by the handler (own_audit) or here. */
	if (res == R_OK && r->writes && !r->route->own_audit &&
	    r->who->via != AUTH_VIA_NONE && r->status < 400)
		res = auth_audit_request(r, err);
	return res;
}

/* ---- writes: one at a time, committed in groups ---- */

/*
 * A write request waiting its turn. Writes are serialized on one
 * connection (web_writer); the thread that finds no write running leads:
 * it takes every request queued so far and runs them, each in a
 * savepoint of its own, in one transaction, so that a group of writes
 * pays for one commit (the log's frame writes of the pages they share,
 * the locks, the commit record) instead of one each. A request is
 * answered only after the group's commit, and one that fails is rolled
 * back to its savepoint without touching the others: to each it is as if
 * the writes ran one after another. Should the commit itself fail, every
 * write of the group that had succeeded reports that failure.
 */
struct web_job {
	struct req *r;
	struct error *err;
	enum result res;
	bool done;
	struct web_job *next;
};

static struct web_job *web_queue_head, *web_queue_tail;
static bool web_leading;
static pthread_cond_t web_write_done = PTHREAD_COND_INITIALIZER;

static enum result web_group_tx(struct store *s, void *ctx,
				struct error *err)
{
	for (struct web_job *j = ctx; j; j = j->next)
		j->res = store_run_tx(s, web_tx, j->r, j->err);
	return R_OK;
}

/* Runs the group at batch and marks each of its jobs done. Called by the
 * leader with web_write_lock released; takes it back before marking. */
static void web_lead(struct web_job *batch)
{
	struct error gerr = {0};
	struct store *w = web_writer_store(&gerr);
	enum result res = w ? store_run_tx(w, web_group_tx, batch, &gerr)
			    : R_DB;
	pthread_mutex_lock(&web_write_lock);
	for (struct web_job *j = batch; j;) {
		struct web_job *next = j->next; /* j is gone once done */
		if (res != R_OK && j->res == R_OK) {
			j->res = res;
			*j->err = gerr;
		}
		j->done = true;
		j = next;
	}
	web_leading = false;
	pthread_cond_broadcast(&web_write_done);
}

/* Runs a write request in a group (see struct web_job). */
static enum result web_write(struct req *r, struct error *err)
{
	struct web_job job = {r, err, R_DB, false, NULL};
	pthread_mutex_lock(&web_write_lock);
	if (web_queue_tail)
		web_queue_tail->next = &job;
	else
		web_queue_head = &job;
	web_queue_tail = &job;
	while (!job.done) {
		if (web_leading) {
			pthread_cond_wait(&web_write_done, &web_write_lock);
			continue;
		}
		web_leading = true;
		struct web_job *batch = web_queue_head;
		web_queue_head = web_queue_tail = NULL;
		pthread_mutex_unlock(&web_write_lock);
		web_lead(batch); /* returns with the lock held */
	}
	pthread_mutex_unlock(&web_write_lock);
	return job.res;
}

/*
 * Notes a read's use of its session or token when that is a minute old:
 * a write of its own after the read's reply is made (a failure is only
 * logged: the read has succeeded).
 */
static void web_touch_after_read(struct req *r)
{
	if (r->who->via == AUTH_VIA_NONE ||
	    !auth_session_should_touch(r->who->session_last_seen, r->now))
		return;
	struct req t = *r;
	t.route = &web_touch_route;
	t.out = NULL;
	t.writes = true;
	struct error err = {0};
	if (web_write(&t, &err) != R_OK)
		log_error("noting the use of a session: %s", err.message);
	json_decref(t.out);
}

/* Runs the handler; returns 0 or the status of the failure. */
static int web_run(struct req *r, struct error *err)
{
	enum result res;
	if (r->route->store) {
		struct store *s = web_store(err);
		if (!s) {
			log_error("cannot open the database: %s", err->message);
			error_set(err, R_DB, "",
				  "the database cannot be opened; try again, "
				  "and see the server's log");
			return 503;
		}
		/*
		 * Writes run in one transaction (store_run_tx takes SQLite's
		 * write lock up front). Reads do not take it, since taking
		 * the write lock for a GET would let only one thread read at
		 * a time: a GET runs in one read transaction, so all it reads
		 * is one snapshot. Writers queue in this process (web_write)
		 * rather than on SQLite's lock, whose busy handler sleeps
		 * for milliseconds between tries, and commit in groups.
		 */
		if (!r->writes) {
			res = store_run_read(s, web_tx, r, err);
			if (res == R_OK)
				web_touch_after_read(r);
		} else {
			res = web_write(r, err);
		}
	} else {
		res = web_tx(NULL, r, err);
	}
	if (res == R_OK)
		return 0;
	if (r->refused)
		return r->refused;
	if (res == R_DB || res == R_IO) {
		log_error("%s %s: %s", r->method, r->path, err->message);
		error_set(err, res, "",
			  "the server failed to do this; try again, and see "
			  "the server's log");
	}
	return route_status(res, r->syntax);
}

static enum MHD_Result web_handle(struct MHD_Connection *c, const char *url,
				  const char *method, struct web_conn *wc)
{
	struct req r = {0};
	struct error err = {0};
	struct buf allow;
	buf_init(&allow, 256);
	r.conn = c;
	r.method = strcmp(method, "HEAD") == 0 ? "GET" : method;
	r.path = url;
	struct web_thread *t = web_thread();
	if (!t->arena)
		t->arena = arena_new();
	r.arena = t->arena;
	r.now = (int64_t)time(NULL);
	struct auth_who who = {0};
	r.who = &who;
	auth_request_reset();

	int status = web_prepare(&r, wc, &allow, &err);
	if (status == 0) {
		const char *apply = api_query(&r, "apply");
		r.writes = route_writes(r.route,
					apply && strcmp(apply, "0") != 0);
	}
	if (status == 0)
		status = web_run(&r, &err);
	if (status == 0 && r.status == 0) {
		log_error("%s %s: the handler gave no reply", r.method, r.path);
		status = 500;
	}
	if (status != 0) {
		json_decref(r.out);
		r.out = NULL;
		r.raw = NULL;
		r.location = NULL;
		r.set_cookie = NULL;
		r.cache = false;
		r.status = status;
		/* A page refused: to the login page (GET) or a page saying
		 * why; the JSON API answers problem+json. */
		bool page = strncmp(r.path, "/api/", 5) != 0;
		if (!page || !r.refused ||
		    page_auth_refuse(&r, status, &err) != R_OK) {
			r.raw = NULL;
			r.location = NULL;
			r.status = status;
			r.out = route_problem(status, &err);
		}
	}
	enum MHD_Result ret =
		web_send(c, &r, status == 405 ? buf_str(&allow) : NULL);
	json_decref(r.out);
	json_decref(r.body);
	arena_reset(r.arena);
	buf_free(&allow);
	return ret;
}

static enum MHD_Result web_access(void *cls, struct MHD_Connection *c,
				  const char *url, const char *method,
				  const char *version, const char *data,
				  size_t *size, void **con_cls)
{
	struct web_conn *wc = *con_cls;
	if (!wc) {
		wc = xcalloc(1, sizeof(*wc));
		buf_init(&wc->body, WEB_BODY_MAX);
		*con_cls = wc;
		return MHD_YES;
	}
	if (*size) {
		buf_add(&wc->body, data, *size);
		wc->has_body = true;
		*size = 0;
		return MHD_YES;
	}
	return web_handle(c, url, method, wc);
}

static void web_completed(void *cls, struct MHD_Connection *c,
			  void **con_cls, enum MHD_RequestTerminationCode toe)
{
	struct web_conn *wc = *con_cls;
	if (!wc)
		return;
	buf_free(&wc->body);
	free(wc);
	*con_cls = NULL;
}

/* ---- listening ---- */

/*
 * Parses "ADDR:PORT" or "[V6ADDR]:PORT" with a numeric address into sa.
 */
static enum result web_parse_listen(const char *s, struct sockaddr_storage *sa,
				    socklen_t *len, struct error *err)
{
	char host[64];
	const char *port;
	memset(sa, 0, sizeof(*sa));
	if (s[0] == '[') {
		const char *end = strchr(s, ']');
		if (!end || end[1] != ':' || (size_t)(end - s - 1) >= sizeof(host))
			goto bad;
		memcpy(host, s + 1, (size_t)(end - s - 1));
		host[end - s - 1] = '\0';
		port = end + 2;
	} else {
		const char *colon = strrchr(s, ':');
		if (!colon || (size_t)(colon - s) >= sizeof(host))
			goto bad;
		memcpy(host, s, (size_t)(colon - s));
		host[colon - s] = '\0';
		port = colon + 1;
	}
	int p;
	if (!num_parse_int(port, 0, 65535, &p))
		goto bad;
	struct sockaddr_in *v4 = (struct sockaddr_in *)sa;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)sa;
	if (inet_pton(AF_INET, host, &v4->sin_addr) == 1) {
		v4->sin_family = AF_INET;
		v4->sin_port = htons((uint16_t)p);
		*len = sizeof(*v4);
		return R_OK;
	}
	if (inet_pton(AF_INET6, host, &v6->sin6_addr) == 1) {
		v6->sin6_family = AF_INET6;
		v6->sin6_port = htons((uint16_t)p);
		*len = sizeof(*v6);
		return R_OK;
	}
bad:
	return error_set(err, R_INVALID, "listen",
			 "--listen %s: use ADDR:PORT with a numeric address, "
			 "e.g. 127.0.0.1:8080 or [::1]:8080 (port 0 picks a "
			 "free one)",
			 s);
}

static enum result web_listen(const char *spec, int *fd_out, int *port_out,
			      struct error *err)
{
	struct sockaddr_storage sa;
	socklen_t len = 0;
	enum result res = web_parse_listen(spec, &sa, &len, err);
	if (res != R_OK)
		return res;
	/* Non-blocking: the workers share this socket, and one that wakes
	 * after another took the connection must not block in accept(). */
	int fd = socket(sa.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK,
			0);
	if (fd < 0)
		return error_set(err, R_IO, "listen", "cannot make a socket: %s",
				 strerror(errno));
	int one = 1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (sa.ss_family == AF_INET6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&sa, len) != 0 ||
	    listen(fd, 1024) != 0) {
		int e = errno;
		close(fd);
		return error_set(err, R_IO, "listen",
				 "cannot listen on %s: %s%s", spec, strerror(e),
				 e == EADDRINUSE ? " (pick another port with "
						   "--listen)"
						 : "");
	}
	struct sockaddr_storage bound;
	socklen_t blen = sizeof(bound);
	getsockname(fd, (struct sockaddr *)&bound, &blen);
	*port_out = bound.ss_family == AF_INET6
			    ? ntohs(((struct sockaddr_in6 *)&bound)->sin6_port)
			    : ntohs(((struct sockaddr_in *)&bound)->sin_port);
	*fd_out = fd;
	return R_OK;
}

/* Writes the port to path through a temporary file and a rename, so a
 * reader never sees half of it. */
static enum result web_write_port(const char *path, int port,
				  struct error *err)
{
	struct buf tmp;
	buf_init(&tmp, 8192);
	buf_printf(&tmp, "%s.tmp", path);
	FILE *f = buf_ok(&tmp) ? fopen(buf_str(&tmp), "w") : NULL;
	bool ok = f && fprintf(f, "%d\n", port) > 0;
	if (f && fclose(f) != 0)
		ok = false;
	if (ok && rename(buf_str(&tmp), path) != 0)
		ok = false;
	buf_free(&tmp);
	if (!ok)
		return error_set(err, R_IO, "port_file",
				 "cannot write the port to %s: %s", path,
				 strerror(errno));
	return R_OK;
}

/* Opens the database once, so that migrations run before any request
 * and a refused database stops the start with its reason. */
static enum result web_check_db(const char *path, struct error *err)
{
	struct store *s = NULL;
	enum result res = store_open(path, &s, err);
	store_close(s);
	return res;
}

static int web_threads(int asked)
{
	if (asked > 0)
		return asked;
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

static struct MHD_Daemon *web_start(int fd, int threads)
{
	unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_TURBO;
	struct MHD_OptionItem opts[] = {
		{MHD_OPTION_LISTEN_SOCKET, fd, NULL},
		{MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)web_completed, NULL},
		{MHD_OPTION_CONNECTION_TIMEOUT, 60, NULL},
		/* libmicrohttpd zeroes a connection's whole pool before each
		 * request it reads; its default of 32 KiB made that a tenth of
		 * a small request's cost. 16 KiB still holds any sane header. */
		{MHD_OPTION_CONNECTION_MEMORY_LIMIT, WEB_CONN_MEMORY, NULL},
		{MHD_OPTION_THREAD_POOL_SIZE, threads, NULL},
		{MHD_OPTION_END, 0, NULL},
	};
	if (threads <= 1)
		opts[4].option = MHD_OPTION_END;
	return MHD_start_daemon(flags, 0, NULL, NULL, web_access, NULL,
				MHD_OPTION_ARRAY, opts, MHD_OPTION_END);
}

enum result web_serve(const struct web_config *cfg, struct error *err)
{
	int fd = -1, port = 0;
	enum result res = web_listen(cfg->listen, &fd, &port, err);
	if (res != R_OK)
		return res;
	res = web_check_db(cfg->db_path, err);
	if (res == R_OK && cfg->before_serving)
		res = cfg->before_serving(cfg->db_path, err);
	if (res != R_OK) {
		close(fd);
		return res;
	}

	sigset_t stop, old;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, &old);
	signal(SIGPIPE, SIG_IGN);
	json_object_seed(0);
	web_db_path = cfg->db_path;
	auth_configure(cfg->behind_tls);
	pthread_key_create(&web_thread_key, web_thread_end);

	int threads = web_threads(cfg->threads);
	struct web_checkpointer cp = {0};
	web_checkpointer_start(&cp);
	struct MHD_Daemon *d = web_start(fd, threads);
	if (!d) {
		close(fd);
		res = error_set(err, R_IO, "listen",
				"the HTTP server did not start on %s",
				cfg->listen);
		goto out;
	}
	if (cfg->port_file) {
		res = web_write_port(cfg->port_file, port, err);
		if (res != R_OK) {
			MHD_stop_daemon(d);
			goto out;
		}
	}
	const char *colon = strrchr(cfg->listen, ':');
	fprintf(stderr, "rapport: serving http://%.*s:%d (database %s)\n",
		(int)(colon - cfg->listen), cfg->listen, port, cfg->db_path);
	fflush(stderr);

	int sig = 0;
	sigwait(&stop, &sig);
	log_info("stopping on signal %d", sig);
	MHD_stop_daemon(d);
out:
	store_close(web_writer);
	web_writer = NULL;
	web_checkpointer_stop(&cp);
	pthread_key_delete(web_thread_key);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return res;
}
