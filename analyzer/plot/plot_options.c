/* plot_options.c — defaults and parsing of the chart options (sizes, format, theme). */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "plot_internal.h"

void disrupt_plot_options_init(disrupt_plot_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->format = DISRUPT_PLOT_AUTO;
    opt->dpi = 150;
    opt->theme = DISRUPT_THEME_LIGHT;
}

int disrupt_plot_length_parse(const char *s, disrupt_plot_length *out)
{
    if (!s || !*s)
        return 1;
    char *end = NULL;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || errno == ERANGE || !isfinite(v) || !(v > 0))
        return 1;
    disrupt_length_unit unit;
    if (!*end || strcmp(end, "px") == 0)
        unit = DISRUPT_LENGTH_PX;
    else if (strcmp(end, "mm") == 0)
        unit = DISRUPT_LENGTH_MM;
    else if (strcmp(end, "in") == 0)
        unit = DISRUPT_LENGTH_IN;
    else
        return 1;
    out->value = v;
    out->unit = unit;
    return 0;
}

disrupt_plot_format disrupt_plot_format_from_path(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot || strchr(dot, '/'))
        return DISRUPT_PLOT_AUTO;
    if (strcasecmp(dot, ".png") == 0)
        return DISRUPT_PLOT_PNG;
    if (strcasecmp(dot, ".svg") == 0)
        return DISRUPT_PLOT_SVG;
    if (strcasecmp(dot, ".pdf") == 0)
        return DISRUPT_PLOT_PDF;
    return DISRUPT_PLOT_AUTO;
}

int disrupt_plot_theme_parse(const char *s, disrupt_plot_theme *out)
{
    static const struct {
        const char *name;
        disrupt_plot_theme theme;
    } themes[] = {{"light", DISRUPT_THEME_LIGHT}, {"dark", DISRUPT_THEME_DARK},
                  {"print", DISRUPT_THEME_PRINT}};
    for (size_t i = 0; s && i < sizeof themes / sizeof themes[0]; i++)
        if (strcmp(s, themes[i].name) == 0) {
            *out = themes[i].theme;
            return 0;
        }
    return 1;
}
