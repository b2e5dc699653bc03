/*
 * threads_or_not.h - whether C11's <threads.h> is there (internal).
 *
 * A compiler whose C library lacks the threads says so with
 * __STDC_NO_THREADS__; mingw-w64's lacks <threads.h> without saying so,
 * so the build looks for the header too (CMake's check_include_file) and
 * defines RETAIN_NO_THREADS_H when it is missing.  RT_THREADS is 1 with
 * the header included, else 0, and the code that starts threads runs on
 * one thread instead, giving the same bytes.
 */
#ifndef RETAIN_THREADS_OR_NOT_H
#define RETAIN_THREADS_OR_NOT_H

#if defined(__STDC_NO_THREADS__) || defined(RETAIN_NO_THREADS_H)
#define RT_THREADS 0
#else
#define RT_THREADS 1
#include <threads.h>
#endif

#endif
