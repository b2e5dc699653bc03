/*
 * platform.h - the few things ISO C cannot say: unpredictable bytes, the
 * identity of a file, where a name really leads, replacing a file.
 *
 * platform.c is the one source file of retain that uses an operating
 * system's own interfaces, each under #ifdef with an ISO C fallback, so
 * that everything else builds anywhere a C17 compiler does.
 */
#ifndef RETAIN_PLATFORM_H
#define RETAIN_PLATFORM_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Fills key with two unpredictable words: from the system's random source
 * (/dev/urandom on POSIX, rand_s on Windows), mixed with the clock and
 * addresses, which alone are the fallback where neither exists.
 */
void rt_platform_random_key(uint64_t key[2]);

/*
 * What a name leads to, so that two names (or a name and a standard
 * stream) can be told to be one file: a.txt, ./a.txt, a hard link and a
 * symbolic link to it all have one identity.
 */
struct rt_file_id {
    bool exists;  /* the name leads to something */
    bool regular; /* ... a regular file, which renaming may replace */
    bool known;   /* device and inode say which file it is */
    uint64_t device, inode;
    const char *name; /* where the system cannot tell: compared by name */
};

/* The identity of the file `name` leads to, links followed. */
void rt_platform_file_id(const char *name, struct rt_file_id *id);

/* The identity of standard input (0), output (1) or error (2). */
void rt_platform_stream_id(int stream, struct rt_file_id *id);

/*
 * Whether two identities are one file: the same device and inode where
 * the system says, else (ISO C alone) the same name, "./" prefixes aside.
 * A name that leads nowhere is no file, so it is the same as none.
 */
bool rt_platform_same_file(const struct rt_file_id *a,
                           const struct rt_file_id *b);

/*
 * Where a file written beside `name` and renamed must go to replace what
 * the name leads to, not a symbolic link on the way.  Sets *path to NULL
 * when the name itself will do (it is no link, or the system cannot
 * say), else to the file the link leads to, in memory the caller frees.
 * Returns false when the name is a link that leads to no file that has a
 * name of its own: it leads nowhere, or (/dev/stdin, /proc/self/fd/N) to
 * a file that was deleted, or memory ran out.  Renaming over such a link
 * would replace the link itself.
 */
bool rt_platform_resolve(const char *name, char **path);

/*
 * Gives the new file `temp` the permissions of the file `target` it is to
 * replace, if there is one, before anything is written to it: a list only
 * its owner could read must not be readable by all, not even for a while.
 * Nothing where the system has no such permissions (Windows, ISO C).
 */
void rt_platform_match_mode(const char *temp, const char *target);

/* How many files can be doomed at once: retain shard's most parts (1,000),
 * with room for the other outputs of a run. */
#define RT_PLATFORM_DOOMED_MAX 1024

/*
 * Has the file `path` removed should a signal end the run (an interrupt, a
 * hang-up, a request to terminate, or SIGPIPE: a reader of the output that
 * went away) before it is renamed into place; the caller keeps the string
 * alive until rt_platform_keep_on_signal().  Up to RT_PLATFORM_DOOMED_MAX
 * paths at once (a path beyond them is not removed).  A signal that is
 * ignored stays ignored.  Nothing where the system has no such signals.
 */
void rt_platform_remove_on_signal(const char *path);

/* Stops rt_platform_remove_on_signal() for `path` (the same pointer): the
 * file was renamed into place, or removed. */
void rt_platform_keep_on_signal(const char *path);

/*
 * true: holds back the signals of rt_platform_remove_on_signal() while a
 * set of files is put in place one by one, so that a signal cannot leave
 * the set half old, half new; false: lets them through again, and one that
 * came meanwhile ends the run then.  Single-threaded callers only.
 */
void rt_platform_hold_signals(bool hold);

/*
 * Moves the complete file `temp` over `target` in one step where the
 * system can (rename on POSIX; MoveFileEx on Windows, where rename refuses
 * to replace).  Returns 0, or an errno value.
 */
int rt_platform_replace(const char *temp, const char *target);

/*
 * Call first: where standard input, output or error is closed, puts a
 * placeholder in its place that fails every read or write, so that no
 * file opened later takes its number and the failure is reported.
 */
void rt_platform_hold_standard_streams(void);

/*
 * Call first: standard input, output and error as binary streams.  On
 * Windows a text stream ends at a Ctrl-Z byte, drops the CR of CR LF on
 * input and writes CR LF for LF on output; retain reads and writes the
 * same bytes everywhere.  Nothing elsewhere: text and binary are one.
 */
void rt_platform_binary_standard_streams(void);

#endif
