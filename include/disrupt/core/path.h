/* path.h — file names built from parts.
 * Ownership: the caller frees what is returned. Errors: NULL when out of memory. */
#ifndef DISRUPT_PATH_H
#define DISRUPT_PATH_H

/* "dir/name". */
char *disrupt_path_join(const char *dir, const char *name);

#endif
