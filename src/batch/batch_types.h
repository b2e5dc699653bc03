/*
 * batch_types.h - the state of retain batch, shared by its modules
 * (internal): the options, which column holds what, the output's columns,
 * and how a file or the run went.  The engine (batch.h) and every part of
 * it (the layout, the rows, the emitter, the summary, the names, the
 * workers) see these; none of the parts calls the engine.
 */
#ifndef RETAIN_BATCH_TYPES_H
#define RETAIN_BATCH_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "columns.h"
#include "describe.h"
#include "retain.h"
#include "sink.h"

struct rt_batch_options {
    enum rt_format format; /* of the output */
    char out_delimiter;    /* for csv and tsv output: ',', ';' or tab */
    bool format_given;     /* otherwise csv or tsv as the first input is */
    char in_delimiter;     /* 0: from the file name, else sniffed */
    unsigned precision;
    bool strict;
    bool header;           /* the input starts with a header line */
    const char *columns;   /* names for headerless input, comma-separated */
    const char *start_col; /* NULL: start, S (any case) */
    const char *end_col;   /* NULL: end, E */
    const char *new_col;   /* NULL: new, N; the column may be absent */
    bool summary;
    const char *group_by; /* a column name, or NULL */
    unsigned jobs;        /* worker threads; 1 or less: none */
    bool lifetime;        /* add the figures beyond one period to each row */
    struct rt_lifetime_options lifetime_options;
    uint64_t hash_key[2]; /* keys the summary's hashes; the CLI's is random */
    /* What retain periods asks of the rows it writes (0 or NULL: as
       retain batch has always written them, byte for byte). */
    size_t trailing;  /* the last K input columns go after the figures,
                         before warnings, in every format */
    const char *only; /* each row keeps its label columns (neither counts
                         nor trailing) and this output column alone */
    const char *zero_start_warning; /* a row whose start is 0 is written
                                       with empty figures and this warning,
                                       not reported as an error */
    bool counts_as_numbers;         /* json, text: the count columns and the
                                       trailing ones are numbers, not text */
    bool no_header_line;            /* csv, tsv: no header line in the output */
    unsigned chart_width, chart_height; /* svg, in pixels; 0: the default */
};

/* The revenue columns, indexed by enum rt_revenue_field: start_mrr ..
 * churned. */
#define RT_BATCH_REVENUE_COLUMNS (RT_REVENUE_CHURNED + 1)

/* Which input column holds what, fixed by the first file. */
struct rt_batch_layout {
    char **names; /* as the header has them */
    size_t count;
    /* The names written in the output: names[i] itself, or a new string
       when that name is taken (see batch_names.h); renamed says if any. */
    char **out_names;
    bool renamed;
    char *summary_group; /* the group column's name in the summary */
    size_t start, end, new_customers, group; /* or RT_NO_COLUMN */
    bool has_revenue; /* a start_mrr column, and so all four of them */
    size_t revenue[RT_BATCH_REVENUE_COLUMNS];
    char *first_file; /* whose header fixed the layout */
};

struct rt_summary;
struct rt_text_table;
struct rt_batch_chart;

/* What one figure column of the output holds. */
enum rt_batch_column_kind {
    RT_BATCH_COLUMN_FIGURE,   /* an enum rt_field */
    RT_BATCH_COLUMN_LIFETIME, /* an enum rt_lifetime_field */
    RT_BATCH_COLUMN_REVENUE,  /* RT_REVENUE_NET or RT_REVENUE_GROSS */
    RT_BATCH_COLUMN_WARNINGS
};

struct rt_batch_column {
    enum rt_batch_column_kind kind;
    unsigned field;
};

/* One cell of an output row: an input column, or one of batch->columns. */
struct rt_batch_cell {
    bool input;
    size_t index;
};

/* retained .. simple_churn_rate, the lifetime block, NRR, GRR, warnings. */
#define RT_BATCH_COLUMNS_MAX                                                   \
    (RT_FIELD_COUNT - RT_FIELD_RETAINED + RT_LIFETIME_FIELD_COUNT + 2)

struct rt_batch {
    struct rt_batch_options options;
    struct rt_reporter reporter;
    struct rt_sink *sink;
    struct rt_batch_layout layout;
    bool have_layout;
    struct rt_batch_column columns[RT_BATCH_COLUMNS_MAX]; /* with the layout */
    size_t column_count;
    /* The cells of a row in order when options.trailing or options.only
       reorder them; NULL: the input's columns, then the columns above. */
    struct rt_batch_cell *cells;
    size_t cell_count;
    bool header_written;
    /* Markdown: no memory for a header's delimiter line, or for a row's
       warnings joined into their cell. */
    bool cells_failed;
    uint64_t rows, invalid_rows, inconsistent_rows;
    /* Inputs that could not be used, reported and skipped: counted by
       rt_batch_file(), and by the caller for one it could not open. */
    uint64_t inputs_skipped;
    struct rt_summary *summary;   /* NULL without --summary */
    struct rt_text_table *text;   /* NULL unless the format is text */
    struct rt_batch_chart *chart; /* NULL unless the format is svg: the rows
                                     are drawn at the end, not written */
};

/*
 * How a file or the whole run went, worst last.  A file that cannot be
 * used is skipped and the run goes on (OpenBSD's warn(); rval = 1;
 * continue;); from RT_BATCH_BAD_COLUMNS on, the run stops.
 */
enum rt_batch_result {
    RT_BATCH_OK,
    RT_BATCH_ROWS_INVALID,  /* some rows invalid, or inconsistent and strict */
    RT_BATCH_INPUT_SKIPPED, /* the run: some inputs could not be used */
    RT_BATCH_UNUSABLE,      /* a file could not be used (the run: none) */
    RT_BATCH_BAD_COLUMNS,   /* --columns fit no input, whichever it is */
    RT_BATCH_OUTPUT_FAILED, /* writing stopped: see sink->failed */
    RT_BATCH_NO_MEMORY
};

/* What reading rows saw besides the rows. */
struct rt_batch_stats {
    uint64_t lines;       /* physical lines read */
    uint64_t blanks;      /* blank lines skipped */
    uint64_t first_blank; /* the line of the first, if any */
};

#endif
