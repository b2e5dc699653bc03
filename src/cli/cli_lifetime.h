/*
 * cli_lifetime.h - the options that ask for figures beyond one period,
 * shared by the core command, retain ids and retain batch: --period, --per,
 * --lifetime, --margin, --discount, --money-precision.
 */
#ifndef RETAIN_CLI_LIFETIME_H
#define RETAIN_CLI_LIFETIME_H

#include <stdbool.h>
#include <stddef.h>

#include "cli_command.h"
#include "cli_opt.h"
#include "retain.h"

/* Option ids, above those of any command's own options. */
enum cli_lifetime_option_id {
    CLI_OPT_PERIOD = 100,
    CLI_OPT_PER,
    CLI_OPT_LIFETIME,
    CLI_OPT_MARGIN,
    CLI_OPT_DISCOUNT,
    CLI_OPT_MONEY_PRECISION
};

/* The bit of option `id` in struct cli_lifetime's `given`. */
#define CLI_LIFETIME_BIT(id) (1u << ((id)-CLI_OPT_PERIOD))

/* Rows for a command's table: FIELD is its struct cli_lifetime. */
#define CLI_LIFETIME_ROWS(type, field)                                         \
    CLI_ROW(CLI_OPT_PERIOD, 0, "period", true, cli_lifetime_set_period, type,  \
            field),                                                            \
        CLI_ROW(CLI_OPT_PER, 0, "per", true, cli_lifetime_set_per, type,       \
                field),                                                        \
        CLI_ROW(CLI_OPT_LIFETIME, 0, "lifetime", false,                        \
                cli_lifetime_set_lifetime, type, field),                       \
        CLI_ROW(CLI_OPT_MARGIN, 0, "margin", true, cli_lifetime_set_margin,    \
                type, field),                                                  \
        CLI_ROW(CLI_OPT_DISCOUNT, 0, "discount", true,                         \
                cli_lifetime_set_discount, type, field),                       \
        CLI_ROW(CLI_OPT_MONEY_PRECISION, 0, "money-precision", true,           \
                cli_lifetime_set_money_precision, type, field)

/* The lines of --help that describe them, for the commands' help texts. */
#define CLI_LIFETIME_HELP                                                      \
    "Beyond one period (see the README for the formulas):\n"                   \
    "      --lifetime          add the expected and median lifetime\n"         \
    "      --period=LENGTH     the length of the measured period: day,\n"      \
    "                          week, month, quarter or year (a year is 12\n"   \
    "                          months, 4 quarters, 365.25 days); adds the\n"   \
    "                          lifetimes, and lifetimes in years\n"            \
    "      --per=LENGTH        also give the rates over another length,\n"     \
    "                          compounded: retention^k and 1 - retention^k;\n" \
    "                          needs --period\n"                               \
    "      --margin=AMOUNT     profit per customer per period, such as\n"      \
    "                          49.90: adds the lifetime value\n"               \
    "                          M x (1 + D) / (1 + D - r)\n"                    \
    "      --discount=RATE     D, the discount rate per period: 10% or\n"      \
    "                          0.10, never a bare 10 (default 0); needs\n"     \
    "                          --margin\n"                                     \
    "      --money-precision=DIGITS  decimals of the lifetime value, 0 to\n"   \
    "                          12 (default 2); needs --margin\n"

struct cli_lifetime {
    bool wanted; /* any of the options given, or --only asks for a figure */
    bool has_discount;
    bool has_money_precision;
    int first_id;   /* the first of the options given, 0 for none */
    unsigned given; /* CLI_LIFETIME_BIT() of every option given */
    struct rt_lifetime_options options;
};

void cli_lifetime_init(struct cli_lifetime *lifetime);

/*
 * The readers of the rows: each applies its option (value NULL for
 * --lifetime) to a struct cli_lifetime; false with the problem in words
 * when the value is wrong.
 */
bool cli_lifetime_set_period(void *lifetime, const char *value, char *problem,
                             size_t size);
bool cli_lifetime_set_per(void *lifetime, const char *value, char *problem,
                          size_t size);
bool cli_lifetime_set_lifetime(void *lifetime, const char *value, char *problem,
                               size_t size);
bool cli_lifetime_set_margin(void *lifetime, const char *value, char *problem,
                             size_t size);
bool cli_lifetime_set_discount(void *lifetime, const char *value, char *problem,
                               size_t size);
bool cli_lifetime_set_money_precision(void *lifetime, const char *value,
                                      char *problem, size_t size);

/* "--margin" for CLI_OPT_MARGIN; id is one of these options. */
const char *cli_lifetime_option_name(int id);

/*
 * Checks the options together once all are read: --per needs --period,
 * --discount and --money-precision need --margin (each only changes what
 * the other prints), all of them need the count of new customers
 * (has_new), and --lifetime does nothing beside --period or --margin,
 * which add the lifetimes too.  False with a whole message.
 */
bool cli_lifetime_check(const struct cli_lifetime *lifetime, bool has_new,
                        char *error, size_t size);

#endif
