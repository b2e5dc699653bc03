/* main.c - retain's entry point: run the command line, exit. */
#include "cli_main.h"

int main(int argc, char **argv)
{
    return cli_main(argc, argv);
}
