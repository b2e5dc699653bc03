/* json.c - see json.h. */
#include "json.h"

void rt_json_init(struct rt_json *json, struct rt_sink *sink)
{
    json->sink = sink;
    json->depth = 0;
    json->after_key = false;
    json->has_items[0] = false;
}

static unsigned level(const struct rt_json *json)
{
    return json->depth < RT_JSON_DEPTH_MAX ? json->depth : RT_JSON_DEPTH_MAX;
}

/* The comma before an item of an array or a member of an object. */
static void before_item(struct rt_json *json)
{
    if (json->after_key) {
        json->after_key = false;
        return;
    }
    if (json->depth > 0 && json->has_items[level(json)])
        rt_sink_put(json->sink, ',');
    json->has_items[level(json)] = true;
}

/* A value complete at the top level ends its line. */
static void after_value(struct rt_json *json)
{
    if (json->depth == 0)
        rt_sink_put(json->sink, '\n');
}

static void open_nested(struct rt_json *json, char bracket)
{
    before_item(json);
    rt_sink_put(json->sink, bracket);
    json->depth++;
    json->has_items[level(json)] = false;
}

static void close_nested(struct rt_json *json, char bracket)
{
    rt_sink_put(json->sink, bracket);
    if (json->depth > 0)
        json->depth--;
    after_value(json);
}

void rt_json_begin_object(struct rt_json *json)
{
    open_nested(json, '{');
}

void rt_json_end_object(struct rt_json *json)
{
    close_nested(json, '}');
}

void rt_json_begin_array(struct rt_json *json)
{
    open_nested(json, '[');
}

void rt_json_end_array(struct rt_json *json)
{
    close_nested(json, ']');
}

void rt_json_key(struct rt_json *json, const char *name, size_t len)
{
    before_item(json);
    rt_sink_json_string(json->sink, name, len);
    rt_sink_put(json->sink, ':');
    json->after_key = true;
}

void rt_json_key_plain(struct rt_json *json, const char *name, size_t len)
{
    before_item(json);
    rt_sink_put(json->sink, '"');
    rt_sink_write(json->sink, name, len);
    rt_sink_write(json->sink, "\":", 2);
    json->after_key = true;
}

void rt_json_number(struct rt_json *json, const char *text, size_t len)
{
    before_item(json);
    rt_sink_write(json->sink, text, len);
    after_value(json);
}

void rt_json_string(struct rt_json *json, const char *text, size_t len)
{
    before_item(json);
    rt_sink_json_string(json->sink, text, len);
    after_value(json);
}

void rt_json_null(struct rt_json *json)
{
    rt_json_number(json, "null", 4);
}
