/*
 * test_cli_ids.c - retain ids, run as users run it.
 *
 * Each row gives arguments and standard input, and the exact standard
 * output, standard error and exit status.  The lists the rows name are
 * written into a fresh directory first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd_ids.h"
#include "idset.h"
#include "cli_table.h"
#include "run.h"
#include "table.h"

#define MINUS "\xe2\x88\x92"
#define DIV   "\xc3\xb7"
#define TIMES "\xc3\x97"
#define TRY   "Try 'retain ids --help' for more information.\n"
#define FIGURES_HEAD                                                           \
    "start,end,new,retained,lost,retention_rate,churn_rate,"                   \
    "simple_retention_rate,simple_churn_rate,warnings\n"
/* start.txt against end.txt: a b c d, then c d e f. */
#define EXAMPLE_TEXT                                                           \
    "start (S)              4\n"                                               \
    "end (E)                4\n"                                               \
    "new (N)                2\n"                                               \
    "retained (E " MINUS " N)       2\n"                                       \
    "lost (S " MINUS " retained)    2\n"                                       \
    "retention rate         [(4 " MINUS " 2) " DIV " 4] " TIMES                \
    " 100 = 50.00%\n"                                                          \
    "churn rate             (2 " DIV " 4) " TIMES " 100 = 50.00%\n"            \
    "simple retention rate  (4 " DIV " 4) " TIMES " 100 = 100.00%\n"           \
    "simple churn rate      [(4 " MINUS " 4) " DIV " 4] " TIMES                \
    " 100 = 0.00%\n"
#define EXAMPLE_CSV "4,4,2,2,2,50.00,50.00,100.00,0.00,\n"
#define UNTIDY_WARNINGS                                                        \
    "retain: untidy.txt:3: warning: skipped 2 blank lines\n"                   \
    "retain: untidy.txt:5: warning: 2 duplicate IDs, each counted once "       \
    "(this is the first)\n"
#define TOO_LONG                                                               \
    "an ID longer than 65535 bytes (expected one ID per line; nothing is "     \
    "cut short)\n"
#define STDIN "(standard input)"
#define BOM   "\xef\xbb\xbf"
/* The warnings of untidy.txt as the warnings field joins them. */
#define UNTIDY_NOTES                                                           \
    "untidy.txt:3: skipped 2 blank lines; untidy.txt:5: 2 duplicate IDs, "     \
    "each counted once (this is the first)"
#define EMPTY_END                                                              \
    "empty.txt: warning: no IDs in the end list: every start ID counts as "    \
    "lost\n"
#define NOT_AN_INPUT "(expected an output file that is not an input)\n"
#define TWO_LISTS    "(expected two different lists)\n"

static const struct cli_row ids_cases[] = {
    /* Figures, in every format. */
    {"text", {"ids", "start.txt", "end.txt"}, NULL, 0, EXAMPLE_TEXT, ""},
    {"json",
     {"ids", "-f", "json", "start.txt", "end.txt"},
     NULL,
     0,
     "{\"start\":4,\"end\":4,\"new\":2,\"retained\":2,\"lost\":2,"
     "\"retention_rate\":50.00,\"churn_rate\":50.00,"
     "\"simple_retention_rate\":100.00,\"simple_churn_rate\":0.00,"
     "\"warnings\":[]}\n",
     ""},
    {"csv",
     {"ids", "--format=csv", "start.txt", "end.txt"},
     NULL,
     0,
     FIGURES_HEAD EXAMPLE_CSV,
     ""},
    {"csv without header",
     {"ids", "-f", "csv", "--no-header", "start.txt", "end.txt"},
     NULL,
     0,
     EXAMPLE_CSV,
     ""},
    {"tsv",
     {"ids", "-f", "tsv", "start.txt", "end.txt"},
     NULL,
     0,
     "start\tend\tnew\tretained\tlost\tretention_rate\tchurn_rate\t"
     "simple_retention_rate\tsimple_churn_rate\twarnings\n"
     "4\t4\t2\t2\t2\t50.00\t50.00\t100.00\t0.00\t\n",
     ""},
    {"only",
     {"ids", "--only", "lost", "start.txt", "end.txt"},
     NULL,
     0,
     "2\n",
     ""},
    {"thirds",
     {"ids", "--only=retention_rate", "x.txt", "y.txt"},
     NULL,
     0,
     "66.67\n",
     ""},
    {"precision",
     {"ids", "-p", "0", "-f", "csv", "--no-header", "x.txt", "y.txt"},
     NULL,
     0,
     "3,3,1,2,1,67,33,100,0,\n",
     ""},

    /* Lists. */
    {"list lost",
     {"ids", "--list", "lost", "start.txt", "end.txt"},
     NULL,
     0,
     "a\nb\n",
     ""},
    {"list new",
     {"ids", "--list=new", "start.txt", "end.txt"},
     NULL,
     0,
     "e\nf\n",
     ""},
    {"list retained",
     {"ids", "--list", "retained", "start.txt", "end.txt"},
     NULL,
     0,
     "c\nd\n",
     ""},
    {"list in order of first appearance",
     {"ids", "--list", "new", "x.txt", "z.txt"},
     NULL,
     0,
     "q\np\nw\n",
     ""},
    {"list retained in start order",
     {"ids", "--list", "retained", "x.txt", "y.txt"},
     NULL,
     0,
     "x\ny\n",
     ""},
    {"list lost when none",
     {"ids", "--list", "lost", "x.txt", "x-copy.txt"},
     NULL,
     0,
     "",
     ""},
    {"list to a file, figures out",
     {"ids", "--list", "lost", "--list-to", "lost.txt", "-f", "csv",
      "start.txt", "end.txt"},
     NULL,
     0,
     FIGURES_HEAD EXAMPLE_CSV,
     ""},
    {"list to a file with only",
     {"ids", "--list", "lost", "--list-to", "lost.txt", "--only",
      "retention_rate", "start.txt", "end.txt"},
     NULL,
     0,
     "50.00\n",
     ""},

    /* Reading. */
    {"start from standard input",
     {"ids", "-f", "csv", "--no-header", "-", "end.txt"},
     "a\nb\nc\nd\n",
     0,
     EXAMPLE_CSV,
     ""},
    {"end from standard input",
     {"ids", "--list", "new", "start.txt", "-"},
     "e\r\nc\r\nf\r\n",
     0,
     "e\nf\n",
     ""},
    {"blank lines and duplicates warn",
     {"ids", "-f", "csv", "--no-header", "untidy.txt", "end.txt"},
     NULL,
     0,
     "4,4,2,2,2,50.00,50.00,100.00,0.00,\"" UNTIDY_NOTES "\"\n",
     UNTIDY_WARNINGS},
    {"strict makes them fail",
     {"ids", "--strict", "-f", "csv", "--no-header", "untidy.txt", "end.txt"},
     NULL,
     1,
     "4,4,2,2,2,50.00,50.00,100.00,0.00,\"" UNTIDY_NOTES "\"\n",
     UNTIDY_WARNINGS},
    {"warnings in json too",
     {"ids", "-f", "json", "untidy.txt", "end.txt"},
     NULL,
     0,
     "{\"start\":4,\"end\":4,\"new\":2,\"retained\":2,\"lost\":2,"
     "\"retention_rate\":50.00,\"churn_rate\":50.00,"
     "\"simple_retention_rate\":100.00,\"simple_churn_rate\":0.00,"
     "\"warnings\":[\"untidy.txt:3: skipped 2 blank lines\",\"untidy.txt:5: "
     "2 duplicate IDs, each counted once (this is the first)\"]}\n",
     UNTIDY_WARNINGS},
    {"warnings in tsv too",
     {"ids", "-f", "tsv", "--no-header", "untidy.txt", "end.txt"},
     NULL,
     0,
     "4\t4\t2\t2\t2\t50.00\t50.00\t100.00\t0.00\t" UNTIDY_NOTES "\n",
     UNTIDY_WARNINGS},
    {"warnings alone",
     {"ids", "--only", "warnings", "untidy.txt", "end.txt"},
     NULL,
     0,
     UNTIDY_NOTES "\n",
     UNTIDY_WARNINGS},
    {"no warnings alone",
     {"ids", "--only", "warnings", "start.txt", "end.txt"},
     NULL,
     0,
     "\n",
     ""},
    {"warnings in text stay on stderr",
     {"ids", "untidy.txt", "end.txt"},
     NULL,
     0,
     EXAMPLE_TEXT,
     UNTIDY_WARNINGS},
    {"warnings of the end list",
     {"ids", "-f", "csv", "--no-header", "x.txt", "twice.txt"},
     "",
     0,
     "3,2,1,1,2,33.33,66.67,66.67,33.33,\"twice.txt:4: skipped 1 blank line; "
     "twice.txt:3: 1 duplicate ID, each counted once (this is the first)\"\n",
     "retain: twice.txt:4: warning: skipped 1 blank line\n"
     "retain: twice.txt:3: warning: 1 duplicate ID, each counted once (this "
     "is the first)\n"},
    {"warnings name standard input in the output",
     {"ids", "--only", "warnings", "-", "end.txt"},
     "a\n\nc\n",
     0,
     STDIN ":2: skipped 1 blank line\n",
     "retain: " STDIN ":2: warning: skipped 1 blank line\n"},
    {"strict on tidy lists",
     {"ids", "--strict", "--only", "new", "start.txt", "end.txt"},
     NULL,
     0,
     "2\n",
     ""},
    {"warnings name standard input",
     {"ids", "--only", "start", "-", "end.txt"},
     "a\n\na\n",
     0,
     "1\n",
     "retain: " STDIN ":2: warning: skipped 1 blank line\n"
     "retain: " STDIN ":3: warning: 1 duplicate ID, each counted once (this "
     "is the first)\n"},
    {"spaces kept",
     {"ids", "--list", "retained", "spaced.txt", "end.txt"},
     NULL,
     0,
     "d\n",
     ""},
    {"trim",
     {"ids", "--trim", "--list", "retained", "spaced.txt", "end.txt"},
     NULL,
     0,
     "c\nd\n",
     ""},
    {"case matters",
     {"ids", "--list", "retained", "upper.txt", "end.txt"},
     NULL,
     0,
     "",
     ""},
    {"ignore case",
     {"ids", "--ignore-case", "--list", "lost", "upper.txt", "end.txt"},
     NULL,
     0,
     "A\nB\n",
     ""},
    {"id column of CSV",
     {"ids", "--id-column", "customer_id", "-f", "csv", "--no-header",
      "jan.csv", "feb.csv"},
     NULL,
     0,
     EXAMPLE_CSV,
     ""},
    {"id column of TSV",
     {"ids", "--id-column=CUSTOMER_ID", "--list", "new", "jan.csv", "feb.tsv"},
     NULL,
     0,
     "e\nf\n",
     ""},
    {"id column with a delimiter",
     {"ids", "--id-column", "id", "-d", ";", "--list", "lost", "semi.txt",
      "semi-end.txt"},
     NULL,
     0,
     "c\n",
     ""},

    /* Nothing computed: exit 2. */
    {"empty start list",
     {"ids", "empty.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: empty.txt: no IDs in the start list, so no rate is defined "
     "(expected at least 1 customer at the start)\n"},
    {"blank start list",
     {"ids", "blank.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: blank.txt:1: warning: skipped 2 blank lines\n"
     "retain: blank.txt: no IDs in the start list, so no rate is defined "
     "(expected at least 1 customer at the start)\n"},
    {"empty end list warns",
     {"ids", "--only", "churn_rate", "start.txt", "empty.txt"},
     NULL,
     0,
     "100.00\n",
     "retain: " EMPTY_END},
    {"empty end list in the warnings",
     {"ids", "-f", "csv", "start.txt", "empty.txt"},
     NULL,
     0,
     FIGURES_HEAD "4,0,0,0,4,0.00,100.00,0.00,100.00,empty.txt: no IDs in "
                  "the end list: every start ID counts as lost\n",
     "retain: " EMPTY_END},
    {"empty end list with strict",
     {"ids", "--strict", "--only", "lost", "start.txt", "empty.txt"},
     NULL,
     1,
     "4\n",
     "retain: " EMPTY_END},
    {"blank end list",
     {"ids", "--only", "warnings", "start.txt", "blank.txt"},
     NULL,
     0,
     "blank.txt:1: skipped 2 blank lines; blank.txt: no IDs in the end list: "
     "every start ID counts as lost\n",
     "retain: blank.txt:1: warning: skipped 2 blank lines\n"
     "retain: blank.txt: warning: no IDs in the end list: every start ID "
     "counts as lost\n"},
    /* A byte-order mark alone is an empty list: no line, so no blank one. */
    {"end list of a byte-order mark alone",
     {"ids", "--only", "new", "start.txt", "-"},
     "\xef\xbb\xbf",
     0,
     "0\n",
     "retain: " STDIN ": warning: no IDs in the end list: every start ID "
     "counts as lost\n"},
    {"empty end list from standard input",
     {"ids", "--only", "new", "start.txt", "-"},
     "",
     0,
     "0\n",
     "retain: " STDIN ": warning: no IDs in the end list: every start ID "
     "counts as lost\n"},

    /* A byte-order mark is no part of the first ID. */
    {"byte-order mark in the start list",
     {"ids", "--list", "lost", "bom.txt", "end.txt"},
     NULL,
     0,
     "a\nb\n",
     ""},
    {"byte-order mark in the end list",
     {"ids", "--list", "new", "start.txt", "bom-end.txt"},
     NULL,
     0,
     "e\nf\n",
     ""},
    {"byte-order mark on standard input",
     {"ids", "--list", "lost", "-", "end.txt"},
     BOM "a\nb\nc\nd\n",
     0,
     "a\nb\n",
     ""},
    {"byte-order mark, then a blank line",
     {"ids", "--only", "start", "bom-blank.txt", "end.txt"},
     NULL,
     0,
     "2\n",
     "retain: bom-blank.txt:1: warning: skipped 1 blank line\n"},
    {"byte-order mark with trim and case",
     {"ids", "--trim", "--ignore-case", "--list", "retained", "bom-upper.txt",
      "end.txt"},
     NULL,
     0,
     "C\n",
     ""},
    {"a byte-order mark past the start is part of an ID",
     {"ids", "--list", "lost", "bom-later.txt", "end.txt"},
     NULL,
     0,
     "a\n" BOM "c\n",
     ""},
    {"byte-order mark before a header, both lists",
     {"ids", "--id-column", "id", "--list", "lost", "bom.csv", "bom-blank.csv"},
     NULL,
     0,
     "a\n",
     "retain: bom-blank.csv:1: warning: skipped 1 blank line\n"},

    /* Blank lines before the header of --id-column. */
    {"id column after blank lines",
     {"ids", "--id-column", "customer_id", "-f", "csv", "--no-header",
      "blank-head.csv", "feb.csv"},
     NULL,
     0,
     "4,4,2,2,2,50.00,50.00,100.00,0.00,blank-head.csv:1: skipped 2 blank "
     "lines\n",
     "retain: blank-head.csv:1: warning: skipped 2 blank lines\n"},
    {"id column: delimiter from the header after blank lines",
     {"ids", "--id-column", "id", "--list", "lost", "blank-head-tab.txt",
      "semi-end.txt"},
     NULL,
     0,
     "c\n",
     "retain: blank-head-tab.txt:1: warning: skipped 1 blank line\n"},
    {"id column: true line numbers after blank lines",
     {"ids", "--id-column", "id", "blank-ragged.csv", "end.txt"},
     NULL,
     2,
     "",
     "retain: blank-ragged.csv:5: error: the row has 3 fields, the header "
     "2\n"},
    {"id column: the header's line after blank lines",
     {"ids", "--id-column", "id", "blank-head.csv", "feb.csv"},
     NULL,
     2,
     "",
     "retain: blank-head.csv:3: error: no column named 'id' for --id-column "
     "(the columns are 'customer_id', 'plan')\n"},
    {"id column: only blank lines",
     {"ids", "--id-column", "id", "blank.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: blank.txt:1: error: only blank lines (expected a header line "
     "naming the columns)\n"},
    {"id column: empty",
     {"ids", "--id-column", "id", "empty.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: empty.txt:1: error: empty input (expected a header line naming "
     "the columns)\n"},

    /* One file as both lists. */
    {"the same name twice",
     {"ids", "x.txt", "x.txt"},
     NULL,
     2,
     "",
     "retain: END_FILE x.txt is the same file as START_FILE x.txt " TWO_LISTS},
    {"the same file by two names",
     {"ids", "start.txt", "./start.txt"},
     NULL,
     2,
     "",
     "retain: END_FILE ./start.txt is the same file as START_FILE "
     "start.txt " TWO_LISTS},
    {"the same file by a hard link",
     {"ids", "start.txt", "start-hard.txt"},
     NULL,
     2,
     "",
     "retain: END_FILE start-hard.txt is the same file as START_FILE "
     "start.txt " TWO_LISTS},
    {"the same file by a symbolic link",
     {"ids", "start-sym.txt", "start.txt"},
     NULL,
     2,
     "",
     "retain: END_FILE start.txt is the same file as START_FILE "
     "start-sym.txt " TWO_LISTS},
    {"standard input by name, then -",
     {"ids", "/dev/stdin", "-"},
     "a\n",
     2,
     "",
     "retain: END_FILE " STDIN
     " is the same file as START_FILE /dev/stdin " TWO_LISTS},
    {"standard input, then by name",
     {"ids", "-", "/dev/stdin"},
     "a\n",
     2,
     "",
     "retain: END_FILE /dev/stdin is the same file as START_FILE " STDIN
     " " TWO_LISTS},

    /* --list-to never writes over an input. */
    {"list-to an input",
     {"ids", "--list", "lost", "--list-to", "start.txt", "start.txt",
      "end.txt"},
     NULL,
     2,
     "",
     "retain: option --list-to: start.txt: the same file as the input "
     "start.txt " NOT_AN_INPUT},
    {"list-to an input by another name",
     {"ids", "--list", "lost", "--list-to", "./end.txt", "start.txt",
      "end.txt"},
     NULL,
     2,
     "",
     "retain: option --list-to: ./end.txt: the same file as the input "
     "end.txt " NOT_AN_INPUT},
    {"list-to a hard link to an input",
     {"ids", "--list", "lost", "--list-to", "start-hard.txt", "start.txt",
      "end.txt"},
     NULL,
     2,
     "",
     "retain: option --list-to: start-hard.txt: the same file as the input "
     "start.txt " NOT_AN_INPUT},
    {"list-to a symbolic link to an input",
     {"ids", "--list", "lost", "--list-to", "start-sym.txt", "start.txt",
      "end.txt"},
     NULL,
     2,
     "",
     "retain: option --list-to: start-sym.txt: the same file as the input "
     "start.txt " NOT_AN_INPUT},
    {"list-to standard input",
     {"ids", "--list", "lost", "--list-to", "/dev/stdin", "start.txt", "-"},
     "c\n",
     2,
     "",
     "retain: option --list-to: /dev/stdin: the same file as standard "
     "input, an input here " NOT_AN_INPUT},
    {"list-to standard output",
     {"ids", "--list", "lost", "--list-to", "/dev/stdout", "-f", "csv",
      "--no-header", "start.txt", "end.txt"},
     NULL,
     0,
     "a\nb\n" EXAMPLE_CSV,
     ""},
    {"list-to a directory",
     {"ids", "--list", "lost", "--list-to", ".", "start.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: option --list-to: .: cannot open: Is a directory\n"},

    {"line too long",
     {"ids", "start.txt", "long.txt"},
     NULL,
     2,
     "",
     "retain: long.txt:2: error: " TOO_LONG},
    {"missing file",
     {"ids", "start.txt", "no-such.txt"},
     NULL,
     2,
     "",
     "retain: no-such.txt: cannot open: No such file or directory\n"},
    {"a directory",
     {"ids", ".", "end.txt"},
     NULL,
     2,
     "",
     "retain: .: cannot read: Is a directory\n"},
    {"id column missing",
     {"ids", "--id-column", "id", "jan.csv", "feb.csv"},
     NULL,
     2,
     "",
     "retain: jan.csv:1: error: no column named 'id' for --id-column (the "
     "columns are 'customer_id', 'plan')\n"},
    {"id column: a name that finds two columns",
     {"ids", "--id-column", "Id", "two-ids.csv", "feb.csv"},
     NULL,
     2,
     "",
     "retain: two-ids.csv:1: error: columns 1 and 2 ('id' and 'ID') differ "
     "only in case, so --id-column could be either (expected the exact name "
     "of one of them, or one column of that name)\n"},
    {"id column: the exact name of one of two",
     {"ids", "--id-column", "ID", "--list", "lost", "two-ids.csv",
      "two-ids-end.csv"},
     NULL,
     0,
     "2\n",
     ""},
    {"id column of a directory",
     {"ids", "--id-column", "id", ".", "end.txt"},
     NULL,
     2,
     "",
     "retain: .: cannot read: Is a directory\n"},
    {"id column: a blank line, then text after a closing quote",
     {"ids", "--id-column", "id", "blank-line.csv", "after-quote.csv"},
     NULL,
     2,
     "",
     "retain: blank-line.csv:3: warning: skipped 1 blank line\n"
     "retain: after-quote.csv:2: error: field 1: text after the closing "
     "quote (expected the delimiter or the line end; write \"\" for a quote "
     "inside quotes)\n"},
    {"strict: duplicates and blank lines in the end list",
     {"ids", "--strict", "-f", "csv", "--no-header", "x.txt", "twice.txt"},
     NULL,
     1,
     "3,2,1,1,2,33.33,66.67,66.67,33.33,\"twice.txt:4: skipped 1 blank line; "
     "twice.txt:3: 1 duplicate ID, each counted once (this is the first)\"\n",
     "retain: twice.txt:4: warning: skipped 1 blank line\n"
     "retain: twice.txt:3: warning: 1 duplicate ID, each counted once (this "
     "is the first)\n"},
    {"id column of a ragged row",
     {"ids", "--id-column", "id", "ragged.csv", "end.txt"},
     NULL,
     2,
     "",
     "retain: ragged.csv:3: error: the row has 3 fields, the header 2\n"},
    {"one file",
     {"ids", "start.txt"},
     NULL,
     2,
     "",
     "retain: missing file: expected START_FILE END_FILE (- for standard "
     "input)\n" TRY},
    {"three files",
     {"ids", "start.txt", "end.txt", "x.txt"},
     NULL,
     2,
     "",
     "retain: too many files: 'x.txt' (expected START_FILE END_FILE)\n" TRY},
    {"list-to without its value",
     {"ids", "--list-to", "--list", "lost", "start.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: option --list-to needs a value (got option '--list')\n" TRY},
    {"id column without its value",
     {"ids", "--id-column", "-d", ",", "start.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: option --id-column needs a value (got option '-d')\n" TRY},
    {"format with a list instead of figures",
     {"ids", "--list", "lost", "-f", "json", "start.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: option -f/--format shapes the figures, and --list prints IDs "
     "in their place (use --list-to FILE to have both)\n" TRY},
    {"precision with a list instead of figures",
     {"ids", "-p3", "--list=new", "start.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: option -p/--precision shapes the figures, and --list prints "
     "IDs in their place (use --list-to FILE to have both)\n" TRY},
    {"period with a list instead of figures",
     {"ids", "--list", "lost", "--period", "month", "start.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: option --period shapes the figures, and --list prints IDs in "
     "their place (use --list-to FILE to have both)\n" TRY},
    {"no header with text",
     {"ids", "--no-header", "start.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: option --no-header needs -f csv or -f tsv (only they have a "
     "header line)\n" TRY},
    {"delimiter without id column",
     {"ids", "-d", ";", "start.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: option -d/--delimiter needs --id-column (a plain list has one "
     "ID per line and no delimiter)\n" TRY},
    {"both standard input",
     {"ids", "-", "-"},
     "",
     2,
     "",
     "retain: START_FILE and END_FILE cannot both be standard input (-)\n" TRY},
    {"unknown list",
     {"ids", "--list", "gone", "start.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: option --list: unknown list: 'gone' (expected lost, new or "
     "retained)\n"},
    {"list-to needs list",
     {"ids", "--list-to", "x", "start.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: option --list-to needs --list lost|new|retained\n" TRY},
    {"list and only both on stdout",
     {"ids", "--list", "lost", "--only", "lost", "start.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: options --list and --only both ask for standard output: use "
     "--list-to FILE for the list\n" TRY},
    {"empty id column",
     {"ids", "--id-column=", "start.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: option --id-column: empty value (expected a column name)\n"},
    {"bad delimiter",
     {"ids", "-d", "|", "start.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: option -d/--delimiter: unknown delimiter: '|' (expected ',', "
     "';' or tab)\n"},
    {"bad format",
     {"ids", "-f", "xml", "start.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: option -f/--format: unknown format: 'xml' (expected text, "
     "json, csv, tsv, markdown or svg)\n"},
    {"bad precision",
     {"ids", "-p", "13", "start.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: option -p/--precision: too many digits: '13' (expected a whole "
     "number from 0 to 12)\n"},
    {"bad only",
     {"ids", "--only", "rate", "start.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: option --only: unknown field: 'rate' (expected start, end, new, "
     "retained, lost, retention_rate, churn_rate, simple_retention_rate, "
     "simple_churn_rate, warnings, period, per, retention_rate_per, "
     "churn_rate_per, expected_lifetime, expected_lifetime_years, "
     "median_lifetime, median_lifetime_years, margin, discount_rate or "
     "lifetime_value)\n"},
    {"unknown option",
     {"ids", "--frob", "start.txt", "end.txt"},
     NULL,
     2,
     "",
     "retain: unknown option '--frob'\n" TRY},
    {"list-to a missing directory",
     {"ids", "--list", "lost", "--list-to", "no-such/lost.txt", "start.txt",
      "end.txt"},
     NULL,
     2,
     "",
     "retain: option --list-to: no-such/lost.txt: cannot create a file in "
     "its directory: No such file or directory\n"},

    /* The output streams. */
    {"full device",
     {"ids", "start.txt", "end.txt"},
     NULL,
     3,
     "",
     "retain: write error on standard output: No space left on device\n",
     RUN_DEV_FULL},
    {"list on a full device",
     {"ids", "--list", "lost", "start.txt", "end.txt"},
     NULL,
     3,
     "",
     "retain: write error on standard output: No space left on device\n",
     RUN_DEV_FULL},
    {"list-to a full device",
     {"ids", "--list", "lost", "--list-to", "/dev/full", "start.txt",
      "end.txt"},
     NULL,
     3,
     "",
     "retain: /dev/full: write error: No space left on device\n"},
    /* A long list fails in a write, not at the flush: its errno is kept. */
    {"a long list-to a full device",
     {"ids", "--list", "lost", "--list-to", "/dev/full", "big.txt",
      "empty.txt"},
     NULL,
     3,
     "",
     "retain: " EMPTY_END
     "retain: /dev/full: write error: No space left on device\n"},
    {"reader gone",
     {"ids", "--list", "lost", "big.txt", "empty.txt"},
     NULL,
     128 + 13,
     "",
     "retain: " EMPTY_END,
     RUN_CLOSED_PIPE},
    {"reader gone, SIGPIPE ignored: the output is incomplete",
     {"ids", "--list", "lost", "big.txt", "empty.txt"},
     NULL,
     3,
     "",
     "retain: " EMPTY_END
     "retain: write error on standard output: Broken pipe\n",
     RUN_CLOSED_PIPE_SIGPIPE_IGNORED},
    {"help", {"ids", "--help"}, NULL, 0, NULL, "", .golden = "help/ids"},
};

/* A list whose second line is longer than any ID may be. */
static void write_long(void)
{
    FILE *f = fopen("long.txt", "wb");
    int i;

    if (!f)
        exit(1);
    fputs("c\n", f);
    for (i = 0; i < 70000; i++)
        putc('x', f);
    fputs("\nd\n", f);
    fclose(f);
}

/* A long list, so that a closed pipe is met mid-run. */
static void write_big(void)
{
    FILE *f = fopen("big.txt", "wb");
    int i;

    if (!f)
        exit(1);
    for (i = 0; i < 300000; i++)
        fprintf(f, "customer-%d\n", i);
    fclose(f);
}

static void make_fixtures(void)
{
    char dir[] = "/tmp/retain-ids-XXXXXX";

    run_enter_fresh_dir(dir);
    run_write_fixture("start.txt", "a\nb\nc\nd\n");
    run_write_fixture("end.txt", "c\nd\ne\nf\n");
    run_write_fixture("untidy.txt", "a\r\nb\n\nc\nb\nd\r\n\nb\n");
    run_write_fixture("x.txt", "x\ny\nz\n");
    run_write_fixture("x-copy.txt", "x\ny\nz\n");
    run_write_fixture("y.txt", "y\nx\nw\n");
    run_write_fixture("z.txt", "q\nx\np\nw\n");
    run_write_fixture("spaced.txt", " a\nb \n\tc\t\nd\n");
    run_write_fixture("upper.txt", "A\nB\nC\nD\n");
    run_write_fixture("jan.csv",
                      "customer_id,plan\n\"a\",x\nb,y\nc,\"z,1\"\nd,w\n");
    run_write_fixture("feb.csv", "plan,customer_id\nx,c\ny,d\nz,e\nw,f\n");
    run_write_fixture("feb.tsv", "customer_id\tplan\nc\t1\nd\t2\ne\t3\nf\t4\n");
    run_write_fixture("semi.txt", "id;n\nc;1\nd;2\n");
    run_write_fixture("two-ids.csv", "id,ID\na,1\nb,2\n");
    run_write_fixture("two-ids-end.csv", "ID,id\n1,b\n");
    run_write_fixture("semi-end.txt", "n;id\n1;d\n2;e\n");
    run_write_fixture("ragged.csv", "id,plan\nc,1\nd,2,3\n");
    run_write_fixture("blank-line.csv", "id\n1\n\n2\n");
    run_write_fixture("after-quote.csv", "id\n\"2\"x\n3\n");
    run_write_fixture("twice.txt", "x\nw\nx\n\n");
    run_write_fixture("empty.txt", "");
    run_write_fixture("blank.txt", "\n\n");
    run_write_fixture("bom.txt", BOM "a\nb\nc\nd\n");
    run_write_fixture("bom-end.txt", BOM "c\r\nd\r\ne\r\nf\r\n");
    run_write_fixture("bom-blank.txt", BOM "\nc\nd\n");
    run_write_fixture("bom-upper.txt", BOM " C\t\nX\n");
    run_write_fixture("bom-later.txt", "a\n" BOM "c\nd\n");
    run_write_fixture("bom.csv", BOM "id,n\na,1\nc,2\n");
    run_write_fixture("bom-blank.csv", BOM "\r\nid\nc\n");
    run_write_fixture("blank-head.csv",
                      "\n\r\ncustomer_id,plan\na,x\nb,y\nc,z\nd,w\n");
    run_write_fixture("blank-head-tab.txt", "\nid\tplan\nc\t1\nd\t2\n");
    run_write_fixture("blank-ragged.csv", "\n\nid,plan\nc,1\nd,2,3\n");
    if (link("start.txt", "start-hard.txt") != 0 ||
        symlink("start.txt", "start-sym.txt") != 0) {
        perror("links");
        exit(1);
    }
    write_long();
    write_big();
}

/* --list-to writes the list, whole, to its file. */
static void test_list_to_file(void **state)
{
    const char *args[] = {"ids",    "--list", "new",   "--list-to", "new.txt",
                          "--only", "new",    "x.txt", "z.txt",     NULL};
    struct run_result r;
    FILE *f;
    char *text;

    (void)state;
    assert_int_equal(run_retain(args, NULL, NULL, RUN_CAPTURE, &r), 0);
    assert_string_equal(r.out, "3\n");
    assert_string_equal(r.err, "");
    assert_int_equal(r.status, 0);
    f = fopen("new.txt", "rb");
    assert_non_null(f);
    text = table_slurp(f);
    assert_string_equal(text, "q\np\nw\n");
    free(text);
    fclose(f);
    run_result_free(&r);
}

/* A line too long on standard input is refused with its line number. */
static void test_long_line_on_stdin(void **state)
{
    const char *args[] = {"ids", "start.txt", "-", NULL};
    size_t len = 2 + RT_ID_MAX + 1 + 3;
    char *in = malloc(len + 1);
    struct run_result r;

    (void)state;
    assert_non_null(in);
    memcpy(in, "a\n", 2);
    memset(in + 2, 'y', RT_ID_MAX + 1);
    memcpy(in + 2 + RT_ID_MAX + 1, "\nc\n", 4); /* with the NUL */
    assert_int_equal(run_retain(args, in, NULL, RUN_CAPTURE, &r), 0);
    assert_string_equal(r.out, "");
    assert_string_equal(r.err, "retain: " STDIN ":2: error: " TOO_LONG);
    assert_int_equal(r.status, 2);
    run_result_free(&r);
    free(in);
}

/*
 * Each row; under valgrind every eighth one (cli_row_check_sampled(): the
 * others run without it; the sanitizer stage runs them all).
 */
static void test_ids_row(void **state)
{
    const struct cli_row *c = *state;

    cli_row_check_sampled(c, (size_t)(c - ids_cases), 8);
}

int main(void)
{
    const struct CMUnitTest plain[] = {
        cmocka_unit_test(test_list_to_file),
        cmocka_unit_test(test_long_line_on_stdin),
    };

    make_fixtures();
    return TABLE_RUN("ids", ids_cases, test_ids_row) +
           cmocka_run_group_tests_name("ids files", plain, NULL, NULL);
}
