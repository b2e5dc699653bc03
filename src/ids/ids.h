/*
 * ids.h - exact retention counts from two lists of customer IDs (internal).
 *
 * S is the number of distinct IDs in the start list, E in the end list;
 * retained IDs are in both, new ones only in the end list, lost ones only
 * in the start list.  Only the start list is kept whole: the end list is
 * streamed against it, and only its new IDs are stored.
 */
#ifndef RETAIN_IDS_H
#define RETAIN_IDS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "describe.h"
#include "idset.h"
#include "sink.h"

struct rt_ids_options {
    bool trim;             /* drop spaces and tabs around each ID */
    bool ignore_case;      /* ASCII letters compare equal in either case */
    const char *id_column; /* read CSV/TSV with a header, IDs from here */
    char delimiter;        /* for id_column: 0 to take it from the name */
    bool part;             /* --partial: an empty end list is no warning */
};

/* What one list held besides its distinct IDs. */
struct rt_ids_stats {
    uint64_t blanks, first_blank;         /* blank lines skipped */
    uint64_t duplicates, first_duplicate; /* repeats of an earlier ID */
};

struct rt_ids {
    struct rt_ids_options options;
    struct rt_reporter reporter;
    struct rt_idset start; /* every start ID; RT_ID_SEEN: also at the end */
    struct rt_idset fresh; /* the IDs only in the end list */
    uint64_t retained;
    struct rt_ids_stats start_stats, end_stats;
    const char *reading;               /* the name of the list being read */
    const char *start_name, *end_name; /* of the lists, for diagnostics */
};

enum rt_ids_result {
    RT_IDS_OK,
    RT_IDS_UNUSABLE, /* reported: unreadable, a line too long, no column,
                        more IDs than a set holds */
    RT_IDS_NO_MEMORY
};

/* Which IDs --list prints. */
enum rt_ids_list { RT_IDS_LOST, RT_IDS_NEW, RT_IDS_RETAINED };

/* `key` seeds the hash: two unpredictable words. */
void rt_ids_init(struct rt_ids *ids, const struct rt_ids_options *options,
                 struct rt_reporter reporter, const uint64_t key[2]);
void rt_ids_free(struct rt_ids *ids);

/*
 * Reads the start list, then the end list; `name` is for diagnostics.  A
 * UTF-8 byte-order mark at the start of either is dropped.  Warnings (blank
 * lines, duplicates, an end list without IDs) go to the reporter once the
 * list is read, with the line where each first happened.
 */
enum rt_ids_result rt_ids_read_start(struct rt_ids *ids, FILE *in,
                                     const char *name);
enum rt_ids_result rt_ids_read_end(struct rt_ids *ids, FILE *in,
                                   const char *name);

/*
 * Whether either list held duplicate IDs or blank lines, or the end list
 * no IDs: what the warnings report and --strict refuses.
 */
bool rt_ids_untidy(const struct rt_ids *ids);

/* The counts: S, E and N, from which the figures follow. */
struct rt_counts rt_ids_counts(const struct rt_ids *ids);

/*
 * Writes the IDs of a list, one per line, in order of first appearance.
 * An ID that holds a line break (LF or CR, which --id-column can read from
 * a quoted or escaped field) would read back as two, or as another ID:
 * then nothing is written, the first such ID is reported, and it returns
 * false.
 */
bool rt_ids_write_list(const struct rt_ids *ids, enum rt_ids_list which,
                       struct rt_sink *out);

#endif
