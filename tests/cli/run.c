/* run.c - see run.h. */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "run.h"
#include "table.h"

/*
 * The words of RETAIN_WRAPPER, a command that runs the binary (such as
 * "valgrind --error-exitcode=99 -q"), split at spaces into argv; returns
 * how many.  The string is the environment's own, changed in the child.
 */
static size_t wrapper_words(char **argv, size_t max)
{
    char *wrapper = getenv("RETAIN_WRAPPER"), *word;
    size_t n = 0;

    if (!wrapper)
        return 0;
    for (word = strtok(wrapper, " "); word && n < max; word = strtok(NULL, " "))
        argv[n++] = word;
    return n;
}

/*
 * The retain the tests run: RETAIN_TEST_BINARY in the environment (the
 * Windows stage runs the built test programs against retain.exe so), else
 * the one the program was built with.
 */
static const char *tested_binary(void)
{
    const char *binary = getenv("RETAIN_TEST_BINARY");

    return binary && *binary ? binary : RETAIN_BINARY;
}

/* The standard streams a case closes, or points at a full device. */
static void close_or_fill_streams(enum run_stdout where)
{
    int full;

    if (where == RUN_STDOUT_CLOSED)
        close(1);
    if (where == RUN_STDERR_CLOSED)
        close(2);
    if (where == RUN_STDIN_CLOSED)
        close(0);
    if (where == RUN_STDERR_FULL && (full = open("/dev/full", O_WRONLY)) >= 0) {
        dup2(full, 2);
        close(full);
    }
}
/*
 * Whether the retain started now is one whose leaks LeakSanitizer checks
 * at exit.  That check costs about 50 ms a start here, more than half of
 * the sanitizer stage's CLI time, so check.sh sets RETAIN_LEAK_CHECK_EVERY
 * (4) there: every fourth start keeps it, the others run with
 * detect_leaks=0 appended to ASAN_OPTIONS (the later flag wins).  The unit
 * tests, the library's own, are all checked; valgrind checks a sample of
 * the CLI rows for leaks too.  Unset, every start is checked.
 */
static bool leak_check_this_start(void)
{
    static unsigned long starts;
    const char *every = getenv("RETAIN_LEAK_CHECK_EVERY");
    unsigned long n = every ? strtoul(every, NULL, 10) : 0;

    return n <= 1 || starts++ % n == 0;
}

/* In the child: LeakSanitizer off for this retain (see above). */
static void skip_leak_check(void)
{
    const char *asan = getenv("ASAN_OPTIONS");
    char options[512];

    snprintf(options, sizeof options, "%s%sdetect_leaks=0", asan ? asan : "",
             asan && *asan ? ":" : "");
    setenv("ASAN_OPTIONS", options, 1);
}

static void start_child(const char *const *args, FILE *in, FILE *err,
                        int out_fd, const char *env, enum run_stdout where,
                        bool check_leaks)
{
    char *argv[96];
    size_t n = wrapper_words(argv, 32), i;

    argv[n++] = (char *)tested_binary();
    for (i = 0; args[i] && n < 95; i++)
        argv[n++] = (char *)args[i];
    argv[n] = NULL;
    if (env) {
        char name[64];
        const char *equals = strchr(env, '=');

        snprintf(name, sizeof name, "%.*s", (int)(equals - env), env);
        setenv(name, equals + 1, 1);
    }
    if (!check_leaks)
        skip_leak_check();
    if (where == RUN_CLOSED_PIPE_SIGPIPE_IGNORED)
        signal(SIGPIPE, SIG_IGN);
    else
        signal(SIGPIPE, SIG_DFL);
    dup2(fileno(in), 0);
    dup2(out_fd, 1);
    dup2(fileno(err), 2);
    close_or_fill_streams(where);
    execvp(argv[0], argv);
    _exit(127);
}

/* Opens what the child's stdout will be; for the pipes, the write end. */
static int open_stdout(enum run_stdout where, FILE **capture)
{
    int fds[2];

    *capture = NULL;
    if (where == RUN_CAPTURE || where >= RUN_STDOUT_CLOSED) {
        *capture = tmpfile();
        return *capture ? fileno(*capture) : -1;
    }
    if (where == RUN_DEV_FULL)
        return open("/dev/full", O_WRONLY);
    if (pipe(fds) != 0)
        return -1;
    close(fds[0]);
    return fds[1];
}

/*
 * A Windows retain takes /dev/stdout or /dev/null for an ordinary path:
 * as an output file it would replace the machine's device with a regular
 * file (it did, once, under Wine).  Such a run is refused.
 */
static bool device_for_windows(const char *const *args)
{
    size_t i;

    for (i = 0; run_windows() && args[i]; i++)
        if (strncmp(args[i], "/dev/", 5) == 0 ||
            strncmp(args[i], "/proc/", 6) == 0) {
            fprintf(stderr, "run: %s: not given to a Windows retain\n",
                    args[i]);
            return true;
        }
    return false;
}

int run_retain(const char *const *args, const char *stdin_text, const char *env,
               enum run_stdout where, struct run_result *result)
{
    FILE *in = tmpfile(), *err = tmpfile(), *out = NULL;
    int out_fd = open_stdout(where, &out), wait_status = 0;
    bool check_leaks = leak_check_this_start();
    pid_t pid;

    memset(result, 0, sizeof *result);
    if (!in || !err || out_fd < 0 || device_for_windows(args))
        return -1;
    if (stdin_text)
        fputs(stdin_text, in);
    fflush(in);
    rewind(in);
    pid = fork();
    if (pid == 0)
        start_child(args, in, err, out_fd, env, where, check_leaks);
    if (!out)
        close(out_fd);
    if (pid < 0 || waitpid(pid, &wait_status, 0) < 0)
        return -1;
    result->status = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status)
                                            : 128 + WTERMSIG(wait_status);
    result->out = out ? table_slurp_len(out, &result->out_len) : calloc(1, 1);
    result->err = table_slurp_len(err, &result->err_len);
    fclose(in);
    fclose(err);
    if (out)
        fclose(out);
    return 0;
}

pid_t run_retain_started(const char *const *args, int *stdin_fd)
{
    const char *argv[32] = {tested_binary()};
    int fds[2], null;
    size_t n;
    pid_t pid;

    for (n = 1; args[n - 1] && n < 31; n++)
        argv[n] = args[n - 1];
    if (pipe(fds) != 0)
        return -1;
    pid = fork();
    if (pid == 0) {
        null = open("/dev/null", O_WRONLY);
        dup2(fds[0], 0);
        dup2(null, 1);
        dup2(null, 2);
        close(fds[1]);
        signal(SIGPIPE, SIG_DFL);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(fds[0]);
    if (pid < 0) {
        close(fds[1]);
        return -1;
    }
    *stdin_fd = fds[1];
    return pid;
}

char *run_unwrap(bool unwrap)
{
    const char *wrapper = getenv("RETAIN_WRAPPER");
    char *kept;

    if (!run_wrapper_sampled() || !unwrap)
        return NULL;
    kept = malloc(strlen(wrapper) + 1);
    assert_non_null(kept);
    strcpy(kept, wrapper);
    unsetenv("RETAIN_WRAPPER");
    return kept;
}

void run_rewrap(char *kept)
{
    if (!kept)
        return;
    setenv("RETAIN_WRAPPER", kept, 1);
    free(kept);
}

bool run_wrapper_sampled(void)
{
    const char *full = getenv("RETAIN_WRAPPER_FULL");

    return getenv("RETAIN_WRAPPER") && !(full && strcmp(full, "1") == 0);
}

bool run_windows(void)
{
    const char *binary = tested_binary();
    size_t len = strlen(binary);

    return len >= 4 && strcmp(binary + len - 4, ".exe") == 0;
}

void run_result_free(struct run_result *result)
{
    free(result->out);
    free(result->err);
}

/* The fixture directory of this test program, and the process that made it
 * (a child started by fork() must not remove it). */
static char fresh_dir[PATH_MAX];
static pid_t fresh_dir_owner;

/* Removes `path` and, if it is a directory, all below it; symbolic links
 * are removed, never followed.  Best effort: what cannot go is left. */
static void remove_tree(const char *path)
{
    struct stat st;
    DIR *dir;
    struct dirent *entry;

    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode) && (dir = opendir(path)) != NULL) {
        while ((entry = readdir(dir)) != NULL) {
            char child[PATH_MAX];

            if (strcmp(entry->d_name, ".") == 0 ||
                strcmp(entry->d_name, "..") == 0)
                continue;
            if (snprintf(child, sizeof child, "%s/%s", path, entry->d_name) <
                (int)sizeof child)
                remove_tree(child);
        }
        closedir(dir);
        rmdir(path);
        return;
    }
    remove(path);
}

/*
 * At exit: the fixtures go, so that runs do not fill /tmp (a run of
 * test_cli_faults writes a 100 MB file).  RETAIN_KEEP_FIXTURES=1 keeps them
 * for a look after a failure.
 */
static void remove_fresh_dir(void)
{
    const char *keep = getenv("RETAIN_KEEP_FIXTURES");

    if (getpid() != fresh_dir_owner || (keep && strcmp(keep, "1") == 0))
        return;
    if (chdir("/") == 0)
        remove_tree(fresh_dir);
}

void run_enter_fresh_dir(char *template)
{
    if (strlen(template) >= sizeof fresh_dir || !mkdtemp(template) ||
        chdir(template) != 0) {
        perror("fixtures");
        exit(1);
    }
    strcpy(fresh_dir, template);
    fresh_dir_owner = getpid();
    atexit(remove_fresh_dir);
}

void run_write_fixture(const char *name, const char *text)
{
    FILE *f = fopen(name, "wb");

    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        perror(name);
        exit(1);
    }
}
