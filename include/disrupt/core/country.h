/* country.h — recognising a country in an event list, whether written as an ISO 3166-1 code
 * ("AZ", "AZE") or a name ("Azerbaijan", "Iran", "Iran, Islamic Republic of", "Russia").
 * Case-insensitive; surrounding blanks ignored. Static data only: nothing to free.
 * Complexity: O(number of countries) per call.
 */
#ifndef DISRUPT_COUNTRY_H
#define DISRUPT_COUNTRY_H

#include <stddef.h>

/* The alpha-2 code of s[0..len), or NULL when s names no known country. */
const char *disrupt_country_code(const char *s, size_t len);
/* 1 when s is a known country code or name. */
int disrupt_country_known(const char *s);
/* The usual English name of a code or name ("IR" → "Iran"), or NULL. */
const char *disrupt_country_name(const char *code);
/* 1 when cell[0..len) and wanted name the same country (or, when neither is a known
 * country, are the same text). */
int disrupt_country_matches(const char *cell, size_t len, const char *wanted);

#endif
