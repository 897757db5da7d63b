/* docs.c: the formats table and the documents table, and the entry points that build a document,
 * write it in a format and put the file in place atomically (generate, redlines). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "api.h"
#include "diag.h"
#include "digest.h"
#include "docs.h"
#include "i18n.h"
#include "output.h"
#include "suggest.h"
#include "xmlsafe.h"

#define F(x) (1u << SECANNEX_FORMAT_##x)

/* One row per format, in enum order: stream formats (rendered to standard output) have no
 * extension and no writer; the package formats also write with a reference document. */
static const struct {
	secannex_format_info info;
	sx_writer_fn write;
	sx_refwriter_fn write_ref;
	sx_filewriter_fn write_file; /* instead of WRITE: a format written only to a named file */
} S_formats[SECANNEX_FORMAT__COUNT] = {
	[SECANNEX_FORMAT_TEXT] = { { "text", NULL, N_("plain text for the terminal"), 0, 0 }, NULL, NULL },
	[SECANNEX_FORMAT_MD] = { { "md", NULL, N_("Markdown"), 0, 0 }, NULL, NULL },
	[SECANNEX_FORMAT_JSON] = { { "json", NULL, N_("JSON (stable key order)"), 0, 0 }, NULL, NULL },
	[SECANNEX_FORMAT_ODT] = { { "odt", ".odt", N_("OpenDocument text (ODF 1.3)"), 1, 1 }, sx_odt_write,
	    sx_odt_write_ref },
	[SECANNEX_FORMAT_DOCX] = { { "docx", ".docx", N_("Word (ECMA-376 transitional)"), 1, 1 },
	    sx_docx_write, sx_docx_write_ref },
	[SECANNEX_FORMAT_CSV] = { { "csv", ".csv", N_("comma-separated records, UTF-8 with a BOM"), 1, 0 },
	    sx_csv_write, NULL },
	[SECANNEX_FORMAT_XLSX] = { { "xlsx", ".xlsx", N_("Excel workbook (Office Open XML), the vendor's form"),
	    1, 0 }, NULL, NULL, sx_xlsx_write },
};

/* One row per document.  A document written without a name is the first row that takes the
 * format and the source at hand (so a .csv of a tender is the vendor matrix). */
static const struct {
	secannex_document_info info;
	sx_builder_fn build;
} S_documents[] = {
	{ { "annex", N_("the tender's 資通安全需求 annex"), F(ODT) | F(DOCX), SECANNEX_FROM_RESOLUTION,
	    1 }, sx_build_annex },
	{ { "matrix", N_("the vendor's compliance matrix (需求符合性對照表), landscape, with the vendor's block"),
	    F(ODT) | F(DOCX) | F(CSV) | F(XLSX), SECANNEX_FROM_RESOLUTION, 1 }, sx_build_matrix },
	{ { "review", N_("the agency's internal 簽辦審查表: every row's decision and reason, sign-off"),
	    F(ODT) | F(DOCX), SECANNEX_FROM_RESOLUTION, 0 }, sx_build_review },
	{ { "catalog", N_("the whole 一覽表 table, every type (catalog redlines)"), F(ODT) | F(DOCX),
	    SECANNEX_FROM_CATALOG_DIFF, 0 }, sx_build_catalog },
	{ { "table", N_("the 修正對照表 (修正規定 | 現行規定 | 說明) of a catalog or annex diff, landscape"),
	    F(ODT) | F(DOCX) | F(MD) | F(JSON), SECANNEX_FROM_DIFF, 0 }, sx_build_table },
	{ { "duties", N_("an agency's 附表一～八 duties as a checklist (duties -o), landscape"),
	    F(ODT) | F(DOCX) | F(XLSX), SECANNEX_FROM_REGULATION, 0 }, sx_build_duties },
	{ { "selfcheck", N_("a system's 附表十 controls at its grade as a self-check (baseline -o), landscape"),
	    F(ODT) | F(DOCX) | F(XLSX), SECANNEX_FROM_REGULATION, 0 }, sx_build_selfcheck },
	{ { "grading", N_("a system's 附表九 grading worksheet, to sign (grade -o)"), F(ODT) | F(DOCX),
	    SECANNEX_FROM_REGULATION, 0 }, sx_build_grading },
	{ { "evaluation", N_("the committee's evaluation record of a vendor's filled-in matrix (evaluate -o)"),
	    F(ODT) | F(DOCX), SECANNEX_FROM_EVALUATION, 0 }, sx_build_evaluation },
	{ { "comparison", N_("several bidders' filled-in matrices side by side, with totals (evaluate A B … -o)"),
	    F(ODT) | F(DOCX) | F(XLSX), SECANNEX_FROM_EVALUATION, 0 }, sx_build_comparison },
};
#define NDOCS (sizeof(S_documents) / sizeof(S_documents[0]))

/* The stream forms (md, json: the stream formats in a document's FORMATS) of the documents that
 * have them. */
static const struct {
	const char *document;
	sx_render_fn render;
} S_streams[] = {
	{ "table", sx_render_table },
};

const secannex_format_info *
secannex_format_get(secannex_format f)
{
	return (unsigned)f < SECANNEX_FORMAT__COUNT ? &S_formats[f].info : NULL;
}

int
secannex_format_parse(secannex_format *out, const char *name)
{
	for (int f = 0; name && f < SECANNEX_FORMAT__COUNT; f++)
		if (strcasecmp(S_formats[f].info.name, name) == 0) {
			*out = (secannex_format)f;
			return 0;
		}
	return SECANNEX_ENOTFOUND;
}

int
secannex_format_of_path(secannex_format *out, const char *path)
{
	const char *ext = strrchr(path, '.');

	if (ext == NULL || strchr(ext, '/') != NULL)
		return SECANNEX_ENOTFOUND;
	for (int f = 0; f < SECANNEX_FORMAT__COUNT; f++)
		if (S_formats[f].info.extension && strcasecmp(S_formats[f].info.extension, ext) == 0) {
			*out = (secannex_format)f;
			return 0;
		}
	return SECANNEX_ENOTFOUND;
}

size_t
secannex_document_count(void)
{
	return NDOCS;
}

const secannex_document_info *
secannex_document_get(size_t i)
{
	return i < NDOCS ? &S_documents[i].info : NULL;
}

int
secannex_document_find(const char *name, secannex_format fmt, int from)
{
	for (size_t i = 0; i < NDOCS; i++) {
		const secannex_document_info *di = &S_documents[i].info;
		if (name ? strcmp(di->name, name) == 0 :
		    (di->formats & (1u << fmt)) && di->from == from)
			return (int)i;
	}
	return -1;
}

/* The document row that OPTS names (or the default for its format), checked against FROM and the
 * format.  Returns its index, or -1 with a diagnostic. */
static int
S_pick(const secannex_write_opts *o, int from, const char *path, secannex_diags *d)
{
	int i = secannex_document_find(o->document, o->format, from);
	const secannex_format_info *fi = secannex_format_get(o->format);

	if (fi == NULL || (S_formats[o->format].write == NULL && S_formats[o->format].write_file == NULL)) {
		sx_diag(d, SX_MSG_DOC_FORMAT, path, 0, o->document ? o->document : _("document"),
		    fi ? fi->name : "?");
		return -1;
	}
	if (i < 0 && o->document == NULL) {
		sx_diag(d, SX_MSG_DOC_FORMAT, path, 0, _("document"), fi->name);
		return -1;
	}
	if (i < 0 || S_documents[i].info.from != from) {
		sx_diag(d, SX_MSG_DOC_UNKNOWN, path, 0, o->document);
		return -1;
	}
	if (!(S_documents[i].info.formats & (1u << o->format))) {
		sx_diag(d, SX_MSG_DOC_FORMAT, path, 0, o->document, fi->name);
		return -1;
	}
	return i;
}

/* Whether document I of resolution R (NULL for a catalog's) may be written with OPTS: a public
 * document is not written while a ▲ row awaits the CISO, unless as a draft (each pending row is
 * an error), and the label is user text.  Returns 0 when it may. */
static int
S_allowed(int i, const secannex_resolution *r, const secannex_write_opts *o, const char *path,
    secannex_diags *d)
{
	int bad = 0;

	if (S_documents[i].info.is_public && !o->draft && r)
		for (size_t k = 0; k < r->nrows; k++)
			if (r->rows[k].status == SX_ST_PENDING) {
				sx_diag(d, SX_MSG_PENDING, path, 0, r->rows[k].item->id,
				    S_documents[i].info.name);
				bad = 1;
			}
	if (!bad && o->label && !sx_field_ok(o->label, "--label", "--label", 0, d))
		bad = 1;
	return bad ? SECANNEX_EINVALID : 0;
}

/* What every document takes from the options: the label (the draft mark comes with the source). */
static void
S_dress(sx_doc *a, const secannex_write_opts *o)
{
	if (o->label)
		a->label = sx_strdup(o->label);
}

/* The source of a document of resolution R (FP: room for its fingerprint). */
static void
S_src(sx_doc_src *src, const secannex_resolution *r, int new_side, const secannex_write_opts *o,
    char fp[65])
{
	memset(src, 0, sizeof(*src));
	src->res = r;
	src->new_side = new_side;
	src->epoch_set = o->epoch_set;
	src->epoch = (time_t)o->epoch;
	src->draft = o->draft;
	src->changed_only = o->changed_only;
	src->matrix_controls = o->matrix_controls;
	src->fingerprint = r && secannex_resolution_fingerprint(r, fp) == 0 ? fp : NULL;
}

int
secannex_resolution_fingerprint(const secannex_resolution *r, char out[65])
{
	char *json = secannex_render_resolution(r, SECANNEX_FORMAT_JSON);
	int rc = sx_sha256_hex(json, strlen(json), out);

	free(json);
	return rc == 0 ? 0 : SECANNEX_EIO;
}

/* Package document A in OPTS' format (with its reference document, when given) into OUT. */
static int
S_package(const sx_doc *a, const secannex_write_opts *o, sx_buf *out, secannex_diags *d)
{
	if (o->reference_doc && S_formats[o->format].write_ref == NULL) {
		sx_diag(d, SX_MSG_REF_FORMAT, o->reference_doc, 0, S_formats[o->format].info.name);
		return SECANNEX_EINVALID;
	}
	if (S_formats[o->format].write == NULL) {
		sx_diag(d, SX_MSG_DOC_FORMAT, "-", 0, a->title, S_formats[o->format].info.name);
		return SECANNEX_EINVALID;
	}
	if (o->reference_doc)
		return S_formats[o->format].write_ref(a, o->template_dir, o->reference_doc, out, d);
	return S_formats[o->format].write(a, o->template_dir, out, d);
}

/* What a file writer writes, for S_fill(). */
typedef struct S_filejob {
	const sx_doc *a;
	sx_filewriter_fn write;
	const char *path;
} S_filejob;

static int
S_fill(const char *tmp, void *ctx, secannex_diags *d)
{
	const S_filejob *j = ctx;

	return j->write(j->a, tmp, j->path, d);
}

/* Write document A in OPTS' format to PATH, atomically: nothing is written when anything fails. */
static int
S_write(const sx_doc *a, const secannex_write_opts *o, const char *path, secannex_diags *d)
{
	sx_buf out = SX_BUF_INIT;
	int rc;

	if (S_formats[o->format].write_file) {
		S_filejob j = { a, S_formats[o->format].write_file, path };
		if (o->reference_doc) {
			sx_diag(d, SX_MSG_REF_FORMAT, o->reference_doc, 0, S_formats[o->format].info.name);
			return SECANNEX_EINVALID;
		}
		return sx_write_atomic_with(path, S_fill, &j, d);
	}
	rc = S_package(a, o, &out, d);

	if (rc == 0)
		rc = sx_write_atomic(path, out.ptr, out.len, d);
	sx_buf_free(&out);
	return rc;
}

/* Build document row I from SRC and dress it with OPTS; then package it into OUT or, without OUT,
 * write it to PATH atomically. */
static int
S_emit(int i, const sx_doc_src *src, const secannex_write_opts *o, const char *path, sx_buf *out,
    secannex_diags *d)
{
	sx_doc a;
	int rc;

	S_documents[i].build(&a, src);
	S_dress(&a, o);
	rc = out ? S_package(&a, o, out, d) : S_write(&a, o, path, d);
	sx_doc_free(&a);
	return rc;
}

int
secannex_evaluation_write(const secannex_evaluation *e, const secannex_resolution *r,
    const secannex_write_opts *o, const char *path, secannex_diags *d)
{
	sx_doc_src src;
	char fp[65];
	int i = S_pick(o, SECANNEX_FROM_EVALUATION, path, d);

	if (i < 0)
		return SECANNEX_EINVALID;
	S_src(&src, r, 0, o, fp);
	src.eval = e;
	return S_emit(i, &src, o, path, NULL, d);
}

int
secannex_comparison_write(const secannex_evaluation *const *v, size_t n, const secannex_resolution *r,
    const secannex_write_opts *o, const char *path, secannex_diags *d)
{
	sx_doc_src src;
	char fp[65];
	int i = S_pick(o, SECANNEX_FROM_EVALUATION, path, d);

	if (i < 0 || n == 0)
		return SECANNEX_EINVALID;
	S_src(&src, r, 0, o, fp);
	src.eval = v[0];
	src.evals = v;
	src.nevals = n;
	return S_emit(i, &src, o, path, NULL, d);
}

/* The document that OPTS names of R, packaged into OUT or, without OUT, written to PATH. */
static int
S_resolution_doc(const secannex_resolution *r, const secannex_write_opts *o, const char *path,
    sx_buf *out, secannex_diags *d)
{
	sx_doc_src src;
	char fp[65];
	int i = S_pick(o, SECANNEX_FROM_RESOLUTION, path, d);

	if (i < 0 || S_allowed(i, r, o, path, d) != 0)
		return SECANNEX_EINVALID;
	S_src(&src, r, 0, o, fp);
	return S_emit(i, &src, o, path, out, d);
}

int
sx_document_render(const secannex_resolution *r, const secannex_write_opts *o, const char *path,
    sx_buf *out, secannex_diags *d)
{
	return S_resolution_doc(r, o, path, out, d);
}

int
secannex_document_write(const secannex_resolution *r, const secannex_write_opts *o,
    const char *path, secannex_diags *d)
{
	return S_resolution_doc(r, o, path, NULL, d);
}

int
secannex_document_render(const secannex_resolution *r, const secannex_write_opts *o,
    const char *scratch, char **data, size_t *len, secannex_diags *d)
{
	const char *name = o->document ? o->document : "-";
	sx_buf out = SX_BUF_INIT;
	unsigned char *bytes = NULL;
	int rc;

	*data = NULL;
	*len = 0;
	if ((unsigned)o->format < SECANNEX_FORMAT__COUNT && S_formats[o->format].write_file) {
		/* a library that writes only to a named file: the caller's private scratch name */
		if (scratch == NULL) {
			sx_diag(d, SX_MSG_DOC_FORMAT, name, 0, name, S_formats[o->format].info.name);
			return SECANNEX_EINVALID;
		}
		rc = secannex_document_write(r, o, scratch, d);
		if (rc == 0 && (rc = sx_file_read(&bytes, len, scratch, 0, d)) == 0)
			*data = (char *)bytes;
		if (rc == 0 || access(scratch, F_OK) == 0)
			unlink(scratch);
		return rc;
	}
	if ((rc = sx_document_render(r, o, name, &out, d)) == 0) {
		*len = out.len;
		*data = sx_buf_detach(&out);
	}
	sx_buf_free(&out);
	return rc;
}

/* Build both sides with document I, merge them into a redline and write it to PATH (or, with OUT,
 * package it into OUT). */
static int
S_redline(int i, const sx_doc_src *os, const sx_doc_src *ns, const secannex_write_opts *o,
    const char *path, sx_buf *out, secannex_diags *d)
{
	sx_doc od, nd, r;
	int rc;

	/* the author goes into every change mark: the same rules as any text a user types */
	if (o->author && !*o->author) {
		sx_diag(d, SX_MSG_BAD_VALUE, "--author", 0, _("needs a name"));
		return SECANNEX_EINVALID;
	}
	if (o->author && !sx_field_ok(o->author, "--author", "--author", 0, d))
		return SECANNEX_EINVALID;
	if (!S_formats[o->format].info.tracks_changes) {
		sx_diag(d, SX_MSG_DOC_FORMAT, path, 0, _("redline"), S_formats[o->format].info.name);
		return SECANNEX_EINVALID;
	}
	if (S_allowed(i, ns->res, o, path, d) != 0)
		return SECANNEX_EINVALID;
	S_documents[i].build(&od, os);
	S_documents[i].build(&nd, ns);
	sx_redline_merge(&r, &od, &nd, o->author ? o->author : "secannex");
	if (o->changed_only)
		sx_redline_changed_only(&r);
	r.draft = nd.draft;
	S_dress(&r, o);
	rc = out ? S_package(&r, o, out, d) : S_write(&r, o, path, d);
	sx_doc_free(&r);
	sx_doc_free(&od);
	sx_doc_free(&nd);
	return rc;
}

int
secannex_redline_annexes(const secannex_resolution *old_res, const secannex_resolution *new_res,
    const secannex_write_opts *o, const char *path, secannex_diags *d)
{
	sx_doc_src os, ns;
	char ofp[65], nfp[65];
	int i = S_pick(o, SECANNEX_FROM_RESOLUTION, path, d);

	if (i < 0)
		return SECANNEX_EINVALID;
	S_src(&os, old_res, 0, o, ofp);
	S_src(&ns, new_res, 1, o, nfp);
	return S_redline(i, &os, &ns, o, path, NULL, d);
}

int
secannex_redline_catalogs(const secannex_diff *df, const secannex_write_opts *o, const char *path,
    secannex_diags *d)
{
	sx_doc_src os, ns;
	int i = S_pick(o, SECANNEX_FROM_CATALOG_DIFF, path, d);

	S_src(&os, NULL, 0, o, NULL);
	S_src(&ns, NULL, 1, o, NULL);
	os.diff = ns.diff = df;
	return i < 0 ? SECANNEX_EINVALID : S_redline(i, &os, &ns, o, path, NULL, d);
}

int
sx_redline_render_catalogs(const secannex_diff *df, const secannex_write_opts *o, const char *path,
    sx_buf *out, secannex_diags *d)
{
	sx_doc_src os, ns;
	int i = S_pick(o, SECANNEX_FROM_CATALOG_DIFF, path, d);

	S_src(&os, NULL, 0, o, NULL);
	S_src(&ns, NULL, 1, o, NULL);
	os.diff = ns.diff = df;
	return i < 0 ? SECANNEX_EINVALID : S_redline(i, &os, &ns, o, path, out, d);
}

char *
secannex_diff_document(const secannex_diff *df, const char *document, secannex_format fmt)
{
	int i = secannex_document_find(document, fmt, SECANNEX_FROM_DIFF);
	sx_render_fn render = NULL;
	sx_buf b = SX_BUF_INIT;

	for (size_t k = 0; i >= 0 && k < sizeof(S_streams) / sizeof(S_streams[0]); k++)
		if (strcmp(S_streams[k].document, S_documents[i].info.name) == 0)
			render = S_streams[k].render;
	if (render == NULL || S_documents[i].info.from != SECANNEX_FROM_DIFF ||
	    !(S_documents[i].info.formats & (1u << fmt)) || S_formats[fmt].info.is_file) {
		sx_error_msg(SX_MSG_DOC_FORMAT, document ? document : _("document"),
		    secannex_format_get(fmt) ? secannex_format_get(fmt)->name : "?");
		return NULL;
	}
	render(&b, df, fmt);
	return sx_buf_detach(&b);
}

/* The annex-diff document that OPTS names of DF (the 修正對照表), packaged into OUT or, without
 * OUT, written to PATH. */
static int
S_diff_doc(const secannex_diff *df, const secannex_write_opts *o, const char *path, sx_buf *out,
    secannex_diags *d)
{
	sx_doc_src src;
	int i = S_pick(o, SECANNEX_FROM_DIFF, path, d);

	if (i < 0)
		return SECANNEX_EINVALID;
	if (o->label && !sx_field_ok(o->label, "--label", "--label", 0, d))
		return SECANNEX_EINVALID;
	S_src(&src, NULL, 1, o, NULL);
	src.diff = df;
	return S_emit(i, &src, o, path, out, d);
}

int
secannex_diff_render(const secannex_diff *df, const secannex_write_opts *o, char **data, size_t *len,
    secannex_diags *d)
{
	const char *name = o->document ? o->document : "-";
	int i = secannex_document_find(o->document, o->format, SECANNEX_FROM_DIFF), rc;
	sx_buf out = SX_BUF_INIT;

	*data = NULL;
	*len = 0;
	if (i >= 0 && S_documents[i].info.from == SECANNEX_FROM_CATALOG_DIFF)
		rc = sx_redline_render_catalogs(df, o, name, &out, d);
	else
		rc = S_diff_doc(df, o, name, &out, d);
	if (rc == 0) {
		*len = out.len;
		*data = sx_buf_detach(&out);
	}
	sx_buf_free(&out);
	return rc;
}

int
secannex_diff_document_write(const secannex_diff *df, const secannex_write_opts *o,
    const char *path, secannex_diags *d)
{
	return S_diff_doc(df, o, path, NULL, d);
}

int
secannex_agency_facts_check(const secannex_agency_facts *f, secannex_diags *d)
{
	static const char *const why[] = { "--why-confidentiality", "--why-integrity", "--why-availability",
		"--why-legal" };
	char iso[11];
	int bad = 0;

	if (f->date && !sx_date_parse(f->date, iso)) {
		sx_diag(d, SX_MSG_BAD_DATE, "--date", 0, f->date);
		bad = 1;
	}
	bad |= f->agency && !sx_field_ok(f->agency, "--agency", "--agency", 0, d);
	bad |= f->system && !sx_field_ok(f->system, "--system", "--system", 0, d);
	for (int k = 0; k < 4; k++)
		bad |= f->why[k] && !sx_field_ok(f->why[k], why[k], why[k], 0, d);
	return bad ? SECANNEX_EINVALID : 0;
}

/* Whether the agency facts F can make document I of CAT: the user's text and date
 * (secannex_agency_facts_check; the date into ISO), the regulation, the duties table, the area.
 * Returns 0, or SECANNEX_EINVALID with diagnostics. */
static int
S_agency_ok(int i, const secannex_catalog *cat, const secannex_agency_facts *f, char iso[11],
    const char *path, secannex_diags *d)
{
	const char *name = S_documents[i].info.name;

	if (secannex_agency_facts_check(f, d) != 0)
		return SECANNEX_EINVALID;
	if (f->date)
		sx_date_parse(f->date, iso);
	if (cat == NULL || cat->reg == NULL) {
		sx_diag(d, SX_MSG_NO_REGULATION, path, 0);
		return SECANNEX_EINVALID;
	}
	if (strcmp(name, "duties") == 0 && sx_duties_find(cat->reg, f->level, f->kind) == NULL) {
		sx_diag(d, SX_MSG_NO_DUTIES, path, 0, 'A' + f->level);
		return SECANNEX_EINVALID;
	}
	if (strcmp(name, "selfcheck") == 0 && f->area && sx_area_find(cat->reg, f->area) == NULL) {
		sx_names c;
		sx_names_areas(&c, cat->reg);
		sx_diag_suggest(d, SX_MSG_UNKNOWN_AREA, "--area", 0, f->area, &c);
		sx_names_free(&c);
		return SECANNEX_EINVALID;
	}
	return 0;
}

int
secannex_agency_document_write(const secannex_catalog *cat, const secannex_agency_facts *f,
    const secannex_write_opts *o, const char *path, secannex_diags *d)
{
	sx_doc_src src;
	char iso[11];
	int i = S_pick(o, SECANNEX_FROM_REGULATION, path, d);

	if (i < 0)
		return SECANNEX_EINVALID;
	if (S_agency_ok(i, cat, f, iso, path, d) != 0 || S_allowed(i, NULL, o, path, d) != 0)
		return SECANNEX_EINVALID;
	S_src(&src, NULL, 0, o, NULL);
	src.cat = cat;
	src.facts = f;
	src.date = f->date ? iso : NULL;
	return S_emit(i, &src, o, path, NULL, d);
}
