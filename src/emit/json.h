/*
 * json.h - the one JSON writer of every report (internal).
 *
 * It writes compact JSON, with no spaces, as every command prints it: one
 * object per line (JSON Lines).  It keeps track of nesting and commas, so
 * that a report only says what comes next; a value at the top level is
 * followed by a newline.  Strings are escaped by the sink
 * (rt_sink_json_string()).
 */
#ifndef RETAIN_JSON_H
#define RETAIN_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "sink.h"

/* Deeper nesting than this is written, but its commas are not tracked. */
#define RT_JSON_DEPTH_MAX 8

struct rt_json {
    struct rt_sink *sink;
    unsigned depth;
    bool after_key;                        /* a value comes next */
    bool has_items[RT_JSON_DEPTH_MAX + 1]; /* by depth: a comma is due */
};

/* A writer at the top level of `sink`. */
void rt_json_init(struct rt_json *json, struct rt_sink *sink);

void rt_json_begin_object(struct rt_json *json);
void rt_json_end_object(struct rt_json *json);
void rt_json_begin_array(struct rt_json *json);
void rt_json_end_array(struct rt_json *json);

/* The key of the next member of an object. */
void rt_json_key(struct rt_json *json, const char *name, size_t len);

/*
 * rt_json_key() for a name known to need no escaping, such as a field
 * table's (letters, digits and '_'): it skips the scan for bytes to escape,
 * which the many keys of a large batch would otherwise pay for.
 */
void rt_json_key_plain(struct rt_json *json, const char *name, size_t len);

/* A number, written as its text is: digits, a sign and a point. */
void rt_json_number(struct rt_json *json, const char *text, size_t len);

/* A string, quoted and escaped. */
void rt_json_string(struct rt_json *json, const char *text, size_t len);

void rt_json_null(struct rt_json *json);

#endif
