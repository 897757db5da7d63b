/* doc.c: building and freeing the document model (doc.h): blocks, tables and their rows. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

void
sx_doc_init(sx_doc *a, const char *title, const char *subject, int epoch_set, time_t epoch)
{
	memset(a, 0, sizeof(*a));
	a->title = sx_strdup(title);
	a->subject = sx_strdup(subject);
	a->epoch_set = epoch_set;
	a->epoch = epoch;
}

sx_ablock *
sx_doc_push(sx_doc *a, enum sx_blk_kind kind, const char *text)
{
	sx_ablock *b;

	a->v = sx_realloc(a->v, (a->n + 1) * sizeof(*a->v));
	b = &a->v[a->n++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->text = text ? sx_strdup(text) : NULL;
	return b;
}

void
sx_doc_pushf(sx_doc *a, enum sx_blk_kind kind, const char *fmt, ...)
{
	sx_buf b = SX_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sx_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	sx_doc_push(a, kind, b.ptr);
	sx_buf_free(&b);
}

sx_table *
sx_table_new(size_t ncols)
{
	sx_table *t = sx_calloc(1, sizeof(*t));

	t->ncols = ncols;
	t->width_mm = sx_calloc(ncols ? ncols : 1, sizeof(int));
	return t;
}

sx_table *
sx_doc_table(sx_doc *a, enum sx_tbl_kind kind, size_t ncols, const int *widths, size_t nheader)
{
	sx_ablock *b = sx_doc_push(a, SX_BLK_TABLE, NULL);
	sx_table *t = sx_table_new(ncols);

	t->kind = kind;
	t->nheader = nheader;
	memcpy(t->width_mm, widths, ncols * sizeof(int));
	b->table = t;
	return t;
}

void
sx_doc_row(sx_table *t, const char *const *cells)
{
	t->cells = sx_realloc(t->cells, (t->nrows + 1) * t->ncols * sizeof(char *));
	for (size_t i = 0; i < t->ncols; i++)
		t->cells[t->nrows * t->ncols + i] = sx_strdup(cells[i] ? cells[i] : "");
	if (t->vspan) {
		/* a row added after a merge is merged with nothing */
		t->vspan = sx_realloc(t->vspan, (t->nrows + 1) * t->ncols * sizeof(int));
		memset(&t->vspan[t->nrows * t->ncols], 0, t->ncols * sizeof(int));
	}
	t->nrows++;
}

void
sx_table_merge_runs(sx_table *t, size_t col)
{
	size_t r, e;

	if (col >= t->ncols || t->nrows == 0)
		return;
	if (t->vspan == NULL)
		t->vspan = sx_calloc(t->nrows * t->ncols, sizeof(int));
	for (r = t->nheader; r < t->nrows; r = e) {
		const char *s = t->cells[r * t->ncols + col];
		for (e = r + 1; e < t->nrows && *s && strcmp(t->cells[e * t->ncols + col], s) == 0; e++)
			t->vspan[e * t->ncols + col] = -1;
		t->vspan[r * t->ncols + col] = e - r > 1 ? (int)(e - r) : 0;
	}
}

int
sx_table_span(const sx_table *t, size_t r, size_t c)
{
	int v;

	if (t->vspan == NULL || r < t->nheader || r >= t->nrows || c >= t->ncols)
		return 0;
	v = t->vspan[r * t->ncols + c];
	if (v > 1)
		return (size_t)v > t->nrows - r ? (int)(t->nrows - r) : v;
	if (v != -1)
		return 0;
	/* covered only when a merge above reaches this row */
	for (size_t k = r; k-- > t->nheader;) {
		int u = t->vspan[k * t->ncols + c];
		if (u > 1)
			return k + (size_t)u > r ? -1 : 0;
		if (u != -1)
			return 0;
	}
	return 0;
}

void
sx_table_free(sx_table *t)
{
	if (t == NULL)
		return;
	for (size_t k = 0; k < t->nrows * t->ncols; k++) {
		free(t->cells[k]);
		if (t->mcells)
			sx_dtext_free(&t->mcells[k]);
	}
	for (size_t k = 0; t->keys && k < t->nrows; k++)
		free(t->keys[k]);
	free(t->keys);
	free(t->row_change);
	free(t->mcells);
	free(t->vspan);
	free(t->cells);
	free(t->width_mm);
	free(t);
}

void
sx_doc_free(sx_doc *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->v[i].text);
		free(a->v[i].key);
		if (a->v[i].mtext) {
			sx_dtext_free(a->v[i].mtext);
			free(a->v[i].mtext);
		}
		sx_table_free(a->v[i].table);
	}
	sx_table_free(a->data);
	sx_table_free(a->data_notes);
	free(a->v);
	free(a->title);
	free(a->subject);
	free(a->label);
	free(a->fingerprint);
	memset(a, 0, sizeof(*a));
}

void
sx_zh_num(char *out, size_t n, unsigned v)
{
	static const char *const d[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

	if (v < 10)
		snprintf(out, n, "%s", d[v]);
	else if (v < 20)
		snprintf(out, n, "十%s", d[v % 10]);
	else if (v < 100)
		snprintf(out, n, "%s十%s", d[v / 10], d[v % 10]);
	else
		snprintf(out, n, "%u", v);
}

/* The width of S in full-width characters: a CJK or full-width character counts 1, anything
 * else (Latin letters, digits, ASCII punctuation) one half. */
static double
S_width(const char *s, size_t len)
{
	double w = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80)
			w += 0.5;
		else if (c >= 0xC0)
			w += c >= 0xE0 ? 1 : 0.5;
	}
	return w;
}

/* The byte offset of the character boundary nearest to width W in S (LEN bytes). */
static size_t
S_cut_at(const char *s, size_t len, double w)
{
	double acc = 0;
	size_t i = 0;

	while (i < len && acc < w) {
		size_t k = 1;
		while (i + k < len && ((unsigned char)s[i + k] & 0xC0) == 0x80)
			k++;
		acc += S_width(s + i, k);
		i += k;
	}
	return i;
}

char *
sx_doc_balance(const char *head, const char *tail, double per_line)
{
	sx_buf b = SX_BUF_INIT;
	size_t hl = strlen(head);
	double hw = S_width(head, hl), tw = S_width(tail, strlen(tail));

	if (hw + tw <= per_line) {
		sx_buf_printf(&b, "%s%s", head, tail);
		return sx_buf_detach(&b);
	}
	/* HEAD on lines of its own, as evenly filled as its width allows, TAIL on the last */
	{
		int lines = (int)(hw / per_line) + 1;
		double each = hw / lines;
		size_t at = 0;

		for (int k = 1; k < lines; k++) {
			size_t cut = S_cut_at(head, hl, each * k);
			sx_buf_put(&b, head + at, cut - at);
			sx_buf_putc(&b, '\n');
			at = cut;
		}
		sx_buf_puts(&b, head + at);
	}
	if (*tail)
		sx_buf_printf(&b, "%s%s", hw > 0 ? "\n" : "", tail);
	return sx_buf_detach(&b);
}
