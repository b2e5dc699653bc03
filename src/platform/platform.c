/*
 * platform.c - the one place for what ISO C cannot say; see platform.h.
 *
 * Each function has a POSIX form, a Windows form and an ISO C fallback
 * that is weaker but never wrong in the unsafe direction where it can help
 * it: names are compared when files cannot be.
 */
/* Feature-test macros are reserved names that the system defines to be set
   by programs, before any header. */
#if defined(_WIN32)
/* NOLINTNEXTLINE(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#define _CRT_RAND_S /* declares rand_s in <stdlib.h> */
#elif defined(__unix__) || defined(__unix) ||                                  \
    (defined(__APPLE__) && defined(__MACH__))
#define RT_PLATFORM_POSIX 1
/* NOLINTNEXTLINE(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#define _XOPEN_SOURCE     700 /* stat, lstat, fstat, realpath, chmod, sigaction */
#endif

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if defined(_WIN32)
#include <fcntl.h>
#include <io.h>
#include <windows.h>
#elif defined(RT_PLATFORM_POSIX)
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#include "platform.h"

/* Clock and addresses: weak, but differ from run to run and machine to
   machine. */
static void weak_key(uint64_t key[2])
{
    uint64_t mix = (uint64_t)time(NULL) ^ ((uint64_t)clock() << 32);

    key[0] = mix ^ (uint64_t)(uintptr_t)&mix;
    key[1] = mix * UINT64_C(0x9e3779b97f4a7c15) ^ (uint64_t)(uintptr_t)key;
}

#if defined(_WIN32)
static void system_key(uint64_t key[2])
{
    for (int i = 0; i < 2; i++) {
        unsigned int high = 0, low = 0;

        if (rand_s(&high) == 0 && rand_s(&low) == 0)
            key[i] ^= (uint64_t)high << 32 | low;
    }
}
#else
/* /dev/urandom where the system has it; otherwise the weak key stays. */
static void system_key(uint64_t key[2])
{
    FILE *random = fopen("/dev/urandom", "rb");
    uint64_t bytes[2];

    if (!random)
        return;
    if (fread(bytes, sizeof bytes, 1, random) == 1) {
        key[0] ^= bytes[0];
        key[1] ^= bytes[1];
    }
    fclose(random);
}
#endif

void rt_platform_random_key(uint64_t key[2])
{
    weak_key(key);
    system_key(key);
}

static void no_file(struct rt_file_id *id, const char *name)
{
    memset(id, 0, sizeof *id);
    id->name = name;
}

/* "./a.txt" and "a.txt" name one file. */
static const char *without_dot(const char *name)
{
    while (name[0] == '.' && name[1] == '/')
        name += 2;
    return name;
}

bool rt_platform_same_file(const struct rt_file_id *a,
                           const struct rt_file_id *b)
{
    if (!a->exists || !b->exists)
        return false;
    if (a->known && b->known)
        return a->device == b->device && a->inode == b->inode;
    return a->name && b->name &&
           strcmp(without_dot(a->name), without_dot(b->name)) == 0;
}

#if defined(RT_PLATFORM_POSIX)
static void from_stat(const struct stat *st, struct rt_file_id *id)
{
    id->exists = id->known = true;
    id->regular = S_ISREG(st->st_mode);
    id->device = (uint64_t)st->st_dev;
    id->inode = (uint64_t)st->st_ino;
}

void rt_platform_file_id(const char *name, struct rt_file_id *id)
{
    struct stat st;

    no_file(id, name);
    if (stat(name, &st) == 0)
        from_stat(&st, id);
}

void rt_platform_stream_id(int stream, struct rt_file_id *id)
{
    struct stat st;

    no_file(id, NULL);
    if (fstat(stream, &st) == 0)
        from_stat(&st, id);
}

bool rt_platform_resolve(const char *name, char **path)
{
    struct stat link, named, resolved;

    *path = NULL;
    if (lstat(name, &link) != 0 || !S_ISLNK(link.st_mode))
        return true;
    /* A magic link of /proc resolves to "/tmp/x (deleted)" or the like. */
    if (stat(name, &named) != 0 || !(*path = realpath(name, NULL)) ||
        stat(*path, &resolved) != 0 || resolved.st_dev != named.st_dev ||
        resolved.st_ino != named.st_ino) {
        free(*path);
        *path = NULL;
        return false;
    }
    return true;
}

void rt_platform_match_mode(const char *temp, const char *target)
{
    struct stat st;

    if (stat(target, &st) == 0 && S_ISREG(st.st_mode))
        (void)chmod(temp, (mode_t)(st.st_mode & 07777));
}

int rt_platform_replace(const char *temp, const char *target)
{
    return rename(temp, target) == 0 ? 0 : errno;
}

/*
 * The files a fatal signal removes: a fixed table, so that the handler
 * reads only memory that never moves (unlink is safe in a handler; free
 * and realloc are not).  A slot is written whole before or after the
 * handler can read it, a pointer store being one instruction here.
 */
static const char *volatile doomed[RT_PLATFORM_DOOMED_MAX];
static size_t doomed_count;

static void remove_and_end(int signal_number)
{
    size_t i;

    for (i = 0; i < RT_PLATFORM_DOOMED_MAX; i++)
        if (doomed[i])
            (void)unlink(doomed[i]);
    (void)signal(signal_number, SIG_DFL);
    (void)raise(signal_number);
}

static const int fatal_signals[] = {SIGHUP, SIGINT, SIGPIPE, SIGTERM};

/*
 * The handler while any file is doomed, else the default.  A signal that
 * is ignored (nohup, a shell's background job) stays ignored: it is looked
 * at first and left alone, for were it set and then set back, a signal in
 * between would end the run.
 */
static void catch_fatal_signals(bool catch)
{
    struct sigaction now;
    size_t i;

    for (i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++)
        if (sigaction(fatal_signals[i], NULL, &now) != 0 ||
            now.sa_handler != SIG_IGN)
            (void)signal(fatal_signals[i], catch ? remove_and_end : SIG_DFL);
}

void rt_platform_hold_signals(bool hold)
{
    sigset_t set;
    size_t i;

    (void)sigemptyset(&set);
    for (i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++)
        (void)sigaddset(&set, fatal_signals[i]);
    (void)sigprocmask(hold ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

void rt_platform_remove_on_signal(const char *path)
{
    size_t i;

    for (i = 0; i < RT_PLATFORM_DOOMED_MAX && doomed[i]; i++)
        ;
    if (i == RT_PLATFORM_DOOMED_MAX)
        return;
    doomed[i] = path;
    if (doomed_count++ == 0)
        catch_fatal_signals(true);
}

void rt_platform_keep_on_signal(const char *path)
{
    size_t i;

    for (i = 0; i < RT_PLATFORM_DOOMED_MAX; i++)
        if (doomed[i] == path) {
            doomed[i] = NULL;
            if (--doomed_count == 0)
                catch_fatal_signals(false);
            return;
        }
}

#elif defined(_WIN32)
static void from_handle(HANDLE handle, struct rt_file_id *id)
{
    BY_HANDLE_FILE_INFORMATION info;

    if (handle == INVALID_HANDLE_VALUE || handle == NULL)
        return;
    id->exists = true;
    id->regular = GetFileType(handle) == FILE_TYPE_DISK;
    if (!GetFileInformationByHandle(handle, &info))
        return;
    if (info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
        id->regular = false;
    id->known = true;
    id->device = info.dwVolumeSerialNumber;
    id->inode = (uint64_t)info.nFileIndexHigh << 32 | info.nFileIndexLow;
}

void rt_platform_file_id(const char *name, struct rt_file_id *id)
{
    HANDLE handle;

    no_file(id, name);
    /* Backup semantics: directories open too, so they can be told apart. */
    handle = CreateFileA(name, 0,
                         FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                         NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    if (handle == INVALID_HANDLE_VALUE)
        return;
    from_handle(handle, id);
    CloseHandle(handle);
}

void rt_platform_stream_id(int stream, struct rt_file_id *id)
{
    no_file(id, NULL);
    from_handle((HANDLE)_get_osfhandle(stream), id);
}

bool rt_platform_resolve(const char *name, char **path)
{
    (void)name; /* links are rare on Windows: the name is written as it is */
    *path = NULL;
    return true;
}

void rt_platform_match_mode(const char *temp, const char *target)
{
    (void)temp; /* the new file inherits the folder's permissions */
    (void)target;
}

void rt_platform_remove_on_signal(const char *path)
{
    (void)path; /* Windows ends a process on Ctrl-C without signals to catch */
}

void rt_platform_keep_on_signal(const char *path)
{
    (void)path;
}

void rt_platform_hold_signals(bool hold)
{
    (void)hold;
}

int rt_platform_replace(const char *temp, const char *target)
{
    if (MoveFileExA(temp, target,
                    MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
        return 0;
    return GetLastError() == ERROR_ACCESS_DENIED ? EACCES : EIO;
}

#else
/* ISO C alone cannot tell files apart: every name is a file, by name. */
void rt_platform_file_id(const char *name, struct rt_file_id *id)
{
    no_file(id, name);
    id->exists = id->regular = true;
}

void rt_platform_stream_id(int stream, struct rt_file_id *id)
{
    (void)stream;
    no_file(id, NULL);
}

bool rt_platform_resolve(const char *name, char **path)
{
    (void)name;
    *path = NULL;
    return true;
}

void rt_platform_match_mode(const char *temp, const char *target)
{
    (void)temp;
    (void)target;
}

void rt_platform_remove_on_signal(const char *path)
{
    (void)path; /* removing a file is not safe in an ISO C signal handler */
}

void rt_platform_keep_on_signal(const char *path)
{
    (void)path;
}

void rt_platform_hold_signals(bool hold)
{
    (void)hold;
}

/* rename may refuse to replace: then, the new file being complete, the old
   one goes first. */
int rt_platform_replace(const char *temp, const char *target)
{
    if (rename(temp, target) == 0)
        return 0;
    if (remove(target) != 0 || rename(temp, target) != 0)
        return errno ? errno : EIO;
    return 0;
}
#endif

#if defined(RT_PLATFORM_POSIX)
#include <fcntl.h>

/*
 * A standard descriptor that the caller closed (retain >&-) would be
 * handed to the next file opened, and output meant for the screen would
 * land in it: in a --summary-file, which would then replace the old one.
 * /dev/null opened the wrong way round holds the place instead, so every
 * write to it (or read from it) fails, and is reported as such.
 */
void rt_platform_hold_standard_streams(void)
{
    int fd;

    for (fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
            continue;
        if (open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY) != fd)
            abort(); /* the lowest free descriptor is fd: cannot happen */
    }
}
#else
void rt_platform_hold_standard_streams(void)
{
    /* Windows gives a closed standard handle no descriptor to reuse. */
}
#endif

#if defined(_WIN32)
/* A standard stream that was closed (retain <&-) has no handle, and the
   CRT of Visual C++ ends the process when asked to change the mode of a
   descriptor that is not open: it is left as it is. */
static void binary_stream(FILE *stream, DWORD which)
{
    HANDLE handle = GetStdHandle(which);
    int fd = _fileno(stream);

    if (fd >= 0 && handle != NULL && handle != INVALID_HANDLE_VALUE)
        (void)_setmode(fd, _O_BINARY);
}

void rt_platform_binary_standard_streams(void)
{
    binary_stream(stdin, STD_INPUT_HANDLE);
    binary_stream(stdout, STD_OUTPUT_HANDLE);
    binary_stream(stderr, STD_ERROR_HANDLE);
}
#else
void rt_platform_binary_standard_streams(void)
{
    /* POSIX and ISO C systems do not tell text from binary streams. */
}
#endif
