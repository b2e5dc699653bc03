/*
 * emit_json.c - lines of fields as JSON Lines: one object a line, no
 * header; numbers bare, words as strings, lists as arrays, and null for
 * what is unknown or infinite (JSON has no infinity).
 */
#include <string.h>

#include "row.h"

void rt_json_field_value(struct rt_json *json, enum rt_field_kind kind,
                         enum rt_value_state state, const char *text,
                         size_t len)
{
    if (state != RT_VALUE_KNOWN)
        rt_json_null(json);
    else if (rt_field_kind_is_number(kind))
        rt_json_number(json, text, len);
    else
        rt_json_string(json, text, len);
}

void rt_json_list_item(void *json, const char *text)
{
    rt_json_string(json, text, strlen(text));
}

static void json_name(struct rt_row *row, const char *name,
                      enum rt_field_kind kind)
{
    (void)row, (void)name, (void)kind;
}

static void json_begin(struct rt_row *row)
{
    rt_json_begin_object(&row->json);
}

static void json_value(struct rt_row *row, const char *name,
                       enum rt_field_kind kind, enum rt_value_state state,
                       const char *text, size_t len)
{
    if (row->user_name)
        rt_json_key(&row->json, name, strlen(name));
    else
        rt_json_key_plain(&row->json, name, strlen(name));
    rt_json_field_value(&row->json, kind, state, text, len);
}

static void json_list_begin(struct rt_row *row, const char *name)
{
    rt_json_key_plain(&row->json, name, strlen(name));
    rt_json_begin_array(&row->json);
}

static void json_list_item(struct rt_row *row, const char *text)
{
    rt_json_list_item(&row->json, text);
}

static void json_list_end(struct rt_row *row)
{
    rt_json_end_array(&row->json);
}

static void json_end(struct rt_row *row)
{
    rt_json_end_object(&row->json);
}

const struct rt_row_format rt_row_json = {
    .has_header = false,
    .needs_table = false,
    .name = json_name,
    .begin = json_begin,
    .value = json_value,
    .list_begin = json_list_begin,
    .list_item = json_list_item,
    .list_end = json_list_end,
    .end = json_end,
};
