/* i18n.h: message translation through GNU gettext: _() translates a message, N_() only marks one
 * for xgettext (a table entry, translated where it is printed).  The library translates in its
 * own domain "secannex", whatever the calling program's domain; without NLS both are identity. */
#ifndef SX_I18N_H
#define SX_I18N_H

#define SX_TEXTDOMAIN "secannex"

#if defined(ENABLE_NLS) && ENABLE_NLS
#include <libintl.h>
#define _(s) dgettext(SX_TEXTDOMAIN, s)
#else
#define _(s) ((const char *)(s))
#endif
#define N_(s) s

#endif
