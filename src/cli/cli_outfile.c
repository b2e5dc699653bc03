/* cli_outfile.c - see cli_outfile.h. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli_diag.h"
#include "cli_outfile.h"
#include "platform.h"

/* Tries of random names before giving up: a clash is all but impossible. */
#define TEMP_TRIES 8

/* The output's name as messages show it: a line break cannot split them. */
static const char *shown(const struct cli_outfile *file)
{
    return file->quoted ? file->quoted_name : file->name;
}

/* Reports when the output is one of the inputs, which writing would lose. */
static bool is_an_input(const struct cli_outfile *file,
                        const struct rt_file_id *out, const char *const *inputs,
                        size_t count)
{
    size_t i;

    for (i = 0; i < count; i++) {
        bool from_stdin = strcmp(inputs[i], "-") == 0;
        struct rt_file_id in;
        char input_name[RT_NAME_SIZE];

        if (from_stdin)
            rt_platform_stream_id(0, &in);
        else
            rt_platform_file_id(inputs[i], &in);
        if (rt_platform_same_file(out, &in)) {
            cli_error(
                "option %s: %s: the same file as %s%s (expected an "
                "output file that is not an input)",
                file->option, shown(file),
                from_stdin ? "standard input, an input here" : "the input ",
                from_stdin
                    ? ""
                    : rt_quote_name(inputs[i], input_name, sizeof input_name));
            return true;
        }
    }
    return false;
}

/* stdout or stderr when the output is the file behind one of them. */
static FILE *standard_stream(const struct rt_file_id *out)
{
    struct rt_file_id id;

    rt_platform_stream_id(1, &id);
    if (rt_platform_same_file(out, &id))
        return stdout;
    rt_platform_stream_id(2, &id);
    return rt_platform_same_file(out, &id) ? stderr : NULL;
}

/* `what` failed: "cannot open", or "cannot create a file in its folder". */
static int cannot(const struct cli_outfile *file, const char *what, int error)
{
    cli_error("option %s: %s: %s: %s", file->option, shown(file), what,
              error ? strerror(error) : "the system gave no reason");
    return CLI_EXIT_USAGE;
}

/* Creates the new file beside the target, never over an existing one. */
static int open_temp(struct cli_outfile *file)
{
    const char *target = file->target ? file->target : file->name;
    size_t size = strlen(target) + sizeof ".0123456789ab.tmp";
    int tries, error = 0;

    file->temp = malloc(size);
    if (!file->temp) {
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        return CLI_EXIT_FAILURE;
    }
    for (tries = 0; tries < TEMP_TRIES && !file->stream; tries++) {
        uint64_t key[2];

        rt_platform_random_key(key);
        snprintf(file->temp, size, "%s.%012llx.tmp", target,
                 (unsigned long long)(key[0] & UINT64_C(0xffffffffffff)));
        errno = 0;
        file->stream = fopen(file->temp, "wbx");
        error = errno;
        if (!file->stream && error != EEXIST)
            break;
    }
    if (file->stream) {
        rt_platform_match_mode(file->temp, target);
        rt_platform_remove_on_signal(file->temp);
        return CLI_EXIT_OK;
    }
    free(file->temp);
    file->temp = NULL;
    /* The folder, not the file, refused: say so, or the user looks at the
       file's permissions. */
    return cannot(file, "cannot create a file in its directory", error);
}

static void forget(struct cli_outfile *file)
{
    if (file->temp)
        rt_platform_keep_on_signal(file->temp); /* before the name goes */
    free(file->temp);
    free(file->target);
    file->temp = file->target = NULL;
    file->stream = NULL;
}

int cli_outfile_open(struct cli_outfile *file, const char *option,
                     const char *name, const char *const *inputs, size_t count)
{
    struct rt_file_id out;
    int status;

    memset(file, 0, sizeof *file);
    file->option = option;
    file->name = name;
    file->quoted = rt_quote_name(name, file->quoted_name,
                                 sizeof file->quoted_name) != name;
    rt_platform_file_id(name, &out);
    if (is_an_input(file, &out, inputs, count))
        return CLI_EXIT_USAGE;
    file->stream = standard_stream(&out);
    if (file->stream)
        return CLI_EXIT_OK;
    if (out.exists && !out.regular) {
        errno = 0;
        file->stream = fopen(name, "wb");
        return file->stream ? CLI_EXIT_OK : cannot(file, "cannot open", errno);
    }
    if (!rt_platform_resolve(name, &file->target)) {
        cli_error("option %s: %s: a link that leads to no file with a name "
                  "(expected a file, or a link to an existing one)",
                  file->option, shown(file));
        return CLI_EXIT_USAGE;
    }
    status = open_temp(file);
    if (status != CLI_EXIT_OK)
        forget(file);
    return status;
}

/*
 * Writes out the buffer; the errno of a write that failed, or 0.  A write
 * that failed before (a long list bypasses the buffer) left the stream's
 * error flag and its errno: that is the cause, not what fflush sets now.
 */
static int flush_stream(FILE *stream)
{
    int earlier = ferror(stream) ? errno : 0;

    errno = 0;
    if (fflush(stream) != 0 || ferror(stream))
        return earlier ? earlier : errno ? errno : EIO;
    return 0;
}

/* Flushes and closes the stream; the errno of a failure, or 0. */
static int close_stream(FILE *stream)
{
    int error = flush_stream(stream);

    errno = 0;
    if (fclose(stream) != 0 && !error)
        error = errno ? errno : EIO;
    return error;
}

static bool is_borrowed(const struct cli_outfile *file)
{
    return file->stream == stdout || file->stream == stderr;
}

int cli_outfile_flush(struct cli_outfile *file)
{
    int error;

    if (!file->stream || is_borrowed(file) || file->failed)
        return CLI_EXIT_OK;
    error = flush_stream(file->stream);
    if (!error)
        return CLI_EXIT_OK;
    cli_error("%s: write error: %s", shown(file), strerror(error));
    file->failed = true;
    return CLI_EXIT_FAILURE;
}

/* errno is left as the failed write set it, for cli_close_stdout(). */
bool cli_outfile_stdout_taken(void)
{
    int earlier = errno;
    bool taken;

    errno = 0;
    taken = fflush(stdout) == 0 && !ferror(stdout);
    if (errno == 0)
        errno = earlier;
    earlier = errno;
    /* stderr may hold the summary: what it failed to take is lost too. */
    if (fflush(stderr) != 0 || ferror(stderr))
        taken = false;
    errno = earlier;
    return taken;
}

static int finish(struct cli_outfile *file, bool keep)
{
    const char *target = file->target ? file->target : file->name;
    int error;

    if (!file->stream)
        return CLI_EXIT_OK;
    if (file->failed)
        keep = false; /* already reported */
    if (is_borrowed(file)) {
        /* Borrowed: cli_close_stdout() reports stdout's errors. */
        fflush(file->stream);
        file->stream = NULL;
        return CLI_EXIT_OK;
    }
    error = close_stream(file->stream);
    if (error && keep)
        cli_error("%s: write error: %s", shown(file), strerror(error));
    else if (keep && file->temp &&
             (error = rt_platform_replace(file->temp, target)) != 0)
        cli_error("option %s: %s: cannot replace it: %s", file->option,
                  shown(file), strerror(error));
    if (file->temp && (error || !keep))
        remove(file->temp);
    forget(file); /* renamed, or removed */
    return error && keep ? CLI_EXIT_FAILURE : CLI_EXIT_OK;
}

int cli_outfile_close(struct cli_outfile *file, bool keep)
{
    int earlier = errno, status = finish(file, keep);

    /* cli_close_stdout() may yet report a write error of stdout by errno. */
    errno = earlier;
    return status;
}
