/* country.c — ISO 3166-1 countries by code and by the names event lists use.
 *
 * The table is generated from Debian's iso-codes 4.15 (/usr/share/iso-codes/json/
 * iso_3166-1.json: alpha-2, alpha-3, name, common_name, official_name), plus one alias per
 * country where Access Now or IODA spell the name differently from ISO ("Russia", "Turkey").
 */
#include "disrupt/core/country.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

typedef struct {
    const char *alpha2, *alpha3, *name, *common_name, *official_name, *alias;
} country;

static const country countries[] = {
    {"AD", "AND", "Andorra", NULL, "Principality of Andorra", NULL},
    {"AE", "ARE", "United Arab Emirates", NULL, NULL, NULL},
    {"AF", "AFG", "Afghanistan", NULL, "Islamic Republic of Afghanistan", NULL},
    {"AG", "ATG", "Antigua and Barbuda", NULL, NULL, NULL},
    {"AI", "AIA", "Anguilla", NULL, NULL, NULL},
    {"AL", "ALB", "Albania", NULL, "Republic of Albania", NULL},
    {"AM", "ARM", "Armenia", NULL, "Republic of Armenia", NULL},
    {"AO", "AGO", "Angola", NULL, "Republic of Angola", NULL},
    {"AQ", "ATA", "Antarctica", NULL, NULL, NULL},
    {"AR", "ARG", "Argentina", NULL, "Argentine Republic", NULL},
    {"AS", "ASM", "American Samoa", NULL, NULL, NULL},
    {"AT", "AUT", "Austria", NULL, "Republic of Austria", NULL},
    {"AU", "AUS", "Australia", NULL, NULL, NULL},
    {"AW", "ABW", "Aruba", NULL, NULL, NULL},
    {"AX", "ALA", "Åland Islands", NULL, NULL, NULL},
    {"AZ", "AZE", "Azerbaijan", NULL, "Republic of Azerbaijan", NULL},
    {"BA", "BIH", "Bosnia and Herzegovina", NULL, "Republic of Bosnia and Herzegovina", NULL},
    {"BB", "BRB", "Barbados", NULL, NULL, NULL},
    {"BD", "BGD", "Bangladesh", NULL, "People's Republic of Bangladesh", NULL},
    {"BE", "BEL", "Belgium", NULL, "Kingdom of Belgium", NULL},
    {"BF", "BFA", "Burkina Faso", NULL, NULL, NULL},
    {"BG", "BGR", "Bulgaria", NULL, "Republic of Bulgaria", NULL},
    {"BH", "BHR", "Bahrain", NULL, "Kingdom of Bahrain", NULL},
    {"BI", "BDI", "Burundi", NULL, "Republic of Burundi", NULL},
    {"BJ", "BEN", "Benin", NULL, "Republic of Benin", NULL},
    {"BL", "BLM", "Saint Barthélemy", NULL, NULL, NULL},
    {"BM", "BMU", "Bermuda", NULL, NULL, NULL},
    {"BN", "BRN", "Brunei Darussalam", NULL, NULL, NULL},
    {"BO", "BOL", "Bolivia, Plurinational State of", "Bolivia", "Plurinational State of Bolivia", "Bolivia"},
    {"BQ", "BES", "Bonaire, Sint Eustatius and Saba", NULL, "Bonaire, Sint Eustatius and Saba", NULL},
    {"BR", "BRA", "Brazil", NULL, "Federative Republic of Brazil", NULL},
    {"BS", "BHS", "Bahamas", NULL, "Commonwealth of the Bahamas", NULL},
    {"BT", "BTN", "Bhutan", NULL, "Kingdom of Bhutan", NULL},
    {"BV", "BVT", "Bouvet Island", NULL, NULL, NULL},
    {"BW", "BWA", "Botswana", NULL, "Republic of Botswana", NULL},
    {"BY", "BLR", "Belarus", NULL, "Republic of Belarus", NULL},
    {"BZ", "BLZ", "Belize", NULL, NULL, NULL},
    {"CA", "CAN", "Canada", NULL, NULL, NULL},
    {"CC", "CCK", "Cocos (Keeling) Islands", NULL, NULL, NULL},
    {"CD", "COD", "Congo, The Democratic Republic of the", NULL, NULL, "Democratic Republic of the Congo"},
    {"CF", "CAF", "Central African Republic", NULL, NULL, NULL},
    {"CG", "COG", "Congo", NULL, "Republic of the Congo", "Republic of the Congo"},
    {"CH", "CHE", "Switzerland", NULL, "Swiss Confederation", NULL},
    {"CI", "CIV", "Côte d'Ivoire", NULL, "Republic of Côte d'Ivoire", "Ivory Coast"},
    {"CK", "COK", "Cook Islands", NULL, NULL, NULL},
    {"CL", "CHL", "Chile", NULL, "Republic of Chile", NULL},
    {"CM", "CMR", "Cameroon", NULL, "Republic of Cameroon", NULL},
    {"CN", "CHN", "China", NULL, "People's Republic of China", NULL},
    {"CO", "COL", "Colombia", NULL, "Republic of Colombia", NULL},
    {"CR", "CRI", "Costa Rica", NULL, "Republic of Costa Rica", NULL},
    {"CU", "CUB", "Cuba", NULL, "Republic of Cuba", NULL},
    {"CV", "CPV", "Cabo Verde", NULL, "Republic of Cabo Verde", NULL},
    {"CW", "CUW", "Curaçao", NULL, "Curaçao", NULL},
    {"CX", "CXR", "Christmas Island", NULL, NULL, NULL},
    {"CY", "CYP", "Cyprus", NULL, "Republic of Cyprus", NULL},
    {"CZ", "CZE", "Czechia", NULL, "Czech Republic", "Czech Republic"},
    {"DE", "DEU", "Germany", NULL, "Federal Republic of Germany", NULL},
    {"DJ", "DJI", "Djibouti", NULL, "Republic of Djibouti", NULL},
    {"DK", "DNK", "Denmark", NULL, "Kingdom of Denmark", NULL},
    {"DM", "DMA", "Dominica", NULL, "Commonwealth of Dominica", NULL},
    {"DO", "DOM", "Dominican Republic", NULL, NULL, NULL},
    {"DZ", "DZA", "Algeria", NULL, "People's Democratic Republic of Algeria", NULL},
    {"EC", "ECU", "Ecuador", NULL, "Republic of Ecuador", NULL},
    {"EE", "EST", "Estonia", NULL, "Republic of Estonia", NULL},
    {"EG", "EGY", "Egypt", NULL, "Arab Republic of Egypt", NULL},
    {"EH", "ESH", "Western Sahara", NULL, NULL, NULL},
    {"ER", "ERI", "Eritrea", NULL, "the State of Eritrea", NULL},
    {"ES", "ESP", "Spain", NULL, "Kingdom of Spain", NULL},
    {"ET", "ETH", "Ethiopia", NULL, "Federal Democratic Republic of Ethiopia", NULL},
    {"FI", "FIN", "Finland", NULL, "Republic of Finland", NULL},
    {"FJ", "FJI", "Fiji", NULL, "Republic of Fiji", NULL},
    {"FK", "FLK", "Falkland Islands (Malvinas)", NULL, NULL, NULL},
    {"FM", "FSM", "Micronesia, Federated States of", NULL, "Federated States of Micronesia", "Micronesia"},
    {"FO", "FRO", "Faroe Islands", NULL, NULL, NULL},
    {"FR", "FRA", "France", NULL, "French Republic", NULL},
    {"GA", "GAB", "Gabon", NULL, "Gabonese Republic", NULL},
    {"GB", "GBR", "United Kingdom", NULL, "United Kingdom of Great Britain and Northern Ireland", "United Kingdom"},
    {"GD", "GRD", "Grenada", NULL, NULL, NULL},
    {"GE", "GEO", "Georgia", NULL, NULL, NULL},
    {"GF", "GUF", "French Guiana", NULL, NULL, NULL},
    {"GG", "GGY", "Guernsey", NULL, NULL, NULL},
    {"GH", "GHA", "Ghana", NULL, "Republic of Ghana", NULL},
    {"GI", "GIB", "Gibraltar", NULL, NULL, NULL},
    {"GL", "GRL", "Greenland", NULL, NULL, NULL},
    {"GM", "GMB", "Gambia", NULL, "Republic of the Gambia", NULL},
    {"GN", "GIN", "Guinea", NULL, "Republic of Guinea", NULL},
    {"GP", "GLP", "Guadeloupe", NULL, NULL, NULL},
    {"GQ", "GNQ", "Equatorial Guinea", NULL, "Republic of Equatorial Guinea", NULL},
    {"GR", "GRC", "Greece", NULL, "Hellenic Republic", NULL},
    {"GS", "SGS", "South Georgia and the South Sandwich Islands", NULL, NULL, NULL},
    {"GT", "GTM", "Guatemala", NULL, "Republic of Guatemala", NULL},
    {"GU", "GUM", "Guam", NULL, NULL, NULL},
    {"GW", "GNB", "Guinea-Bissau", NULL, "Republic of Guinea-Bissau", NULL},
    {"GY", "GUY", "Guyana", NULL, "Republic of Guyana", NULL},
    {"HK", "HKG", "Hong Kong", NULL, "Hong Kong Special Administrative Region of China", NULL},
    {"HM", "HMD", "Heard Island and McDonald Islands", NULL, NULL, NULL},
    {"HN", "HND", "Honduras", NULL, "Republic of Honduras", NULL},
    {"HR", "HRV", "Croatia", NULL, "Republic of Croatia", NULL},
    {"HT", "HTI", "Haiti", NULL, "Republic of Haiti", NULL},
    {"HU", "HUN", "Hungary", NULL, "Hungary", NULL},
    {"ID", "IDN", "Indonesia", NULL, "Republic of Indonesia", NULL},
    {"IE", "IRL", "Ireland", NULL, NULL, NULL},
    {"IL", "ISR", "Israel", NULL, "State of Israel", NULL},
    {"IM", "IMN", "Isle of Man", NULL, NULL, NULL},
    {"IN", "IND", "India", NULL, "Republic of India", NULL},
    {"IO", "IOT", "British Indian Ocean Territory", NULL, NULL, NULL},
    {"IQ", "IRQ", "Iraq", NULL, "Republic of Iraq", NULL},
    {"IR", "IRN", "Iran, Islamic Republic of", "Iran", "Islamic Republic of Iran", NULL},
    {"IS", "ISL", "Iceland", NULL, "Republic of Iceland", NULL},
    {"IT", "ITA", "Italy", NULL, "Italian Republic", NULL},
    {"JE", "JEY", "Jersey", NULL, NULL, NULL},
    {"JM", "JAM", "Jamaica", NULL, NULL, NULL},
    {"JO", "JOR", "Jordan", NULL, "Hashemite Kingdom of Jordan", NULL},
    {"JP", "JPN", "Japan", NULL, NULL, NULL},
    {"KE", "KEN", "Kenya", NULL, "Republic of Kenya", NULL},
    {"KG", "KGZ", "Kyrgyzstan", NULL, "Kyrgyz Republic", NULL},
    {"KH", "KHM", "Cambodia", NULL, "Kingdom of Cambodia", NULL},
    {"KI", "KIR", "Kiribati", NULL, "Republic of Kiribati", NULL},
    {"KM", "COM", "Comoros", NULL, "Union of the Comoros", NULL},
    {"KN", "KNA", "Saint Kitts and Nevis", NULL, NULL, NULL},
    {"KP", "PRK", "Korea, Democratic People's Republic of", "North Korea", "Democratic People's Republic of Korea", "North Korea"},
    {"KR", "KOR", "Korea, Republic of", "South Korea", NULL, "South Korea"},
    {"KW", "KWT", "Kuwait", NULL, "State of Kuwait", NULL},
    {"KY", "CYM", "Cayman Islands", NULL, NULL, NULL},
    {"KZ", "KAZ", "Kazakhstan", NULL, "Republic of Kazakhstan", NULL},
    {"LA", "LAO", "Lao People's Democratic Republic", "Laos", NULL, "Laos"},
    {"LB", "LBN", "Lebanon", NULL, "Lebanese Republic", NULL},
    {"LC", "LCA", "Saint Lucia", NULL, NULL, NULL},
    {"LI", "LIE", "Liechtenstein", NULL, "Principality of Liechtenstein", NULL},
    {"LK", "LKA", "Sri Lanka", NULL, "Democratic Socialist Republic of Sri Lanka", NULL},
    {"LR", "LBR", "Liberia", NULL, "Republic of Liberia", NULL},
    {"LS", "LSO", "Lesotho", NULL, "Kingdom of Lesotho", NULL},
    {"LT", "LTU", "Lithuania", NULL, "Republic of Lithuania", NULL},
    {"LU", "LUX", "Luxembourg", NULL, "Grand Duchy of Luxembourg", NULL},
    {"LV", "LVA", "Latvia", NULL, "Republic of Latvia", NULL},
    {"LY", "LBY", "Libya", NULL, "Libya", NULL},
    {"MA", "MAR", "Morocco", NULL, "Kingdom of Morocco", NULL},
    {"MC", "MCO", "Monaco", NULL, "Principality of Monaco", NULL},
    {"MD", "MDA", "Moldova, Republic of", "Moldova", "Republic of Moldova", "Moldova"},
    {"ME", "MNE", "Montenegro", NULL, "Montenegro", NULL},
    {"MF", "MAF", "Saint Martin (French part)", NULL, NULL, NULL},
    {"MG", "MDG", "Madagascar", NULL, "Republic of Madagascar", NULL},
    {"MH", "MHL", "Marshall Islands", NULL, "Republic of the Marshall Islands", NULL},
    {"MK", "MKD", "North Macedonia", NULL, "Republic of North Macedonia", "Macedonia"},
    {"ML", "MLI", "Mali", NULL, "Republic of Mali", NULL},
    {"MM", "MMR", "Myanmar", NULL, "Republic of Myanmar", "Burma"},
    {"MN", "MNG", "Mongolia", NULL, NULL, NULL},
    {"MO", "MAC", "Macao", NULL, "Macao Special Administrative Region of China", NULL},
    {"MP", "MNP", "Northern Mariana Islands", NULL, "Commonwealth of the Northern Mariana Islands", NULL},
    {"MQ", "MTQ", "Martinique", NULL, NULL, NULL},
    {"MR", "MRT", "Mauritania", NULL, "Islamic Republic of Mauritania", NULL},
    {"MS", "MSR", "Montserrat", NULL, NULL, NULL},
    {"MT", "MLT", "Malta", NULL, "Republic of Malta", NULL},
    {"MU", "MUS", "Mauritius", NULL, "Republic of Mauritius", NULL},
    {"MV", "MDV", "Maldives", NULL, "Republic of Maldives", NULL},
    {"MW", "MWI", "Malawi", NULL, "Republic of Malawi", NULL},
    {"MX", "MEX", "Mexico", NULL, "United Mexican States", NULL},
    {"MY", "MYS", "Malaysia", NULL, NULL, NULL},
    {"MZ", "MOZ", "Mozambique", NULL, "Republic of Mozambique", NULL},
    {"NA", "NAM", "Namibia", NULL, "Republic of Namibia", NULL},
    {"NC", "NCL", "New Caledonia", NULL, NULL, NULL},
    {"NE", "NER", "Niger", NULL, "Republic of the Niger", NULL},
    {"NF", "NFK", "Norfolk Island", NULL, NULL, NULL},
    {"NG", "NGA", "Nigeria", NULL, "Federal Republic of Nigeria", NULL},
    {"NI", "NIC", "Nicaragua", NULL, "Republic of Nicaragua", NULL},
    {"NL", "NLD", "Netherlands", NULL, "Kingdom of the Netherlands", NULL},
    {"NO", "NOR", "Norway", NULL, "Kingdom of Norway", NULL},
    {"NP", "NPL", "Nepal", NULL, "Federal Democratic Republic of Nepal", NULL},
    {"NR", "NRU", "Nauru", NULL, "Republic of Nauru", NULL},
    {"NU", "NIU", "Niue", NULL, "Niue", NULL},
    {"NZ", "NZL", "New Zealand", NULL, NULL, NULL},
    {"OM", "OMN", "Oman", NULL, "Sultanate of Oman", NULL},
    {"PA", "PAN", "Panama", NULL, "Republic of Panama", NULL},
    {"PE", "PER", "Peru", NULL, "Republic of Peru", NULL},
    {"PF", "PYF", "French Polynesia", NULL, NULL, NULL},
    {"PG", "PNG", "Papua New Guinea", NULL, "Independent State of Papua New Guinea", NULL},
    {"PH", "PHL", "Philippines", NULL, "Republic of the Philippines", NULL},
    {"PK", "PAK", "Pakistan", NULL, "Islamic Republic of Pakistan", NULL},
    {"PL", "POL", "Poland", NULL, "Republic of Poland", NULL},
    {"PM", "SPM", "Saint Pierre and Miquelon", NULL, NULL, NULL},
    {"PN", "PCN", "Pitcairn", NULL, NULL, NULL},
    {"PR", "PRI", "Puerto Rico", NULL, NULL, NULL},
    {"PS", "PSE", "Palestine, State of", NULL, "the State of Palestine", "Palestine"},
    {"PT", "PRT", "Portugal", NULL, "Portuguese Republic", NULL},
    {"PW", "PLW", "Palau", NULL, "Republic of Palau", NULL},
    {"PY", "PRY", "Paraguay", NULL, "Republic of Paraguay", NULL},
    {"QA", "QAT", "Qatar", NULL, "State of Qatar", NULL},
    {"RE", "REU", "Réunion", NULL, NULL, NULL},
    {"RO", "ROU", "Romania", NULL, NULL, NULL},
    {"RS", "SRB", "Serbia", NULL, "Republic of Serbia", NULL},
    {"RU", "RUS", "Russian Federation", NULL, NULL, "Russia"},
    {"RW", "RWA", "Rwanda", NULL, "Rwandese Republic", NULL},
    {"SA", "SAU", "Saudi Arabia", NULL, "Kingdom of Saudi Arabia", NULL},
    {"SB", "SLB", "Solomon Islands", NULL, NULL, NULL},
    {"SC", "SYC", "Seychelles", NULL, "Republic of Seychelles", NULL},
    {"SD", "SDN", "Sudan", NULL, "Republic of the Sudan", NULL},
    {"SE", "SWE", "Sweden", NULL, "Kingdom of Sweden", NULL},
    {"SG", "SGP", "Singapore", NULL, "Republic of Singapore", NULL},
    {"SH", "SHN", "Saint Helena, Ascension and Tristan da Cunha", NULL, NULL, NULL},
    {"SI", "SVN", "Slovenia", NULL, "Republic of Slovenia", NULL},
    {"SJ", "SJM", "Svalbard and Jan Mayen", NULL, NULL, NULL},
    {"SK", "SVK", "Slovakia", NULL, "Slovak Republic", NULL},
    {"SL", "SLE", "Sierra Leone", NULL, "Republic of Sierra Leone", NULL},
    {"SM", "SMR", "San Marino", NULL, "Republic of San Marino", NULL},
    {"SN", "SEN", "Senegal", NULL, "Republic of Senegal", NULL},
    {"SO", "SOM", "Somalia", NULL, "Federal Republic of Somalia", NULL},
    {"SR", "SUR", "Suriname", NULL, "Republic of Suriname", NULL},
    {"SS", "SSD", "South Sudan", NULL, "Republic of South Sudan", NULL},
    {"ST", "STP", "Sao Tome and Principe", NULL, "Democratic Republic of Sao Tome and Principe", NULL},
    {"SV", "SLV", "El Salvador", NULL, "Republic of El Salvador", NULL},
    {"SX", "SXM", "Sint Maarten (Dutch part)", NULL, "Sint Maarten (Dutch part)", NULL},
    {"SY", "SYR", "Syrian Arab Republic", "Syria", NULL, "Syria"},
    {"SZ", "SWZ", "Eswatini", NULL, "Kingdom of Eswatini", "Swaziland"},
    {"TC", "TCA", "Turks and Caicos Islands", NULL, NULL, NULL},
    {"TD", "TCD", "Chad", NULL, "Republic of Chad", NULL},
    {"TF", "ATF", "French Southern Territories", NULL, NULL, NULL},
    {"TG", "TGO", "Togo", NULL, "Togolese Republic", NULL},
    {"TH", "THA", "Thailand", NULL, "Kingdom of Thailand", NULL},
    {"TJ", "TJK", "Tajikistan", NULL, "Republic of Tajikistan", NULL},
    {"TK", "TKL", "Tokelau", NULL, NULL, NULL},
    {"TL", "TLS", "Timor-Leste", NULL, "Democratic Republic of Timor-Leste", NULL},
    {"TM", "TKM", "Turkmenistan", NULL, NULL, NULL},
    {"TN", "TUN", "Tunisia", NULL, "Republic of Tunisia", NULL},
    {"TO", "TON", "Tonga", NULL, "Kingdom of Tonga", NULL},
    {"TR", "TUR", "Türkiye", NULL, "Republic of Türkiye", "Turkey"},
    {"TT", "TTO", "Trinidad and Tobago", NULL, "Republic of Trinidad and Tobago", NULL},
    {"TV", "TUV", "Tuvalu", NULL, NULL, NULL},
    {"TW", "TWN", "Taiwan, Province of China", "Taiwan", "Taiwan, Province of China", "Taiwan"},
    {"TZ", "TZA", "Tanzania, United Republic of", "Tanzania", "United Republic of Tanzania", "Tanzania"},
    {"UA", "UKR", "Ukraine", NULL, NULL, NULL},
    {"UG", "UGA", "Uganda", NULL, "Republic of Uganda", NULL},
    {"UM", "UMI", "United States Minor Outlying Islands", NULL, NULL, NULL},
    {"US", "USA", "United States", NULL, "United States of America", "United States"},
    {"UY", "URY", "Uruguay", NULL, "Eastern Republic of Uruguay", NULL},
    {"UZ", "UZB", "Uzbekistan", NULL, "Republic of Uzbekistan", NULL},
    {"VA", "VAT", "Holy See (Vatican City State)", NULL, NULL, NULL},
    {"VC", "VCT", "Saint Vincent and the Grenadines", NULL, NULL, NULL},
    {"VE", "VEN", "Venezuela, Bolivarian Republic of", "Venezuela", "Bolivarian Republic of Venezuela", "Venezuela"},
    {"VG", "VGB", "Virgin Islands, British", NULL, "British Virgin Islands", NULL},
    {"VI", "VIR", "Virgin Islands, U.S.", NULL, "Virgin Islands of the United States", NULL},
    {"VN", "VNM", "Viet Nam", "Vietnam", "Socialist Republic of Viet Nam", "Vietnam"},
    {"VU", "VUT", "Vanuatu", NULL, "Republic of Vanuatu", NULL},
    {"WF", "WLF", "Wallis and Futuna", NULL, NULL, NULL},
    {"WS", "WSM", "Samoa", NULL, "Independent State of Samoa", NULL},
    {"YE", "YEM", "Yemen", NULL, "Republic of Yemen", NULL},
    {"YT", "MYT", "Mayotte", NULL, NULL, NULL},
    {"ZA", "ZAF", "South Africa", NULL, "Republic of South Africa", NULL},
    {"ZM", "ZMB", "Zambia", NULL, "Republic of Zambia", NULL},
    {"ZW", "ZWE", "Zimbabwe", NULL, "Republic of Zimbabwe", NULL},
};

#define NCOUNTRIES (sizeof countries / sizeof countries[0])

static int same(const char *a, const char *b, size_t blen)
{
    return a && strlen(a) == blen && strncasecmp(a, b, blen) == 0;
}

static const country *find(const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (len == 0)
        return NULL;
    for (size_t i = 0; i < NCOUNTRIES; i++) {
        const country *c = &countries[i];
        if (same(c->alpha2, s, len) || same(c->alpha3, s, len) || same(c->name, s, len) ||
            same(c->common_name, s, len) || same(c->official_name, s, len) ||
            same(c->alias, s, len))
            return c;
    }
    return NULL;
}

const char *disrupt_country_code(const char *s, size_t len)
{
    const country *c = find(s, len);
    return c ? c->alpha2 : NULL;
}

int disrupt_country_known(const char *s)
{
    return s && find(s, strlen(s)) != NULL;
}

const char *disrupt_country_name(const char *code)
{
    const country *c = code ? find(code, strlen(code)) : NULL;
    return c ? (c->common_name ? c->common_name : c->name) : NULL;
}

int disrupt_country_matches(const char *cell, size_t len, const char *wanted)
{
    const char *a = disrupt_country_code(cell, len);
    const char *b = disrupt_country_code(wanted, strlen(wanted));
    if (a && b)
        return strcmp(a, b) == 0;
    /* Neither side is a known country: compare the text itself. */
    while (len && (*cell == ' ' || *cell == '\t')) {
        cell++;
        len--;
    }
    while (len && (cell[len - 1] == ' ' || cell[len - 1] == '\t'))
        len--;
    return !a && !b && same(wanted, cell, len);
}
