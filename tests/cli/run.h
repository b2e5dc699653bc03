/*
 * run.h - runs the built retain binary for the CLI tests (POSIX only).
 */
#ifndef RETAIN_TEST_RUN_H
#define RETAIN_TEST_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Where the child's standard output goes. */
enum run_stdout {
    RUN_CAPTURE,     /* a temporary file, read back into out */
    RUN_DEV_FULL,    /* /dev/full: every write fails */
    RUN_CLOSED_PIPE, /* a pipe nobody reads: SIGPIPE kills the writer */
    RUN_CLOSED_PIPE_SIGPIPE_IGNORED, /* the same with SIGPIPE ignored: EPIPE */
    RUN_STDOUT_CLOSED,               /* retain >&-: no standard output at all */
    RUN_STDERR_CLOSED,               /* retain 2>&- (stdout captured) */
    RUN_STDERR_FULL,                 /* retain 2>/dev/full (stdout captured) */
    RUN_STDIN_CLOSED                 /* retain <&- (stdout captured) */
};

struct run_result {
    int status; /* exit status, or 128 + signal number */
    char *out;  /* captured stdout, NUL-terminated; caller frees */
    size_t out_len;
    char *err; /* captured stderr; caller frees */
    size_t err_len;
};

/*
 * Runs the binary with args (NULL-terminated, without argv[0]), under the
 * command in the environment's RETAIN_WRAPPER when set (memcheck), feeding it
 * stdin_text, with the extra environment entry env ("NAME=value") when not
 * NULL.  Returns 0, or -1 when the child could not be started, or when
 * the binary is a Windows one and an argument a /dev or /proc name, which
 * it would take for an ordinary file and could replace (run_windows()).
 */
int run_retain(const char *const *args, const char *stdin_text, const char *env,
               enum run_stdout where, struct run_result *result);

void run_result_free(struct run_result *result);

/*
 * Whether some runs may leave RETAIN_WRAPPER out to save time: it is set
 * (valgrind, the memcheck stage) and RETAIN_WRAPPER_FULL is not.  With
 * RETAIN_WRAPPER_FULL=1 the wrapper is cheap, or the binary cannot run
 * without it (Wine running retain.exe, tests/windows/run.sh): every run
 * goes through it.
 */
bool run_wrapper_sampled(void);

/*
 * Under valgrind (RETAIN_WRAPPER: check.sh's memcheck stage, which has a
 * time budget) a run whose memory other runs already check goes without
 * it, as cli_table.c does for refusals and sampled rows: valgrind's
 * start-up would be most of its time.  run_unwrap(true) takes the wrapper
 * out of the environment and returns it (NULL when there is none, when it
 * is not sampled (run_wrapper_sampled()), or for false); run_rewrap() puts
 * it back and frees it.
 */
char *run_unwrap(bool unwrap);
void run_rewrap(char *kept);

/*
 * Whether the binary run is a Windows program (retain.exe, run under Wine
 * by tests/windows/run.sh), where what Windows cannot do by nature is
 * skipped, with the reason printed.
 */
bool run_windows(void);

/*
 * Starts the binary with `args` (NULL-ended, without the wrapper), its
 * standard input a pipe whose write end goes to *stdin_fd, its output to
 * /dev/null, and returns at once with its pid (-1 on failure): for a test
 * that signals a run in the middle.  The caller closes the pipe and waits.
 */
pid_t run_retain_started(const char *const *args, int *stdin_fd);

/* Moves into a new directory made from `template` (ending in XXXXXX), where
 * the fixtures are written; exits on failure.  The directory and all in it
 * are removed when the program exits (RETAIN_KEEP_FIXTURES=1 keeps them). */
void run_enter_fresh_dir(char *template);

/* Writes a fixture file with `text`; exits on failure. */
void run_write_fixture(const char *name, const char *text);

#endif
