/*
 * seed.c - a program of the library's user, built against an installed
 * retain by tests/install/run.sh: with CMake's find_package(retain) and
 * with pkg-config.  It writes the seed example (1000 customers at the
 * start, 900 at the end, 200 new) with the figures beyond the period, as
 * `retain -s 1000 -e 900 -n 200 --period month --per year --margin 49.90
 * --discount 1% -f csv` writes them, then a refused count's message.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <retain.h>

/* The seed example, through the lifetime figures (which need libm). */
static enum rt_status write_report(void)
{
    struct rt_counts counts = {
        .start = 1000, .end = 900, .new_customers = 200, .has_new = true};
    struct rt_lifetime_options options = {.period = RT_PERIOD_MONTH,
                                          .per = RT_PERIOD_YEAR,
                                          .has_margin = true,
                                          .money_precision = 2};
    struct rt_figures figures;
    struct rt_lifetime lifetime;
    enum rt_status status = RT_OK;

    status = rt_amount_parse("49.90", 5, RT_AMOUNT_MONEY, &options.margin);
    if (status == RT_OK)
        status = rt_amount_parse("1%", 2, RT_AMOUNT_RATE, &options.discount);
    if (status == RT_OK)
        status = rt_figures_compute(&counts, RT_PRECISION_DEFAULT, &figures);
    if (status == RT_OK)
        status = rt_lifetime_compute(&figures, &options, &lifetime);
    if (status == RT_OK)
        status =
            rt_emit_report(stdout, RT_FORMAT_CSV, &figures, &lifetime, true);
    return status;
}

/* A count the parser refuses, with what it suggests instead. */
static void write_refusal(void)
{
    const char *text = "1,000";
    char suggestion[RT_NUMBER_TEXT_SIZE] = "";
    uint64_t count = 0;
    enum rt_status status = rt_count_parse(text, strlen(text), &count);

    if (!rt_count_suggest(text, strlen(text), suggestion, sizeof suggestion))
        strcpy(suggestion, "nothing");
    printf("'%s': %s; did you mean %s?\n", text, rt_status_text(status),
           suggestion);
}

int main(void)
{
    enum rt_status status = write_report();

    if (status != RT_OK) {
        fprintf(stderr, "seed: %s\n", rt_status_text(status));
        return EXIT_FAILURE;
    }
    write_refusal();
    if (fclose(stdout) != 0) {
        fputs("seed: cannot write the output\n", stderr);
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}
