/* render_csv.c: a document's records (sx_doc.data) as CSV: UTF-8 with a BOM (so that Excel reads
 * it as UTF-8), every field quoted, CRLF line ends (RFC 4180). */
#include "diag.h"
#include "docs.h"

static void
S_field(sx_buf *b, const char *s)
{
	sx_buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			sx_buf_putc(b, '"');
		sx_buf_putc(b, *s);
	}
	sx_buf_putc(b, '"');
}

int
sx_csv_write(const sx_doc *a, const char *template_dir, sx_buf *out, secannex_diags *d)
{
	const sx_table *t = a->data;

	(void)template_dir;
	if (t == NULL) {
		sx_diag(d, SX_MSG_DOC_FORMAT, "csv", 0, a->title, "csv");
		return SECANNEX_EINVALID;
	}
	sx_buf_puts(out, "\xEF\xBB\xBF");
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				sx_buf_putc(out, ',');
			S_field(out, t->cells[r * t->ncols + c]);
		}
		sx_buf_puts(out, "\r\n");
	}
	return 0;
}
