/*
 * server.c: the HTTP server (web layer). Placeholder until issue 2's
 * server lands.
 */
#include "web/server.h"

enum result web_serve(const struct web_config *cfg, struct error *err)
{
	(void)cfg;
	return error_set(err, R_IO, "", "the server is not built yet");
}
