/* test_json.c - the one JSON writer: nesting, commas, escaping, lines. */
#include <string.h>

#include "json.h"
#include "sink.h"
#include "table.h"

enum step_kind {
    END,
    OBJ,
    END_OBJ,
    ARR,
    END_ARR,
    KEY,
    PLAIN_KEY,
    NUM,
    STR,
    NUL
};

struct step {
    enum step_kind kind;
    const char *text;
};

struct json_case {
    const char *name;
    struct step steps[16];
    const char *expected;
};

static const struct json_case json_cases[] = {
    {"empty object", {{OBJ}, {END_OBJ}}, "{}\n"},
    {"empty array", {{ARR}, {END_ARR}}, "[]\n"},
    {"members with commas",
     {{OBJ},
      {KEY, "a"},
      {NUM, "1"},
      {KEY, "b"},
      {STR, "x"},
      {KEY, "c"},
      {NUL},
      {END_OBJ}},
     "{\"a\":1,\"b\":\"x\",\"c\":null}\n"},
    {"nested arrays and objects",
     {{OBJ},
      {KEY, "a"},
      {ARR},
      {NUM, "1"},
      {NUM, "-2.50"},
      {END_ARR},
      {KEY, "b"},
      {OBJ},
      {KEY, "c"},
      {ARR},
      {END_ARR},
      {END_OBJ},
      {KEY, "d"},
      {OBJ},
      {END_OBJ},
      {END_OBJ}},
     "{\"a\":[1,-2.50],\"b\":{\"c\":[]},\"d\":{}}\n"},
    {"array of objects",
     {{ARR},
      {OBJ},
      {KEY, "a"},
      {NUM, "1"},
      {END_OBJ},
      {OBJ},
      {END_OBJ},
      {STR, "z"},
      {END_ARR}},
     "[{\"a\":1},{},\"z\"]\n"},
    {"each top-level value is a line",
     {{OBJ}, {END_OBJ}, {OBJ}, {KEY, "k"}, {NUL}, {END_OBJ}, {NUM, "5"}},
     "{}\n{\"k\":null}\n5\n"},
    {"strings escaped",
     {{ARR},
      {STR, "q\"b\\n\nt\tc\x01"
            "d\x7f"},
      {STR, "caf\xc3\xa9 \xff"},
      {END_ARR}},
     "[\"q\\\"b\\\\n\\nt\\tc\\u0001d\\u007f\",\"caf\xc3\xa9 \\ufffd\"]\n"},
    {"plain keys as they are",
     {{OBJ},
      {PLAIN_KEY, "rate_2"},
      {NUM, "1"},
      {KEY, "b"},
      {NUL},
      {PLAIN_KEY, "c"},
      {ARR},
      {END_ARR},
      {END_OBJ}},
     "{\"rate_2\":1,\"b\":null,\"c\":[]}\n"},
    {"keys escaped",
     {{OBJ}, {KEY, "a\"b"}, {NUM, "0"}, {KEY, ""}, {STR, ""}, {END_OBJ}},
     "{\"a\\\"b\":0,\"\":\"\"}\n"},
};

static void run_step(struct rt_json *json, const struct step *step)
{
    size_t len = step->text ? strlen(step->text) : 0;

    switch (step->kind) {
    case OBJ:
        rt_json_begin_object(json);
        break;
    case END_OBJ:
        rt_json_end_object(json);
        break;
    case ARR:
        rt_json_begin_array(json);
        break;
    case END_ARR:
        rt_json_end_array(json);
        break;
    case KEY:
        rt_json_key(json, step->text, len);
        break;
    case PLAIN_KEY:
        rt_json_key_plain(json, step->text, len);
        break;
    case NUM:
        rt_json_number(json, step->text, len);
        break;
    case STR:
        rt_json_string(json, step->text, len);
        break;
    case NUL:
        rt_json_null(json);
        break;
    case END:
        break;
    }
}

static void test_json(void **state)
{
    const struct json_case *c = *state;
    struct rt_sink sink;
    struct rt_json json;
    size_t i;

    rt_sink_init_memory(&sink);
    rt_json_init(&json, &sink);
    for (i = 0; i < 16 && c->steps[i].kind != END; i++)
        run_step(&json, &c->steps[i]);
    assert_int_equal(json.depth, 0);
    assert_int_equal(sink.len, strlen(c->expected));
    assert_memory_equal(sink.buf, c->expected, sink.len);
    rt_sink_free(&sink);
}

int main(void)
{
    return TABLE_RUN("json", json_cases, test_json);
}
