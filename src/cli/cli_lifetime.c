/* cli_lifetime.c - see cli_lifetime.h. */
#include <stdio.h>
#include <string.h>

#include "cli_lifetime.h"
#include "cli_values.h"

void cli_lifetime_init(struct cli_lifetime *lifetime)
{
    memset(lifetime, 0, sizeof *lifetime);
    lifetime->options.money_precision = 2;
}

static bool read_period(const char *text, enum rt_period *out, char *problem,
                        size_t size)
{
    return rt_period_lookup(text, out) ||
           cli_value_refuse(text, "unknown length of period",
                            "day, week, month, quarter or year", problem, size);
}

/* Notes that option `id` was given: what --lifetime, a flag, needs alone. */
static void note_given(struct cli_lifetime *lifetime, int id)
{
    lifetime->wanted = true;
    if (lifetime->first_id == 0)
        lifetime->first_id = id;
    lifetime->given |= CLI_LIFETIME_BIT(id);
}

/* Applies option `id` with its value (NULL for --lifetime). */
static bool apply(struct cli_lifetime *lifetime, int id, const char *value,
                  char *problem, size_t size)
{
    struct rt_lifetime_options *o = &lifetime->options;

    note_given(lifetime, id);
    switch (id) {
    case CLI_OPT_PERIOD:
        return read_period(value, &o->period, problem, size);
    case CLI_OPT_PER:
        return read_period(value, &o->per, problem, size);
    case CLI_OPT_MARGIN:
        o->has_margin = true;
        return cli_value_amount(value, RT_AMOUNT_MONEY, &o->margin, problem,
                                size);
    case CLI_OPT_DISCOUNT:
        lifetime->has_discount = true;
        return cli_value_amount(value, RT_AMOUNT_RATE, &o->discount, problem,
                                size);
    case CLI_OPT_MONEY_PRECISION:
        lifetime->has_money_precision = true;
        return cli_value_precision(value, &o->money_precision, problem, size);
    default:
        return true;
    }
}

bool cli_lifetime_set_period(void *lifetime, const char *value, char *problem,
                             size_t size)
{
    return apply(lifetime, CLI_OPT_PERIOD, value, problem, size);
}

bool cli_lifetime_set_per(void *lifetime, const char *value, char *problem,
                          size_t size)
{
    return apply(lifetime, CLI_OPT_PER, value, problem, size);
}

bool cli_lifetime_set_lifetime(void *lifetime, const char *value, char *problem,
                               size_t size)
{
    return apply(lifetime, CLI_OPT_LIFETIME, value, problem, size);
}

bool cli_lifetime_set_margin(void *lifetime, const char *value, char *problem,
                             size_t size)
{
    return apply(lifetime, CLI_OPT_MARGIN, value, problem, size);
}

bool cli_lifetime_set_discount(void *lifetime, const char *value, char *problem,
                               size_t size)
{
    return apply(lifetime, CLI_OPT_DISCOUNT, value, problem, size);
}

bool cli_lifetime_set_money_precision(void *lifetime, const char *value,
                                      char *problem, size_t size)
{
    return apply(lifetime, CLI_OPT_MONEY_PRECISION, value, problem, size);
}

const char *cli_lifetime_option_name(int id)
{
    static const char *const names[] = {"--period",   "--per",
                                        "--lifetime", "--margin",
                                        "--discount", "--money-precision"};

    return names[id - CLI_OPT_PERIOD];
}

/* The first option given beside --lifetime, or 0. */
static int beside_lifetime(const struct cli_lifetime *lifetime)
{
    int id;

    for (id = CLI_OPT_PERIOD; id <= CLI_OPT_MONEY_PRECISION; id++)
        if (id != CLI_OPT_LIFETIME && (lifetime->given & CLI_LIFETIME_BIT(id)))
            return id;
    return 0;
}

bool cli_lifetime_check(const struct cli_lifetime *lifetime, bool has_new,
                        char *error, size_t size)
{
    const struct rt_lifetime_options *o = &lifetime->options;
    int other = beside_lifetime(lifetime);

    if (o->per != RT_PERIOD_NONE && o->period == RT_PERIOD_NONE)
        snprintf(error, size,
                 "option --per needs --period (the length of the measured "
                 "period, to know how many of them make one %s)",
                 rt_period_name(o->per));
    else if (lifetime->has_discount && !o->has_margin)
        snprintf(error, size,
                 "option --discount needs --margin (it discounts the "
                 "lifetime value)");
    else if (lifetime->has_money_precision && !o->has_margin)
        snprintf(error, size,
                 "option --money-precision needs --margin (it sets the "
                 "decimals of the lifetime value)");
    else if (lifetime->wanted && !has_new && lifetime->first_id != 0)
        snprintf(error, size,
                 "option %s needs -n/--new (lifetimes, lifetime value and "
                 "rates per another period come from the retention rate)",
                 cli_lifetime_option_name(lifetime->first_id));
    else if ((lifetime->given & CLI_LIFETIME_BIT(CLI_OPT_LIFETIME)) && other)
        /* --per and --discount need --period and --margin: those are named */
        snprintf(error, size,
                 "option --lifetime does nothing with %s (which adds the "
                 "lifetimes too)",
                 cli_lifetime_option_name(other));
    else
        return true;
    return false;
}
