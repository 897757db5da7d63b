/* xmlsafe.h: reading untrusted XML safely (size limit, UTF-8, no DTD, no network) and RelaxNG. */
#ifndef SX_XMLSAFE_H
#define SX_XMLSAFE_H

#include <libxml/tree.h>

#include "../secannex.h"

/* Read the regular file PATH of at most MAX bytes (0: the default) into *DATA (malloc'd, with a NUL
 * after its *LEN bytes), for a caller that looks at the bytes before parsing them with
 * sx_xml_parse_mem().  Returns 0 or a negative secannex_error, with diagnostics in D. */
int sx_file_read(unsigned char **data, size_t *len, const char *path, size_t max,
    secannex_diags *d);

/* Read and parse PATH into *OUT.  Refuses files over MAX bytes (0: the default), invalid UTF-8,
 * control characters, and any DOCTYPE; never loads DTDs or external entities and never touches
 * the network.  Returns 0 or a negative secannex_error, with diagnostics in D. */
int sx_xml_read(xmlDocPtr *out, const char *path, size_t max, secannex_diags *d);

/* The same for LEN bytes in memory (a part of a package), named NAME in diagnostics; the caller
 * limits LEN. */
int sx_xml_parse_mem(xmlDocPtr *out, const void *data, size_t len, const char *name,
    secannex_diags *d);

/* Validate DOC (read from PATH) against the RelaxNG schema file RNG.
 * Returns 0 when valid, else SECANNEX_EINVALID (or SECANNEX_EIO when the schema cannot be read). */
int sx_xml_validate(xmlDocPtr doc, const char *path, const char *rng, secannex_diags *d);

/* Check the text of every text node and attribute of DOC: NFC, no compatibility ideographs,
 * no control characters.  Returns the number of errors. */
int sx_xml_check_text(xmlDocPtr doc, const char *path, secannex_diags *d);

/* Scan S for a code point that is not allowed in text; returns it, or 0 when S is clean.
 * *KIND receives the sx_msg of the problem. */
unsigned sx_text_problem(const char *s, int *kind);

/* The same for text typed by a user (names, reasons): only invalid UTF-8 and control characters
 * (tab and newline included) are problems. */
unsigned sx_user_text_problem(const char *s, int *kind);

/* Element navigation and copies (the copies are malloc'd; the caller frees them). */
xmlNodePtr sx_xml_first_el(xmlNodePtr parent);
xmlNodePtr sx_xml_next_el(xmlNodePtr n);
int sx_xml_is(xmlNodePtr n, const char *name);
char *sx_xml_attr(xmlNodePtr n, const char *name);   /* NULL when absent */
char *sx_xml_content(xmlNodePtr n);

/* One-time libxml2 set-up: no network entity loader, no default DTD loading. */
void sx_xml_init(void);

#endif
