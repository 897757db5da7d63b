/* suggest.h: "did you mean" hints: the edit distance of names and the known names closest to a word. */
#ifndef SX_SUGGEST_H
#define SX_SUGGEST_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/* At most this many names are suggested. */
#define SX_SUGGEST_MAX 3

/* The Damerau–Levenshtein distance (optimal string alignment: insertions, deletions,
 * substitutions, transpositions of neighbours) between A and B, counted in code points (a byte
 * that is not valid UTF-8 counts as one), ASCII letters compared case-insensitively. */
size_t sx_edit_distance(const char *a, const char *b);
/* The names among NAMES[0..N) close enough to WORD to suggest (distance at most
 * max(1, length of WORD / 3), or WORD is a case-insensitive spelling of it): those of the
 * smallest distance, in table order, repeats skipped, at most MAX of them.  Their indices are
 * stored in BEST; returns how many.  NULL entries of NAMES are skipped. */
size_t sx_suggest(const char *word, const char *const *names, size_t n, size_t *best, size_t max);
/* The names to compare a word with, and what to suggest for each: SHOWN[i] for NAMES[i] (a type's
 * id for its name; SHOWN NULL: the names themselves), after PREFIX (NULL: nothing, or "--").
 * ABBREV: when the word begins some names (ASCII case aside), those are suggested, by distance
 * only when it begins none. */
typedef struct sx_names {
	const char *const *names;
	const char *const *shown;
	size_t n;
	const char *prefix;
	int abbrev;
} sx_names;

/* The candidates for a procurement type of P: the ids, then the names (suggesting the id). */
void sx_names_types(sx_names *c, const sx_procurement *p);
/* The candidates for a row id: the rows of type T, or of every type of P when T is NULL. */
void sx_names_rows(sx_names *c, const sx_procurement *p, const sx_type *t);
/* The candidates for a 附表十 area of R: the ids, then the names. */
void sx_names_areas(sx_names *c, const sx_regulation *r);
/* Free the arrays of an sx_names_* list (not the strings: they are the model's). */
void sx_names_free(sx_names *c);

/* The translated hint for WORD, "did you mean: --level?" or "did you mean one of: a, b?"; NULL
 * when no name is close.  Caller frees. */
char *sx_suggest_hint(const char *word, const sx_names *c);
/* MSG (taken) followed by WORD's hint, if any: "MSG; did you mean: X?" (translated). */
char *sx_suggest_append(char *msg, const char *word, const sx_names *c);
/* MSG (taken) about the malformed row id REF, with the well-formed id it may mean as its hint
 * (sx_row_id_fix: DEV-3 means dev-03); MSG alone when there is none. */
char *sx_suggest_row_fix(char *msg, const char *ref);
/* Record message M, whose one argument is WORD, with WORD's hint among C appended. */
void sx_diag_suggest(secannex_diags *d, enum sx_msg m, const char *file, int line, const char *word,
    const sx_names *c);
/* Set secannex_error_last() to message M (argument WORD) with WORD's hint among C appended. */
void sx_error_suggest(enum sx_msg m, const char *word, const sx_names *c);

#endif
