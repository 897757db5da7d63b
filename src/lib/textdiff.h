/* textdiff.h: character-level (Unicode code point) diff of two UTF-8 strings, and their similarity. */
#ifndef SX_TEXTDIFF_H
#define SX_TEXTDIFF_H

#include <stddef.h>

enum sx_op { SX_OP_SAME = 0, SX_OP_INS = 1, SX_OP_DEL = -1 };

typedef struct sx_dseg {
	enum sx_op op;
	char *text;
} sx_dseg;

typedef struct sx_dtext {
	sx_dseg *v;
	size_t n;
} sx_dtext;

/* The shortest edit from A to B as segments (deletions before insertions at a change), over code
 * points, except that a Latin word, a number or an id (a run of ASCII letters and digits, joined by
 * '-', '_' or '.': maintenance-02, V5.4, 27001) is one token, compared whole; the caller
 * frees it with sx_dtext_free().  Texts whose product of lengths exceeds a bound (16M code points²)
 * come back as one deletion and one insertion. */
void sx_textdiff(sx_dtext *out, const char *a, const char *b);
void sx_dtext_free(sx_dtext *d);
/* Is anything changed? */
int sx_dtext_changed(const sx_dtext *d);
/* One side: OP_INS dropped gives the old text, OP_DEL dropped the new one (caller frees). */
char *sx_dtext_side(const sx_dtext *d, int new_side);
/* Similarity 0..1: 2 × |LCS| / (|A| + |B|), in code points. */
double sx_similarity(const char *a, const char *b);

#endif
