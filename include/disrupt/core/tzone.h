/* tzone.h — UTC offsets of IANA time zones, read from the system's TZif files.
 *
 * The C library can only convert in "the process zone", set through the TZ environment
 * variable; switching it per call is undefined behaviour once another thread reads the
 * environment, and pango's fontconfig thread does. So zones are read here, once each, from
 * $TZDIR or /usr/share/zoneinfo (RFC 8536 format, 64-bit data), and never through TZ.
 * Past the last transition in the file, a zone whose footer rule has daylight saving is read
 * 28 years earlier (the Gregorian calendar repeats its weekdays every 28 years between 1901
 * and 2099), otherwise at its last offset. Debian's files list transitions through 2037, so
 * this only matters later than that.
 *
 * Ownership: loaded zones are cached for the life of the process (a few kB each).
 * Errors: 1 when the zone is unknown or its file is malformed. Complexity: O(log transitions).
 */
#ifndef DISRUPT_TZONE_H
#define DISRUPT_TZONE_H

#include <stdint.h>

/* 1 when tz names UTC: NULL, "", "UTC" or "Z". */
int disrupt_tzone_is_utc(const char *tz);

/* Offset of zone tz at UTC time t, seconds east of Greenwich. NULL, "" and "UTC" are UTC. */
int disrupt_tzone_offset(const char *tz, int64_t t, long *offset);

#endif
