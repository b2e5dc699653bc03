/*
 * fuzz_count.c - the strict count parser.  Whatever it accepts prints back
 * as the same digits (less leading zeros) and is at most RT_COUNT_MAX;
 * whatever it refuses has a reason.
 */
#include <string.h>

#include "fuzz.h"
#include "retain.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    char printed[32];
    uint64_t value = 0;
    size_t lead = 0;
    enum rt_status status = rt_count_parse(text, size, &value);

    if (status != RT_OK) {
        FUZZ_CHECK(strcmp(rt_status_text(status), "unknown error") != 0,
                   "a refusal has a reason");
        return 0;
    }
    FUZZ_CHECK(value <= RT_COUNT_MAX, "a count is at most RT_COUNT_MAX");
    while (lead + 1 < size && text[lead] == '0')
        lead++;
    snprintf(printed, sizeof printed, "%llu", (unsigned long long)value);
    FUZZ_CHECK(strlen(printed) == size - lead &&
                   memcmp(printed, text + lead, size - lead) == 0,
               "a parsed count prints back as its digits");
    return 0;
}
