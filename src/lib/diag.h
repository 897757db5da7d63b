/* diag.h: severity-ordered diagnostics with file:line, all message texts in one table. */
#ifndef SX_DIAG_H
#define SX_DIAG_H

#include "../secannex.h"

/* Every fixed message the library can report; texts and severities are in diag.c's table. */
enum sx_msg {
	SX_MSG_OPEN,          /* %s: strerror */
	SX_MSG_NOT_REGULAR,
	SX_MSG_TOO_BIG,       /* %zu %zu */
	SX_MSG_EMPTY,
	SX_MSG_BAD_UTF8,
	SX_MSG_CONTROL,       /* %04X */
	SX_MSG_DOCTYPE,
	SX_MSG_XML,           /* %s: libxml2's message */
	SX_MSG_SCHEMA,        /* %s: RelaxNG message */
	SX_MSG_SCHEMA_LOAD,   /* %s: schema path */
	SX_MSG_ROOT,          /* %s %s: namespace, name */
	SX_MSG_NOT_NFC,       /* %04X */
	SX_MSG_COMPAT_IDEO,   /* %04X */
	SX_MSG_NBSP,
	SX_MSG_SPACE_EDGE,    /* %s: element */
	SX_MSG_DUP_ID,        /* %s %d */
	SX_MSG_ID_TYPE,       /* %s %s */
	SX_MSG_ID_SEQ,        /* %s %s %s */
	SX_MSG_COND_NOTE,     /* %s %s %s */
	SX_MSG_NOTE_COND,     /* %s %s %s %s */
	SX_MSG_BLANK_NAME,    /* %s */
	SX_MSG_AREA_REF,      /* %s */
	SX_MSG_AREA_UNCHECKED,/* %s */
	SX_MSG_TIER_MARK,     /* %s */
	SX_MSG_MARK_COND,     /* %s %s %s %s: row, mark, condition, mark */
	SX_MSG_COND_MARK,     /* %s %s %s: row, condition, mark */
	SX_MSG_COND_DUP,      /* %s */
	SX_MSG_GRADE_COVER,   /* %s %s %d */
	SX_MSG_INCLUDE_UP,    /* %s %s */
	SX_MSG_DUTY_DUP,      /* %s %s */
	SX_MSG_DUTY_MISSING,  /* %s %s */
	SX_MSG_DUTY_KIND,     /* %s */
	SX_MSG_ARTICLE_DUP,   /* %d */
	SX_MSG_TEXT_UTF8,     /* %s: "FIELD: " or "" */
	SX_MSG_TEXT_CONTROL,  /* %s %04X */
	SX_MSG_TEXT_BLANK,    /* %s */
	SX_MSG_TEXT_LONG,     /* %s %d */
	SX_MSG_BAD_VALUE,     /* %s: free text (redline.c's --author) */
	SX_MSG_BAD_GRADE,     /* %s */
	SX_MSG_BAD_LEVEL,     /* %s */
	SX_MSG_BAD_KIND,      /* %s */
	SX_MSG_BAD_YESNO,     /* %s */
	SX_MSG_BAD_DATE,      /* %s */
	SX_MSG_DATE_FIELD,    /* %s */
	SX_MSG_NEED_VALUE,
	SX_MSG_NEED_ROW,
	SX_MSG_NEED_ROW_REASON,
	SX_MSG_UNKNOWN_FIELD, /* %s */
	SX_MSG_BLANK_TWICE,   /* %s */
	SX_MSG_ELEMENT_TWICE, /* %s %d: element, the line of the first */
	SX_MSG_GRADE_DIMS,    /* %s %s %d: element, the other, its line */
	SX_MSG_BAD_REF,       /* %s */
	SX_MSG_NO_TYPE,
	SX_MSG_NO_GRADE,
	SX_MSG_NO_DIMS,
	SX_MSG_NO_LEVEL,
	SX_MSG_UNKNOWN_TYPE,  /* %s */
	SX_MSG_UNKNOWN_ROW,   /* %s */
	SX_MSG_FOREIGN_ROW,   /* %s %s %s */
	SX_MSG_NEED_REASON,   /* %s %s */
	SX_MSG_CHOOSE_NA,     /* %s %s */
	SX_MSG_CHOOSE_SPECIAL,/* %s */
	SX_MSG_DEC_MARK,      /* %s %s %s %s */
	SX_MSG_EXCLUDE_PERSONAL, /* %s */
	SX_MSG_EXCLUDE_LEVEL, /* %s */
	SX_MSG_CONFLICT,      /* %s %s %s */
	SX_MSG_REDUNDANT,     /* %s %s: row, mark */
	SX_MSG_REDUNDANT_COND,/* %s */
	SX_MSG_BASELINE_LOW,  /* %s %s */
	SX_MSG_UNFILLED,      /* %s %s */
	SX_MSG_UNFILLED_NOTE, /* %s %s: a resolution's warning (sx_msg_text) */
	SX_MSG_BLANK_UNUSED,  /* %s */
	SX_MSG_DOC_UNKNOWN,   /* %s: document name */
	SX_MSG_DOC_FORMAT,    /* %s %s: document, format */
	SX_MSG_PENDING,       /* %s %s: row, document */
	SX_MSG_NOTE_AUDIENCE, /* %s %s %s %s: row, condition, audience twice */
	SX_MSG_QUALIFICATION, /* %s %s %s %s */
	SX_MSG_OUT_SYMLINK,   /* %s: strerror */
	SX_MSG_OUT_DIR,
	SX_MSG_OUT_NOT_REGULAR,
	SX_MSG_OUT_CREATE,    /* %s: strerror */
	SX_MSG_OUT_WRITE,     /* %s: strerror */
	SX_MSG_OUT_REPLACE,   /* %s: strerror */
	SX_MSG_ZIP,           /* %s %s: step, libzip's message */
	SX_MSG_XML_WRITE,
	/* reference documents (--reference-doc) */
	SX_MSG_REF_NOT_ZIP,   /* %s: libzip's message */
	SX_MSG_REF_ENTRIES,   /* %lld %d */
	SX_MSG_REF_ENTRY_BIG, /* %s %llu %zu: entry, size, limit */
	SX_MSG_REF_ZIP_READ,  /* %s %s: entry, libzip's message */
	SX_MSG_REF_KIND,      /* %s %s %s: what it is, the output format, the extension wanted */
	SX_MSG_REF_MISSING,   /* %s %s: "a .docx", the part */
	SX_MSG_REF_XML,       /* %s %d %s: part, line, the safe reader's message */
	SX_MSG_REF_LINK,      /* %s %s: part, target */
	SX_MSG_REF_UNSUPPORTED, /* %s %s: part, what */
	SX_MSG_REF_FORMAT,    /* %s: format */
	SX_MSG_EXPLAIN_UNKNOWN, /* %s: the key */
	SX_MSG_EXPLAIN_SAME,  /* %s */
	SX_MSG_EXPLAIN_DUP,   /* %s %d */
	SX_MSG_MIGRATE_OLD,   /* %s %s: decision, row */
	SX_MSG_MIGRATE_LOST,  /* %s %s */
	SX_MSG_MIGRATE_UNFIT, /* %s %s %s: decision, old row, new row */
	SX_MSG_MIGRATE_DROP,  /* %s %s */
	SX_MSG_MIGRATE_NONE,
	/* secannex_error_last() messages (sx_error_msg) */
	SX_MSG_NO_PROCUREMENT,
	SX_MSG_NO_REGULATION,
	SX_MSG_NO_CATALOG,
	SX_MSG_UNKNOWN_AREA,  /* %s */
	SX_MSG_NO_DUTIES,     /* %c */
	/* "did you mean" hints (suggest.c) */
	SX_MSG_DID_YOU_MEAN,  /* %s: a name */
	SX_MSG_DID_YOU_MEAN_ONE_OF, /* %s: names (SX_MSG_HINT_LIST) */
	SX_MSG_HINT_LIST,     /* %s %s: the list so far, the next name */
	SX_MSG_WITH_HINT,     /* %s %s: a message, its hint */
	/* a profile's structure (profile.c's table of its elements), before its schema */
	SX_MSG_PROF_UNKNOWN,  /* %s %s %s: element, parent, the allowed elements */
	SX_MSG_PROF_NO_CHILD, /* %s %s: element, parent (which holds only a value) */
	SX_MSG_PROF_TEXT,     /* %s %s: element, the text (shortened) */
	SX_MSG_PROF_EMPTY,    /* %s: element */
	SX_MSG_PROF_VALUE,    /* %s %s %s: value, element, the accepted values (a SX_MSG_HINT_) */
	SX_MSG_PROF_MISSING,  /* %s %s: element, the missing child */
	SX_MSG_PROF_ATTR_MISSING, /* %s %s: element, attribute */
	SX_MSG_PROF_ATTR_UNKNOWN, /* %s %s %s: element, attribute, the allowed attributes */
	SX_MSG_PROF_ATTR_NONE,    /* %s %s: element, attribute */
	SX_MSG_PROF_ATTR_VALUE,   /* %s %s %s %s: value, attribute, element, what is expected */
	SX_MSG_PROF_NS,       /* %s %s %s: element, its namespace, the profile's namespace */
	SX_MSG_PROF_NO_NS,    /* %s %s: element, the profile's namespace */
	SX_MSG_PROF_TWICE,    /* %s %s %d: element, parent, the line of the first */
	SX_MSG_PROF_EXCLUDES, /* %s %s %d: element, the other, its line */
	SX_MSG_PROF_ROOT,     /* %s %s: the root's name, its namespace */
	SX_MSG_PROF_SCHEMA,   /* the schema's messages follow */
	SX_MSG_LIST_SEP,      /* the separator of a list of names: ", " */
	SX_MSG_HINT_GRADE,    /* what each value kind accepts, in SX_MSG_PROF_VALUE */
	SX_MSG_HINT_LEVEL,
	SX_MSG_HINT_KIND,
	SX_MSG_HINT_YESNO,
	SX_MSG_HINT_REF,
	SX_MSG_XLSX,          /* libxlsxwriter's error, with what it was doing */
	/* a vendor's response (response.c, evaluate.c) */
	SX_MSG_RESP_KIND,
	SX_MSG_RESP_NOT_ZIP,
	SX_MSG_RESP_ENCODING,
	SX_MSG_RESP_BIG5,
	SX_MSG_RESP_QUOTE,
	SX_MSG_RESP_PART,     /* %s: the part */
	SX_MSG_RESP_NO_SHEET,
	SX_MSG_RESP_NO_HEADER,
	SX_MSG_RESP_MANY,     /* %s %s: row, the cell */
	SX_MSG_RESP_UNKNOWN,  /* %s %s: row, the cell */
	SX_MSG_RESP_ALTERED,  /* %s %s: row, the diff */
	SX_MSG_RESP_EXTRA,    /* %s */
	SX_MSG_RESP_NO_ID,
	SX_MSG_RESP_DUP,      /* %s %d */
	SX_MSG_RESP_MISSING,  /* %s %s: row, 項次 */
	SX_MSG_RESP_CASE,     /* %s %s: the response's 案號, the tender's */
	SX_MSG_RESP_ROWS,     /* %d: the limit */
	SX_MSG__COUNT
};

struct sx_diag {
	char *file;
	int line;
	secannex_level level;
	char *msg;
};

struct secannex_diags {
	struct sx_diag *v;
	size_t n, cap;
};

/* Record message M about FILE:LINE (LINE 0: no line known). */
void sx_diag(secannex_diags *d, enum sx_msg m, const char *file, int line, ...);
/* Record a free-form message at LEVEL (libxml2's own messages come through here). */
void sx_diag_raw(secannex_diags *d, secannex_level level, const char *file, int line,
    const char *msg);
/* The text of message M with its arguments, not recorded (caller frees). */
char *sx_msg_text(enum sx_msg m, ...);
/* The same in English, whatever the locale (a document's or the data's text). */
char *sx_msg_text_c(enum sx_msg m, ...);
/* The number of diagnostics of severity error or worse recorded since index BEFORE (d->n then). */
size_t sx_diags_errors_since(const secannex_diags *d, size_t before);
/* Set the message of secannex_error_last() to message M. */
void sx_error_msg(enum sx_msg m, ...);
/* The severity of message M. */
secannex_level sx_msg_level(enum sx_msg m);
/* The printf format of message M (for the documentation test). */
const char *sx_msg_format(enum sx_msg m);

#endif
