/* part.c - building, writing and adding parts; see part.h. */
#include <stdlib.h>
#include <string.h>

#include "digits.h"
#include "part.h"
#include "siphash.h"

static char *copy_bytes(const char *text, size_t len)
{
    char *copy = malloc(len + 1);

    if (copy) {
        if (len > 0)
            memcpy(copy, text, len);
        copy[len] = '\0';
    }
    return copy;
}

/* Grows an array to hold one more of `size` bytes; false out of memory. */
static bool grow(void **items, size_t count, size_t *cap, size_t size)
{
    size_t wanted = *cap ? *cap * 2 : 8;
    void *more;

    if (count < *cap)
        return true;
    if (wanted > SIZE_MAX / size)
        return false;
    more = realloc(*items, wanted * size);
    if (!more)
        return false;
    *items = more;
    *cap = wanted;
    return true;
}

void rt_part_init(struct rt_part *part, const char *command)
{
    memset(part, 0, sizeof *part);
    snprintf(part->command, sizeof part->command, "%s", command);
    part->kind = strcmp(command, "cohorts") == 0   ? "cohort"
                 : strcmp(command, "periods") == 0 ? "period"
                                                   : "ids";
}

static void free_pairs(struct rt_part_pair *pairs, size_t count)
{
    size_t i;

    for (i = 0; i < count; i++) {
        free(pairs[i].name);
        free(pairs[i].value);
    }
    free(pairs);
}

void rt_part_free(struct rt_part *part)
{
    size_t i;

    if (!part)
        return;
    free_pairs(part->options, part->option_count);
    free_pairs(part->meta, part->meta_count);
    for (i = 0; i < part->tally_count; i++)
        free(part->tallies[i].name);
    free(part->tallies);
    for (i = 0; i < part->group_count; i++)
        free(part->groups[i].value);
    free(part->groups);
    for (i = 0; i < part->record_count; i++)
        free(part->records[i].values);
    free(part->records);
    for (i = 0; i < part->source_count; i++)
        free(part->sources[i]);
    free(part->sources);
    memset(part, 0, sizeof *part);
}

/* Makes room for one more item: few options, tallies and groups. */
static bool one_more(void **items, size_t count, size_t size)
{
    void *more = count < SIZE_MAX / size - 1
                     ? realloc(*items, (count + 1) * size)
                     : NULL;

    if (more)
        *items = more;
    return more != NULL;
}

static bool add_pair(struct rt_part_pair **pairs, size_t *count,
                     const char *name, const char *value)
{
    struct rt_part_pair pair;

    if (!one_more((void **)pairs, *count, sizeof **pairs))
        return false;
    pair.name = copy_bytes(name, strlen(name));
    pair.value = copy_bytes(value, strlen(value));
    if (!pair.name || !pair.value) {
        free(pair.name);
        free(pair.value);
        return false;
    }
    (*pairs)[(*count)++] = pair;
    return true;
}

static bool fail(struct rt_part *part)
{
    part->no_memory = true;
    return false;
}

bool rt_part_option(struct rt_part *part, const char *name, const char *value)
{
    return add_pair(&part->options, &part->option_count, name, value) ||
           fail(part);
}

bool rt_part_meta(struct rt_part *part, const char *name, const char *value)
{
    return add_pair(&part->meta, &part->meta_count, name, value) || fail(part);
}

static struct rt_part_tally *find_tally(const struct rt_part *part,
                                        const char *name)
{
    size_t i;

    for (i = 0; i < part->tally_count; i++)
        if (strcmp(part->tallies[i].name, name) == 0)
            return &part->tallies[i];
    return NULL;
}

bool rt_part_tally(struct rt_part *part, const char *name, uint64_t value,
                   bool max)
{
    struct rt_part_tally *tally = find_tally(part, name);

    if (tally) {
        if (max)
            tally->value = value > tally->value ? value : tally->value;
        else if (value > UINT64_MAX - tally->value)
            tally->value = UINT64_MAX; /* a count of warnings: it saturates */
        else
            tally->value += value;
        return true;
    }
    if (!one_more((void **)&part->tallies, part->tally_count,
                  sizeof *part->tallies))
        return fail(part);
    tally = &part->tallies[part->tally_count];
    tally->name = copy_bytes(name, strlen(name));
    if (!tally->name)
        return fail(part);
    tally->value = value;
    tally->max = max;
    part->tally_count++;
    return true;
}

bool rt_part_group(struct rt_part *part, const char *value, size_t len,
                   size_t *index)
{
    size_t i;
    char *copy;

    for (i = 0; i < part->group_count; i++)
        if (part->groups[i].len == len &&
            memcmp(part->groups[i].value, value, len) == 0) {
            *index = i;
            return true;
        }
    if (!one_more((void **)&part->groups, part->group_count,
                  sizeof *part->groups))
        return fail(part);
    if (!(copy = copy_bytes(value, len)))
        return fail(part);
    part->groups[part->group_count] = (struct rt_part_group){copy, len};
    *index = part->group_count++;
    return true;
}

bool rt_part_record(struct rt_part *part, size_t group, int64_t period,
                    const uint64_t *values, size_t count)
{
    struct rt_part_record *record;
    uint64_t *copy = malloc((count ? count : 1) * sizeof *copy);

    if (!copy || !grow((void **)&part->records, part->record_count,
                       &part->record_cap, sizeof *part->records)) {
        free(copy);
        return fail(part);
    }
    if (count > 0)
        memcpy(copy, values, count * sizeof *copy);
    record = &part->records[part->record_count++];
    record->group = group;
    record->period = period;
    record->values = copy;
    record->count = count;
    return true;
}

size_t rt_part_keep_hash(struct rt_part *part, uint64_t hash, size_t source)
{
    size_t at = part->hash_count, i;

    while (at > 0 && part->hashes[at - 1] > hash)
        at--;
    if (at > 0 && part->hashes[at - 1] == hash)
        return part->hash_source[at - 1] != source ? part->hash_source[at - 1]
                                                   : SIZE_MAX;
    if (at == RT_PART_HASHES)
        return SIZE_MAX;
    if (part->hash_count < RT_PART_HASHES)
        part->hash_count++;
    for (i = part->hash_count - 1; i > at; i--) {
        part->hashes[i] = part->hashes[i - 1];
        part->hash_source[i] = part->hash_source[i - 1];
    }
    part->hashes[at] = hash;
    part->hash_source[at] = source;
    return SIZE_MAX;
}

void rt_part_id(struct rt_part *part, const char *id, size_t len,
                bool fold_case)
{
    static const uint64_t key[2] = {RT_PART_KEY0, RT_PART_KEY1};

    rt_part_keep_hash(part, rt_siphash(key, id, len, fold_case, 2, 4), 0);
}

static const char *pair_value(const struct rt_part_pair *pairs, size_t count,
                              const char *name)
{
    size_t i;

    for (i = 0; i < count; i++)
        if (strcmp(pairs[i].name, name) == 0)
            return pairs[i].value;
    return NULL;
}

const char *rt_part_option_value(const struct rt_part *part, const char *name)
{
    return pair_value(part->options, part->option_count, name);
}

const char *rt_part_meta_value(const struct rt_part *part, const char *name)
{
    return pair_value(part->meta, part->meta_count, name);
}

uint64_t rt_part_tally_value(const struct rt_part *part, const char *name)
{
    const struct rt_part_tally *tally = find_tally(part, name);

    return tally ? tally->value : 0;
}

size_t rt_part_group_end(const struct rt_part *part, size_t from)
{
    size_t to = from;

    while (to < part->record_count &&
           part->records[to].group == part->records[from].group)
        to++;
    return to;
}
