/* commands.h — the subcommands of `disrupt`, one file each (cmd_<name>.c).
 * Each takes argv with argv[0] = the command name and returns an exit status. */
#ifndef DISRUPT_COMMANDS_H
#define DISRUPT_COMMANDS_H

int cmd_detect(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_inspect(int argc, char **argv);
int cmd_simulate(int argc, char **argv);
int cmd_segment(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_merge(int argc, char **argv);

#endif
