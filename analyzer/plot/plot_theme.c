/* plot_theme.c — colours of the light, dark and print themes.
 *
 * Window kinds use the Okabe–Ito palette (distinguishable with the common colour-vision
 * deficiencies): shutdown vermilion, throttling orange, blocking blue, outage bluish green.
 * Their luminances also differ (in the light theme: outage darkest, then vermilion, blue,
 * orange), and the print theme adds hatching, so the kinds stay apart when a report is
 * printed in greyscale.
 */
#include "plot_internal.h"

#define RGB(hex) {((hex) >> 16 & 0xFF) / 255.0, ((hex) >> 8 & 0xFF) / 255.0, ((hex) & 0xFF) / 255.0}

static const plot_palette light = {
    .paper = RGB(0xFFFFFF), .ink = RGB(0x1B1F24), .muted = RGB(0x5F6670), .grid = RGB(0xE4E6EA),
    .frame = RGB(0x9AA1AA),
    .series = RGB(0x1D3557), .expected = RGB(0x7D8796), .gap = RGB(0xB8BEC6),
    .series_envelope_alpha = 0.22, .expected_alpha = 0.16,
    .kind = {RGB(0xD55E00), RGB(0xE69F00), RGB(0x0072B2), RGB(0x009E73)},
    .kind_alpha = {0.45, 0.22, 0.26, 0.52},  /* grey levels about 194, 235, 211, 178 */
    .kind_hatch = {PLOT_HATCH_NONE, PLOT_HATCH_NONE, PLOT_HATCH_NONE, PLOT_HATCH_NONE},
    .event = RGB(0x3D434B), .claim = RGB(0x6A3D9A),
};

static const plot_palette dark = {
    .paper = RGB(0x14181D), .ink = RGB(0xE9ECEF), .muted = RGB(0xA3ABB5), .grid = RGB(0x2A3139),
    .frame = RGB(0x56606B),
    .series = RGB(0x9FD3FF), .expected = RGB(0x8D99AE), .gap = RGB(0x5A6470),
    .series_envelope_alpha = 0.26, .expected_alpha = 0.18,
    .kind = {RGB(0xE8743B), RGB(0xF0B429), RGB(0x56B4E9), RGB(0x2BC59A)},
    .kind_alpha = {0.55, 0.20, 0.36, 0.68},  /* grey levels about 88, 55, 73, 106 */
    .kind_hatch = {PLOT_HATCH_NONE, PLOT_HATCH_NONE, PLOT_HATCH_NONE, PLOT_HATCH_NONE},
    .event = RGB(0xC4CAD1), .claim = RGB(0xC9A7EB),
};

/* Greyscale-safe: the kinds differ by density and by texture, not by hue alone. */
static const plot_palette print = {
    .paper = RGB(0xFFFFFF), .ink = RGB(0x000000), .muted = RGB(0x4A4A4A), .grid = RGB(0xDDDDDD),
    .frame = RGB(0x7A7A7A),
    .series = RGB(0x000000), .expected = RGB(0x808080), .gap = RGB(0xA0A0A0),
    .series_envelope_alpha = 0.22, .expected_alpha = 0.16,
    .kind = {RGB(0x3A3A3A), RGB(0x6E6E6E), RGB(0x8C8C8C), RGB(0x000000)},
    .kind_alpha = {0.50, 0.30, 0.04, 0.62},  /* with the hatching: mid-dark, mid, light, dark */
    .kind_hatch = {PLOT_HATCH_NONE, PLOT_HATCH_DIAGONAL, PLOT_HATCH_CROSS, PLOT_HATCH_DIAGONAL},
    .event = RGB(0x000000), .claim = RGB(0x000000),
};

const plot_palette *plot_palette_of(disrupt_plot_theme theme)
{
    switch (theme) {
    case DISRUPT_THEME_DARK:
        return &dark;
    case DISRUPT_THEME_PRINT:
        return &print;
    case DISRUPT_THEME_LIGHT:
        break;
    }
    return &light;
}
