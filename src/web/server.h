/*
 * server.h: the HTTP server (web layer).
 */
#ifndef RAPPORT_WEB_SERVER_H
#define RAPPORT_WEB_SERVER_H

#include <stdbool.h>

#include "util/result.h"

struct web_config {
	const char *db_path; /* the database every worker opens */
	const char *listen;  /* "127.0.0.1:8080", "[::1]:0", ... */
	int threads;         /* worker threads; 0: one per core */
	const char *port_file; /* if set, the bound port is written here */
	bool behind_tls; /* Secure cookies; client address from the proxy */
	/* if set, run once the socket listens and the database is open,
	 * before serving (the first run's admin, made by main.c); an error
	 * stops the start */
	enum result (*before_serving)(const char *db_path, struct error *err);
};

/*
 * Serves until SIGINT or SIGTERM. Returns R_OK after a clean stop, or an
 * error (address in use, database refused) with a message in err.
 */
enum result web_serve(const struct web_config *cfg, struct error *err);

#endif
