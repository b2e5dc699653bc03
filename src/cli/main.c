/* main.c - retain's entry point: run the command line, exit. */
#include "cli_main.h"
#include "platform.h"

int main(int argc, char **argv)
{
    rt_platform_hold_standard_streams();
    rt_platform_binary_standard_streams();
    return cli_main(argc, argv);
}
