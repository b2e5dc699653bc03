/*
 * fuzz_amount.c - the parser of money and rates.  The first byte picks
 * the kind; an accepted amount, printed with every decimal, parses back to
 * the same millionths, and printed as the least it needs, to the same too.
 */
#include <string.h>

#include "fuzz.h"
#include "retain.h"

static void round_trip(uint64_t micros, unsigned decimals, bool percent,
                       enum rt_amount_kind kind)
{
    char text[RT_VALUE_TEXT_SIZE];
    uint64_t again = 0;

    rt_amount_format(micros, decimals, percent, text, sizeof text);
    if (percent) /* a rate printed as a percentage needs its '%' back */
        strcat(text, "%");
    FUZZ_CHECK(rt_amount_parse(text, strlen(text), kind, &again) == RT_OK,
               "a printed amount parses");
    FUZZ_CHECK(again == micros, "a printed amount parses to itself");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    enum rt_amount_kind kind;
    uint64_t micros = 0;

    if (size == 0)
        return 0;
    kind = data[0] & 1 ? RT_AMOUNT_RATE : RT_AMOUNT_MONEY;
    if (rt_amount_parse((const char *)data + 1, size - 1, kind, &micros) !=
        RT_OK)
        return 0;
    FUZZ_CHECK(micros <= RT_COUNT_MAX, "an amount is at most RT_COUNT_MAX");
    if (kind == RT_AMOUNT_MONEY) {
        round_trip(micros, 6, false, kind);
        round_trip(micros, 0, false, kind);
    } else {
        round_trip(micros, 6, false, kind);
        if (micros <= RT_COUNT_MAX / 100)
            round_trip(micros, 0, true, kind);
    }
    return 0;
}
