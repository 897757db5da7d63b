/* render.h: the renderers' shared entry points (render.c dispatches to render_txt.c / render_json.c). */
#ifndef SX_RENDER_H
#define SX_RENDER_H

#include "buf.h"
#include "json.h"
#include "model.h"

/* JSON pieces (render_json.c), each one value written through the JSON writer W. */
void sx_json_type(sx_json *w, const sx_type *t, int with_items);
void sx_json_resolved(sx_json *w, const sx_regulation *r, const sx_area *only, secannex_grade g);
void sx_json_duty_table(sx_json *w, const sx_duty_table *t);
/* KEY: {"path", "version"} of a catalog: the "old" or "new" side of a diff's or a table's header. */
void sx_json_catalog_source(sx_json *w, const char *key, const secannex_catalog *cat);

/* Terminal text pieces (render_txt.c). */
void sx_txt_types(sx_buf *b, const sx_procurement *p);
void sx_txt_show(sx_buf *b, const sx_type *t, int grade);
void sx_txt_baseline(sx_buf *b, const sx_regulation *r, const sx_area *only, secannex_grade g);
void sx_txt_duties(sx_buf *b, const sx_duty_table *t);

#endif
