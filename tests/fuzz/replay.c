/*
 * replay.c - runs a fuzz target over files, without libFuzzer: each FILE,
 * or each file in a DIRECTORY, is one input.  CTest runs every target over
 * its seed corpus this way, so the corpus is a regression test on every
 * compiler, and a crash the fuzzer found stays found.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    uint8_t *data = NULL;
    size_t len = 0, cap = 0, got;

    if (!f) {
        fprintf(stderr, "replay: cannot open %s\n", path);
        return 1;
    }
    do {
        if (len == cap) {
            cap = cap ? cap * 2 : 4096;
            data = realloc(data, cap);
            if (!data)
                return 1;
        }
        got = fread(data + len, 1, cap - len, f);
        len += got;
    } while (got > 0);
    fclose(f);
    LLVMFuzzerTestOneInput(data, len);
    free(data);
    return 0;
}

static int run_dir(const char *path, unsigned *count)
{
    DIR *dir = opendir(path);
    struct dirent *entry;
    char name[4096];
    int failed = 0;

    if (!dir)
        return run_file(path) || (++*count, 0);
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.')
            continue;
        snprintf(name, sizeof name, "%s/%s", path, entry->d_name);
        failed |= run_file(name);
        ++*count;
    }
    closedir(dir);
    return failed;
}

int main(int argc, char **argv)
{
    unsigned count = 0;
    int failed = 0, i;

    for (i = 1; i < argc; i++)
        failed |= run_dir(argv[i], &count);
    printf("replay: %u inputs\n", count);
    return failed || count == 0;
}
