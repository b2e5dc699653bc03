/*
 * cli_main.h - the whole command line, apart from main() so that the
 * fuzzer can run it in-process.
 */
#ifndef RETAIN_CLI_MAIN_H
#define RETAIN_CLI_MAIN_H

/* Runs retain with argv as main() gets it; returns the exit status. */
int cli_main(int argc, char **argv);

#endif
