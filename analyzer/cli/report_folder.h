/* report_folder.h — `report --out DIR` written as one bundle: into a new folder beside DIR,
 * renamed into place once every file is written, so that DIR never mixes two runs (an old
 * verdicts.json beside new windows) and an interrupted run leaves DIR as it was.
 *
 * report_folder_check: DIR may be absent, empty, or an earlier report (report.md and
 * windows.json among regular files only), which is replaced; anything else is refused, unless
 * `force`, which replaces a folder of regular files (never one holding folders). 0, or
 * DISRUPT_EIO/EDATA with a message.
 * report_folder_begin makes the staging folder (DIR.new-XXXXXX) and returns its name (caller
 * frees); report_folder_commit renames it over DIR (the old one moved aside and removed);
 * report_folder_abort removes it. Only flat folders of files are ever removed.
 */
#ifndef DISRUPT_CLI_REPORT_FOLDER_H
#define DISRUPT_CLI_REPORT_FOLDER_H

#include "disrupt/core/error.h"

int report_folder_check(const char *dir, int force, disrupt_error *err);
char *report_folder_begin(const char *dir, disrupt_error *err);
int report_folder_commit(const char *dir, const char *staging, disrupt_error *err);
void report_folder_abort(const char *staging);

#endif
