/* render.c: the render driver: looks up what is asked for, then hands it to the format's renderer. */
#include <string.h>

#include "diag.h"
#include "render.h"
#include "resolve.h"
#include "suggest.h"


static int
S_need_proc(const secannex_catalog *cat)
{
	if (cat && cat->proc)
		return 1;
	sx_error_msg(SX_MSG_NO_PROCUREMENT);
	return 0;
}

static int
S_need_reg(const secannex_catalog *cat)
{
	if (cat && cat->reg)
		return 1;
	sx_error_msg(SX_MSG_NO_REGULATION);
	return 0;
}

char *
secannex_render_types(const secannex_catalog *cat, secannex_format fmt)
{
	sx_buf b = SX_BUF_INIT;

	if (!S_need_proc(cat))
		return NULL;
	if (fmt == SECANNEX_FORMAT_JSON) {
		sx_json w;
		sx_json_init(&w, &b);
		sx_json_begin_array(&w);
		for (size_t i = 0; i < cat->proc->ntypes; i++) {
			sx_json_newline(&w);
			sx_json_type(&w, &cat->proc->types[i], 0);
		}
		sx_json_end_array(&w);
		sx_json_newline(&w);
		sx_json_free(&w);
	} else {
		sx_txt_types(&b, cat->proc);
	}
	return sx_buf_detach(&b);
}

char *
secannex_render_show(const secannex_catalog *cat, const char *type_id, int grade,
    secannex_format fmt)
{
	const sx_type *t;
	sx_buf b = SX_BUF_INIT;

	if (!S_need_proc(cat))
		return NULL;
	if ((t = sx_type_lookup(cat->proc, type_id)) == NULL) {
		const sx_item *it = sx_item_find(cat->proc, type_id);
		sx_names c;
		if (it) { /* a row id: its type */
			c = (sx_names){ &type_id, (const char *const *)&it->type->id, 1, NULL, 0 };
			sx_error_suggest(SX_MSG_UNKNOWN_TYPE, type_id, &c);
			return NULL;
		}
		sx_names_types(&c, cat->proc);
		sx_error_suggest(SX_MSG_UNKNOWN_TYPE, type_id, &c);
		sx_names_free(&c);
		return NULL;
	}
	if (fmt == SECANNEX_FORMAT_JSON) {
		sx_json w;
		sx_json_init(&w, &b);
		sx_json_type(&w, t, 1);
		sx_json_newline(&w);
		sx_json_free(&w);
	} else {
		sx_txt_show(&b, t, grade);
	}
	return sx_buf_detach(&b);
}

char *
secannex_render_baseline(const secannex_catalog *cat, secannex_grade grade, const char *area,
    secannex_format fmt)
{
	const sx_area *a = NULL;
	sx_buf b = SX_BUF_INIT;

	if (!S_need_reg(cat))
		return NULL;
	if (area && (a = sx_area_find(cat->reg, area)) == NULL) {
		sx_names c;
		sx_names_areas(&c, cat->reg);
		sx_error_suggest(SX_MSG_UNKNOWN_AREA, area, &c);
		sx_names_free(&c);
		return NULL;
	}
	if (fmt == SECANNEX_FORMAT_JSON) {
		sx_json w;
		sx_json_init(&w, &b);
		sx_json_resolved(&w, cat->reg, a, grade);
		sx_json_newline(&w);
		sx_json_free(&w);
	} else {
		sx_txt_baseline(&b, cat->reg, a, grade);
	}
	return sx_buf_detach(&b);
}

char *
secannex_render_duties(const secannex_catalog *cat, int level, secannex_kind kind,
    secannex_format fmt)
{
	const sx_duty_table *t;
	sx_buf b = SX_BUF_INIT;

	if (!S_need_reg(cat))
		return NULL;
	if ((t = sx_duties_find(cat->reg, level, kind)) == NULL) {
		sx_error_msg(SX_MSG_NO_DUTIES, 'A' + level);
		return NULL;
	}
	if (fmt == SECANNEX_FORMAT_JSON) {
		sx_json w;
		sx_json_init(&w, &b);
		sx_json_duty_table(&w, t);
		sx_json_newline(&w);
		sx_json_free(&w);
	} else {
		sx_txt_duties(&b, t);
	}
	return sx_buf_detach(&b);
}

char *
secannex_render_resolution(const secannex_resolution *r, secannex_format fmt)
{
	sx_buf b = SX_BUF_INIT;

	if (fmt == SECANNEX_FORMAT_JSON)
		sx_json_resolution(&b, r);
	else if (fmt == SECANNEX_FORMAT_MD)
		sx_md_resolution(&b, r);
	else
		sx_txt_resolution(&b, r);
	return sx_buf_detach(&b);
}

/* The system grade G set by the 附表九 dimensions V, as JSON: each dimension, and which set G. */
static void
S_json_grade(sx_buf *b, const sx_regulation *reg, const int v[SX_DIM__COUNT], int g)
{
	sx_json w;

	sx_json_init(&w, b);
	sx_json_begin_object(&w);
	sx_json_kv_str(&w, "grade", sx_grade_keys[g]);
	sx_json_kv_str(&w, "name", secannex_grade_name((secannex_grade)g, 0));
	sx_json_kv_str(&w, "rule", "highest");
	sx_json_key(&w, "dimensions");
	sx_json_begin_array(&w);
	for (int i = 0; i < SX_DIM__COUNT; i++) {
		sx_json_begin_object(&w);
		sx_json_kv_str(&w, "id", sx_dim_ids[i]);
		sx_json_kv_str(&w, "name", sx_dim_zh[i]);
		sx_json_kv_str(&w, "grade", sx_grade_keys[v[i]]);
		sx_json_kv_bool(&w, "sets_grade", v[i] == g);
		sx_json_kv_str(&w, "text", i < (int)reg->ndims ? reg->dims[i].text[v[i]] : "");
		sx_json_end_object(&w);
	}
	sx_json_end_array(&w);
	sx_json_end_object(&w);
	sx_json_newline(&w);
	sx_json_free(&w);
}

char *
secannex_render_grade(const secannex_catalog *cat, const secannex_grade dims[4],
    secannex_format fmt)
{
	sx_buf b = SX_BUF_INIT;
	int v[SX_DIM__COUNT], g;

	if (!S_need_reg(cat))
		return NULL;
	for (int i = 0; i < SX_DIM__COUNT; i++)
		v[i] = (int)dims[i];
	g = sx_grade_of_dims(v);
	if (fmt == SECANNEX_FORMAT_JSON) {
		S_json_grade(&b, cat->reg, v, g);
		return sx_buf_detach(&b);
	}
	sx_buf_printf(&b, "系統防護需求等級：%s (%s)\n", secannex_grade_name((secannex_grade)g, 0), sx_grade_keys[g]);
	sx_buf_printf(&b, "%s %s：%s\n\n", cat->reg->grading_label, cat->reg->grading_title,
	    cat->reg->grading_remark);
	for (int i = 0; i < SX_DIM__COUNT; i++) {
		sx_buf_printf(&b, "%s %-15s %s%s\n", v[i] == g ? "*" : " ", sx_dim_ids[i],
		    secannex_grade_name((secannex_grade)v[i], 0), v[i] == g ? "  ← 決定等級" : "");
		if (i < (int)cat->reg->ndims)
			sx_buf_printf(&b, "    %s「%s」：%s\n", cat->reg->dims[i].name,
			    secannex_grade_name((secannex_grade)v[i], 0), cat->reg->dims[i].text[v[i]]);
	}
	return sx_buf_detach(&b);
}
