/* serve.h: secannex serve, the local web application's HTTP server (serve.c, on libmicrohttpd). */
#ifndef SX_CLI_SERVE_H
#define SX_CLI_SERVE_H

#include <stddef.h>

#include "../secannex.h"

/* What the server needs: all of it read-only and shared by every request. */
struct serve_opts {
	const char *listen;             /* "ADDR:PORT" or "[ADDR6]:PORT"; NULL: 127.0.0.1:8470 */
	const char *const *allow_hosts; /* more Host names the app may be reached by */
	size_t nallow;
	const secannex_catalog *cat;    /* loaded once */
	const char *schema_dir;         /* profile.rng */
	const char *template_dir;       /* the ODT/DOCX templates */
	int epoch_set;                  /* SOURCE_DATE_EPOCH, read at start */
	long long epoch;
};

/* One file of the page, compiled in (page.c, made by embed.sh from src/cli/page/). */
struct page_file {
	const char *path;   /* the request path: "/", "/app.js" */
	const char *ctype;
	const unsigned char *data;
	size_t len;
};
extern const struct page_file page_files[];
extern const size_t page_nfiles;

/* Serve until SIGINT or SIGTERM.  Returns the exit code: 0 after a clean stop, 1 when the server
 * cannot start (the address is in use, no private scratch directory), 2 for a bad --listen. */
int serve_run(const struct serve_opts *o);

#endif
