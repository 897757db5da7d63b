/* serve.c: secannex serve: the HTTP API of the local web application on libmicrohttpd (routes,
 * Host/Origin checks, body limit, responses); the library stays HTTP-free. */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <microhttpd.h>

#include "../lib/i18n.h"
#include "../lib/json.h"
#include "serve.h"

/* A request body (profile XML, two catalogs) is at most this long: 413 beyond. */
#define S_MAX_BODY ((size_t)1024 * 1024)
/* Seconds a connection may stay idle (slow clients, half-sent requests) before it is closed. */
#define S_TIMEOUT 15

struct S_server {
	const struct serve_opts *o;
	char host[INET6_ADDRSTRLEN + 2]; /* the listen address as a Host names it: 127.0.0.1, [::1] */
	unsigned port;
	char scratch[PATH_MAX];          /* the private directory of xlsx files (mkdtemp, 0700) */
	atomic_ulong seq;                /* scratch file names */
};

struct S_req;
typedef enum MHD_Result (*S_handler)(struct S_server *, struct MHD_Connection *, struct S_req *);

/* One row per API path: the method it takes and its handler. */
struct S_route {
	const char *path;
	const char *method;
	S_handler run;
	int multipart; /* 1: the body is multipart/form-data (parts old, new) */
};

/* What one request holds until it completes (freed by S_done). */
struct S_req {
	const struct S_route *route;
	const struct page_file *page; /* a GET of one of the page's files */
	sx_buf body;
	size_t seen;     /* body bytes received */
	int too_big;
	int refused;     /* a refusal was queued on the first call: the body is discarded */
	struct MHD_PostProcessor *pp;
	sx_buf part[2];  /* multipart: old, new */
};

static enum MHD_Result S_types(struct S_server *, struct MHD_Connection *, struct S_req *);
static enum MHD_Result S_catalog(struct S_server *, struct MHD_Connection *, struct S_req *);
static enum MHD_Result S_resolve(struct S_server *, struct MHD_Connection *, struct S_req *);
static enum MHD_Result S_generate(struct S_server *, struct MHD_Connection *, struct S_req *);
static enum MHD_Result S_diff(struct S_server *, struct MHD_Connection *, struct S_req *);
static enum MHD_Result S_grade(struct S_server *, struct MHD_Connection *, struct S_req *);
static enum MHD_Result S_baseline(struct S_server *, struct MHD_Connection *, struct S_req *);
static enum MHD_Result S_duties(struct S_server *, struct MHD_Connection *, struct S_req *);

static const struct S_route S_routes[] = {
	{ "/api/types", "GET", S_types, 0 },
	{ "/api/catalog", "GET", S_catalog, 0 },
	{ "/api/grade", "GET", S_grade, 0 },
	{ "/api/baseline", "GET", S_baseline, 0 },
	{ "/api/duties", "GET", S_duties, 0 },
	{ "/api/resolve", "POST", S_resolve, 0 },
	{ "/api/generate", "POST", S_generate, 0 },
	{ "/api/diff", "POST", S_diff, 1 },
};
#define S_NROUTES (sizeof(S_routes) / sizeof(S_routes[0]))

/* Queue response R (destroyed here) with STATUS and CTYPE, with the headers every response has;
 * DISPOSITION (may be NULL) names a download. */
static enum MHD_Result
S_queue(struct MHD_Connection *c, struct MHD_Response *r, unsigned status, const char *ctype,
    const char *disposition)
{
	enum MHD_Result rc;

	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
	MHD_add_response_header(r, "Content-Security-Policy", "default-src 'self'");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	if (disposition)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_DISPOSITION, disposition);
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, POST");
	rc = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return rc;
}

/* Queue STATUS with LEN bytes of DATA (taken over: freed by libmicrohttpd) of type CTYPE. */
static enum MHD_Result
S_reply(struct MHD_Connection *c, unsigned status, const char *ctype, char *data, size_t len,
    const char *disposition)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);

	if (r == NULL) {
		free(data);
		return MHD_NO;
	}
	return S_queue(c, r, status, ctype, disposition);
}

/* One of the page's files (compiled in, never copied). */
static enum MHD_Result
S_page(struct MHD_Connection *c, const struct page_file *f)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(f->len, (void *)f->data,
	    MHD_RESPMEM_PERSISTENT);

	return r ? S_queue(c, r, MHD_HTTP_OK, f->ctype, NULL) : MHD_NO;
}

/* A JSON body S (a library rendering, freed here) with STATUS. */
static enum MHD_Result
S_json(struct MHD_Connection *c, unsigned status, char *s)
{
	return S_reply(c, status, "application/json; charset=utf-8", s, strlen(s), NULL);
}

/* The error reply {"error": MSG, "line": LINE or null, "diagnostics": [...]}: MSG and LINE are
 * the first error of D when D has one. */
static enum MHD_Result
S_error(struct MHD_Connection *c, unsigned status, const char *msg, const secannex_diags *d)
{
	sx_buf b = SX_BUF_INIT;
	sx_json w;
	const char *file, *m;
	secannex_level lv;
	int line = 0;

	for (size_t i = 0; d && (m = secannex_diags_get(d, i, NULL, &line, &lv)) != NULL; i++)
		if (lv >= SECANNEX_DIAG_ERROR) {
			msg = m;
			break;
		}
	if (!msg) {
		msg = _("the request failed");
		line = 0;
	}
	sx_json_init(&w, &b);
	sx_json_begin_object(&w);
	sx_json_kv_str(&w, "error", msg);
	sx_json_key(&w, "line");
	if (line > 0)
		sx_json_int(&w, line);
	else
		sx_json_null(&w);
	sx_json_key(&w, "diagnostics");
	sx_json_begin_array(&w);
	for (size_t i = 0; d && (m = secannex_diags_get(d, i, &file, &line, &lv)) != NULL; i++) {
		sx_json_begin_object(&w);
		sx_json_kv_str(&w, "file", file);
		sx_json_kv_int(&w, "line", line);
		sx_json_kv_str(&w, "level", lv >= SECANNEX_DIAG_ERROR ? "error" : "warning");
		sx_json_kv_str(&w, "message", m);
		sx_json_end_object(&w);
	}
	sx_json_end_array(&w);
	sx_json_end_object(&w);
	sx_json_newline(&w);
	sx_json_free(&w);
	return S_json(c, status, sx_buf_detach(&b));
}

/* The host part of a Host header or an origin's authority (HOSTPORT), into OUT. */
static void
S_host_part(const char *hostport, char *out, size_t n)
{
	size_t len;

	if (hostport[0] == '[')
		len = strcspn(hostport, "]") + (strchr(hostport, ']') ? 1 : 0);
	else
		len = strcspn(hostport, ":");
	snprintf(out, n, "%.*s", (int)(len < n ? len : n - 1), hostport);
}

/* Whether HOSTPORT (a Host header) names this app: the listen address, localhost or an
 * --allow-host name, with the port we listen on when a port is given. */
static int
S_host_ok(const struct S_server *sv, const char *hostport)
{
	char host[256], want[16];
	const char *port;

	if (hostport == NULL || strlen(hostport) >= sizeof(host))
		return 0;
	S_host_part(hostport, host, sizeof(host));
	port = hostport + strlen(host);
	snprintf(want, sizeof(want), ":%u", sv->port);
	if (*port && strcmp(port, want) != 0)
		return 0;
	if (strcasecmp(host, "localhost") == 0 || strcasecmp(host, sv->host) == 0)
		return 1;
	for (size_t i = 0; i < sv->o->nallow; i++)
		if (strcasecmp(host, sv->o->allow_hosts[i]) == 0)
			return 1;
	return 0;
}

/* A POST comes from the app's own page: X-Secannex-Request: 1 (a cross-site form cannot send
 * it) and, when the browser says where it comes from, the origin http://HOST of this request. */
static int
S_post_ok(struct MHD_Connection *c)
{
	const char *x = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Secannex-Request");
	const char *origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_ORIGIN);
	const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);

	if (x == NULL || strcmp(x, "1") != 0)
		return 0;
	if (origin == NULL)
		return 1;
	return strncmp(origin, "http://", 7) == 0 && host && strcmp(origin + 7, host) == 0;
}

/* Refuse request Q with STATUS and MSG (queued now, before its body). */
static enum MHD_Result
S_refuse(struct MHD_Connection *c, struct S_req *q, unsigned status, const char *msg)
{
	q->refused = 1;
	return S_error(c, status, msg, NULL);
}

/* The first call of a request, its headers read: Host, path, method, origin and announced size.
 * Returns MHD_YES to read the body, else the refusal's result (queued here). */
static enum MHD_Result
S_admit(struct S_server *sv, struct MHD_Connection *c, const char *url, const char *method,
    struct S_req *q)
{
	const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
	const char *clen = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_CONTENT_LENGTH);
	int known = 0;

	if (!S_host_ok(sv, host))
		return S_refuse(c, q, MHD_HTTP_MISDIRECTED_REQUEST,
		    _("this server answers only to its own address (Host refused)"));
	for (size_t i = 0; i < S_NROUTES; i++)
		if (strcmp(url, S_routes[i].path) == 0) {
			known = 1;
			if (strcmp(method, S_routes[i].method) == 0)
				q->route = &S_routes[i];
		}
	for (size_t i = 0; i < page_nfiles; i++)
		if (strcmp(url, page_files[i].path) == 0) {
			known = 1;
			if (strcmp(method, "GET") == 0)
				q->page = &page_files[i];
		}
	if (!known)
		return S_refuse(c, q, MHD_HTTP_NOT_FOUND, _("no such path"));
	if (q->page)
		return MHD_YES;
	if (q->route == NULL)
		return S_refuse(c, q, MHD_HTTP_METHOD_NOT_ALLOWED, _("method not allowed on this path"));
	if (strcmp(method, "POST") == 0 && !S_post_ok(c))
		return S_refuse(c, q, MHD_HTTP_FORBIDDEN,
		    _("a request must come from the app's own page (X-Secannex-Request: 1, same origin)"));
	if (clen && strtoull(clen, NULL, 10) > S_MAX_BODY)
		return S_refuse(c, q, MHD_HTTP_CONTENT_TOO_LARGE, _("the request body is over 1 MiB"));
	return MHD_YES;
}

/* The multipart iterator: parts "old" and "new" are kept, other fields ignored. */
static enum MHD_Result
S_part(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
    const char *ctype, const char *enc, const char *data, uint64_t off, size_t size)
{
	struct S_req *q = cls;

	if (strcmp(key, "old") == 0)
		sx_buf_put(&q->part[0], data, size);
	else if (strcmp(key, "new") == 0)
		sx_buf_put(&q->part[1], data, size);
	return MHD_YES;
}

/* LEN more body bytes: kept (or parsed as multipart) while the total is within the limit. */
static void
S_take(struct MHD_Connection *c, struct S_req *q, const char *data, size_t len)
{
	q->seen += len;
	if (q->too_big || q->seen > S_MAX_BODY) {
		q->too_big = 1;
		return;
	}
	if (q->route == NULL) /* a page's GET: a body is not read */
		return;
	if (!q->route->multipart) {
		sx_buf_put(&q->body, data, len);
		return;
	}
	if (q->pp == NULL)
		q->pp = MHD_create_post_processor(c, 64 * 1024, S_part, q);
	if (q->pp)
		MHD_post_process(q->pp, data, len);
}

static enum MHD_Result
S_handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
    const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	struct S_server *sv = cls;
	struct S_req *q = *con_cls;
	enum MHD_Result rc;

	if (q == NULL) {
		q = calloc(1, sizeof(*q));
		if (q == NULL)
			return MHD_NO;
		*con_cls = q;
		return S_admit(sv, c, url, method, q);
	}
	if (q->refused) { /* answered on the first call: the body is discarded */
		*upload_size = 0;
		return MHD_YES;
	}
	if (*upload_size) {
		S_take(c, q, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	if (q->too_big)
		return S_error(c, MHD_HTTP_CONTENT_TOO_LARGE, _("the request body is over 1 MiB"), NULL);
	if (q->page)
		return S_page(c, q->page);
	rc = q->route->run(sv, c, q);
	secannex_error_clear(); /* a library message of this request, in this pool thread's storage */
	return rc;
}

static enum MHD_Result
S_types(struct S_server *sv, struct MHD_Connection *c, struct S_req *q)
{
	char *s = secannex_render_types(sv->o->cat, SECANNEX_FORMAT_JSON);

	return s ? S_json(c, MHD_HTTP_OK, s) : S_error(c, 500, secannex_error_last(), NULL);
}

static enum MHD_Result
S_catalog(struct S_server *sv, struct MHD_Connection *c, struct S_req *q)
{
	char *s = secannex_render_export(sv->o->cat);

	return s ? S_json(c, MHD_HTTP_OK, s) : S_error(c, 500, secannex_error_last(), NULL);
}

/* The query parameter NAME, or NULL. */
static const char *
S_arg(struct MHD_Connection *c, const char *name)
{
	return MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
}

/* A listing S of the library (NULL: a bad query value, the library's message): 200 or 400. */
static enum MHD_Result
S_listing(struct MHD_Connection *c, char *s)
{
	return s ? S_json(c, MHD_HTTP_OK, s) : S_error(c, MHD_HTTP_BAD_REQUEST, secannex_error_last(), NULL);
}

/* GET /api/grade?confidentiality=G&integrity=G&availability=G&legal=G: the system grade from the
 * four 附表九 dimensions with its rationale, exactly grade --format json. */
static enum MHD_Result
S_grade(struct S_server *sv, struct MHD_Connection *c, struct S_req *q)
{
	static const char *const dims[4] = { "confidentiality", "integrity", "availability", "legal" };
	secannex_grade g[4];

	for (int k = 0; k < 4; k++)
		if (secannex_grade_parse(&g[k], S_arg(c, dims[k])) != 0)
			return S_error(c, MHD_HTTP_BAD_REQUEST, secannex_error_last(), NULL);
	return S_listing(c, secannex_render_grade(sv->o->cat, g, SECANNEX_FORMAT_JSON));
}

/* GET /api/baseline?grade=G[&area=AREA]: a grade's 附表十 controls, exactly baseline --format json. */
static enum MHD_Result
S_baseline(struct S_server *sv, struct MHD_Connection *c, struct S_req *q)
{
	secannex_grade g;

	if (secannex_grade_parse(&g, S_arg(c, "grade")) != 0)
		return S_error(c, MHD_HTTP_BAD_REQUEST, secannex_error_last(), NULL);
	return S_listing(c, secannex_render_baseline(sv->o->cat, g, S_arg(c, "area"),
	    SECANNEX_FORMAT_JSON));
}

/* GET /api/duties?level=L&kind=K: an agency's 附表一～八 duties, exactly duties --format json. */
static enum MHD_Result
S_duties(struct S_server *sv, struct MHD_Connection *c, struct S_req *q)
{
	secannex_kind kind;
	int level;

	if (secannex_level_parse(&level, S_arg(c, "level")) != 0 ||
	    secannex_kind_parse(&kind, S_arg(c, "kind")) != 0)
		return S_error(c, MHD_HTTP_BAD_REQUEST, secannex_error_last(), NULL);
	return S_listing(c, secannex_render_duties(sv->o->cat, level, kind, SECANNEX_FORMAT_JSON));
}

/* The tender of the request's body (a profile file), resolved into *RES as the CLI's resolve
 * does.  Returns 0, or an error with diagnostics in D. */
static int
S_tender(struct S_server *sv, struct S_req *q, secannex_resolution **res, secannex_diags *d)
{
	secannex_profile *p = secannex_profile_new();
	int rc;

	*res = NULL;
	rc = secannex_profile_load_mem(p, q->body.ptr ? q->body.ptr : "", q->body.len, "profile.xml",
	    sv->o->schema_dir, S_MAX_BODY, d);
	if (rc == 0)
		rc = secannex_resolve(res, sv->o->cat, p, 0, d);
	secannex_profile_free(p);
	return rc;
}

static enum MHD_Result
S_resolve(struct S_server *sv, struct MHD_Connection *c, struct S_req *q)
{
	secannex_diags *d = secannex_diags_new();
	secannex_resolution *res;
	enum MHD_Result rc;

	if (S_tender(sv, q, &res, d) == 0)
		rc = S_json(c, MHD_HTTP_OK, secannex_render_resolution(res, SECANNEX_FORMAT_JSON));
	else
		rc = S_error(c, MHD_HTTP_BAD_REQUEST, NULL, d);
	secannex_resolution_free(res);
	secannex_diags_free(d);
	return rc;
}

/* The Content-Type of a file format. */
static const char *
S_ctype(secannex_format f)
{
	switch (f) {
	case SECANNEX_FORMAT_DOCX:
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
	case SECANNEX_FORMAT_ODT:
		return "application/vnd.oasis.opendocument.text";
	case SECANNEX_FORMAT_XLSX:
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	case SECANNEX_FORMAT_CSV:
		return "text/csv; charset=utf-8";
	case SECANNEX_FORMAT_MD:
		return "text/markdown; charset=utf-8";
	default:
		return "application/json; charset=utf-8";
	}
}

/* The document and file format of the query (document=, format=) made FROM that source, as the
 * CLI's generate accepts them.  Returns NULL, or the problem (for a 400). */
static const char *
S_doc_args(struct MHD_Connection *c, int from, const char **doc, secannex_format *f)
{
	const char *fmt = S_arg(c, "format");
	int i;

	*doc = S_arg(c, "document");
	if (fmt == NULL || secannex_format_parse(f, fmt) != 0 || !secannex_format_get(*f)->is_file)
		return _("format= must be a file format: odt, docx, csv or xlsx");
	i = secannex_document_find(*doc, *f, from);
	if (i < 0 || secannex_document_get((size_t)i)->from != from)
		return _("unknown document= (see 'secannex --help')");
	if (!(secannex_document_get((size_t)i)->formats & (1u << *f)))
		return _("this document cannot be written in this format");
	*doc = secannex_document_get((size_t)i)->name;
	return NULL;
}

/* A file reply: DATA (taken over) named DOC plus FMT's extension. */
static enum MHD_Result
S_file(struct MHD_Connection *c, const char *doc, secannex_format fmt, char *data, size_t len)
{
	char disp[128];

	snprintf(disp, sizeof(disp), "attachment; filename=\"%s%s\"", doc,
	    secannex_format_get(fmt)->extension ? secannex_format_get(fmt)->extension : ".txt");
	return S_reply(c, MHD_HTTP_OK, S_ctype(fmt), data, len, disp);
}

static enum MHD_Result
S_generate(struct S_server *sv, struct MHD_Connection *c, struct S_req *q)
{
	secannex_write_opts o = { NULL, SECANNEX_FORMAT_DOCX, sv->o->template_dir, sv->o->epoch_set,
		sv->o->epoch, NULL, NULL, NULL, 0, 0, 0 };
	const char *bad = S_doc_args(c, SECANNEX_FROM_RESOLUTION, &o.document, &o.format);
	const char *draft = S_arg(c, "draft"), *detail = S_arg(c, "matrix-detail");
	secannex_diags *d;
	secannex_resolution *res = NULL;
	char scratch[PATH_MAX + 32], *data = NULL;
	size_t len = 0;
	enum MHD_Result rc;

	if (bad)
		return S_error(c, MHD_HTTP_BAD_REQUEST, bad, NULL);
	o.draft = draft && strcmp(draft, "1") == 0;
	o.label = S_arg(c, "label");
	/* matrix-detail= as the CLI's --matrix-detail: requirements or controls, the matrix only */
	if (detail && strcmp(detail, "controls") != 0 && strcmp(detail, "requirements") != 0)
		return S_error(c, MHD_HTTP_BAD_REQUEST, _("matrix-detail= is requirements or controls"), NULL);
	if (detail && strcmp(o.document, "matrix") != 0)
		return S_error(c, MHD_HTTP_BAD_REQUEST,
		    _("matrix-detail= applies to the matrix (document=matrix)"), NULL);
	o.matrix_controls = detail && strcmp(detail, "controls") == 0;
	snprintf(scratch, sizeof(scratch), "%s/%lu%s", sv->scratch, atomic_fetch_add(&sv->seq, 1),
	    secannex_format_get(o.format)->extension);
	d = secannex_diags_new();
	if (S_tender(sv, q, &res, d) == 0 && secannex_document_render(res, &o, scratch, &data, &len, d) == 0)
		rc = S_file(c, o.document, o.format, data, len);
	else
		rc = S_error(c, MHD_HTTP_BAD_REQUEST, NULL, d);
	secannex_resolution_free(res);
	secannex_diags_free(d);
	return rc;
}

/* The diff's answer in FMT: the 修正對照表 as md or json text, or document DOC as a file. */
static enum MHD_Result
S_diff_reply(struct S_server *sv, struct MHD_Connection *c, const secannex_diff *df,
    const char *doc, secannex_format fmt, secannex_diags *d)
{
	secannex_write_opts o = { doc, fmt, sv->o->template_dir, sv->o->epoch_set, sv->o->epoch, NULL,
		NULL, NULL, 0, 0, 0 };
	char *data;
	size_t len;

	if (!secannex_format_get(fmt)->is_file) {
		data = secannex_diff_document(df, doc ? doc : "table", fmt);
		if (data == NULL)
			return S_error(c, MHD_HTTP_BAD_REQUEST, secannex_error_last(), NULL);
		return S_reply(c, MHD_HTTP_OK, S_ctype(fmt), data, strlen(data), NULL);
	}
	if (secannex_diff_render(df, &o, &data, &len, d) != 0)
		return S_error(c, MHD_HTTP_BAD_REQUEST, NULL, d);
	return S_file(c, doc ? doc : "table", fmt, data, len);
}

static enum MHD_Result
S_diff(struct S_server *sv, struct MHD_Connection *c, struct S_req *q)
{
	const char *fmt = S_arg(c, "format"), *doc = S_arg(c, "document");
	secannex_format f = SECANNEX_FORMAT_MD;
	secannex_catalog *oc = NULL, *nc = NULL;
	secannex_diff *df = NULL;
	secannex_diags *d;
	enum MHD_Result rc;

	if (fmt && (secannex_format_parse(&f, fmt) != 0 || f == SECANNEX_FORMAT_TEXT))
		return S_error(c, MHD_HTTP_BAD_REQUEST, _("format= is md, json, docx or odt"), NULL);
	if (q->pp == NULL || q->part[0].len == 0 || q->part[1].len == 0)
		return S_error(c, MHD_HTTP_BAD_REQUEST,
		    _("the body must be multipart/form-data with the parts old and new"), NULL);
	d = secannex_diags_new();
	if (secannex_catalog_load_mem(&oc, q->part[0].ptr, q->part[0].len, "old.xml", sv->o->cat,
	    sv->o->schema_dir, S_MAX_BODY, d) == 0 &&
	    secannex_catalog_load_mem(&nc, q->part[1].ptr, q->part[1].len, "new.xml", sv->o->cat,
	    sv->o->schema_dir, S_MAX_BODY, d) == 0 &&
	    secannex_diff_catalogs(&df, oc, nc) == 0)
		rc = S_diff_reply(sv, c, df, doc, f, d);
	else
		rc = S_error(c, MHD_HTTP_BAD_REQUEST, NULL, d);
	secannex_diff_free(df);
	secannex_catalog_free(oc);
	secannex_catalog_free(nc);
	secannex_diags_free(d);
	return rc;
}

/* A request is over (answered, or its connection lost): what it held is freed. */
static void
S_done(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	struct S_req *q = *con_cls;

	if (q == NULL)
		return;
	if (q->pp)
		MHD_destroy_post_processor(q->pp);
	sx_buf_free(&q->body);
	sx_buf_free(&q->part[0]);
	sx_buf_free(&q->part[1]);
	free(q);
	*con_cls = NULL;
}

/* Parse LISTEN ("ADDR:PORT", "[ADDR6]:PORT", a numeric address) into SA.  Returns 0 or -1. */
static int
S_parse_listen(const char *listen, struct sockaddr_storage *sa, char *host, size_t hn)
{
	char addr[INET6_ADDRSTRLEN + 2];
	const char *colon = strrchr(listen, ':');
	char *end;
	unsigned long port;
	size_t alen;

	memset(sa, 0, sizeof(*sa));
	if (colon == NULL || colon == listen)
		return -1;
	errno = 0;
	port = strtoul(colon + 1, &end, 10);
	if (errno || *end || colon[1] == '\0' || colon[1] == '-' || port > 65535)
		return -1;
	alen = (size_t)(colon - listen);
	if (alen >= sizeof(addr))
		return -1;
	memcpy(addr, listen, alen);
	addr[alen] = '\0';
	snprintf(host, hn, "%s", addr);
	if (addr[0] == '[' && addr[alen - 1] == ']') {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)sa;
		addr[alen - 1] = '\0';
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((uint16_t)port);
		return inet_pton(AF_INET6, addr + 1, &s6->sin6_addr) == 1 ? 0 : -1;
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)sa;
		s4->sin_family = AF_INET;
		s4->sin_port = htons((uint16_t)port);
		return inet_pton(AF_INET, addr, &s4->sin_addr) == 1 ? 0 : -1;
	}
}

/* Start the daemon on SA with a thread pool.  Returns it, or NULL. */
static struct MHD_Daemon *
S_start(struct S_server *sv, const struct sockaddr_storage *sa)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned threads = n < 2 ? 2 : n > 16 ? 16 : (unsigned)n;
	unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | (sa->ss_family == AF_INET6 ? MHD_USE_IPv6 : 0);

	return MHD_start_daemon(flags, 0, NULL, NULL, S_handle, sv,
	    MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)sa,
	    MHD_OPTION_THREAD_POOL_SIZE, threads,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)S_TIMEOUT,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
	    MHD_OPTION_STRICT_FOR_CLIENT, 1,
	    MHD_OPTION_NOTIFY_COMPLETED, S_done, NULL,
	    MHD_OPTION_END);
}

int
serve_run(const struct serve_opts *o)
{
	static struct S_server sv; /* one server per process; its threads read it */
	struct sockaddr_storage sa;
	struct MHD_Daemon *dm;
	const union MHD_DaemonInfo *info;
	const char *tmp = getenv("TMPDIR");
	sigset_t set;
	int sig;

	sv.o = o;
	if (S_parse_listen(o->listen ? o->listen : "127.0.0.1:8470", &sa, sv.host, sizeof(sv.host)) != 0) {
		fprintf(stderr, "secannex: ");
		fprintf(stderr, _("bad --listen '%s' (expected ADDRESS:PORT, e.g. 127.0.0.1:8470)"),
		    o->listen);
		fputc('\n', stderr);
		return 2;
	}
	snprintf(sv.scratch, sizeof(sv.scratch), "%s/secannex-serve.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(sv.scratch) == NULL) {
		fprintf(stderr, "secannex: %s: %s: %s\n", _("error"), sv.scratch, strerror(errno));
		return 1;
	}
	/* SIGINT and SIGTERM are taken by sigwait below: blocked before the pool's threads start */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	if ((dm = S_start(&sv, &sa)) == NULL) {
		fprintf(stderr, "secannex: %s: ", _("error"));
		fprintf(stderr, _("cannot listen on %s: %s\n"), o->listen ? o->listen : "127.0.0.1:8470",
		    strerror(errno));
		rmdir(sv.scratch);
		return 1;
	}
	info = MHD_get_daemon_info(dm, MHD_DAEMON_INFO_BIND_PORT);
	sv.port = info ? info->port : 0;
	printf(_("secannex: serving on http://%s:%u/ (stop with Ctrl-C)\n"), sv.host, sv.port);
	fflush(stdout);
	while (sigwait(&set, &sig) != 0 || (sig != SIGINT && sig != SIGTERM))
		;
	MHD_stop_daemon(dm);
	rmdir(sv.scratch);
	return 0;
}
