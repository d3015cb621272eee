/* A strict, independent iCalendar reader for the tests: libical (Debian libical-dev).
 *
 * icalendar and vobject are lenient readers. libical parses each file, attaches every
 * problem it finds to the component as an X-LIC-ERROR property, and its
 * icalrestriction_check() applies the rules of RFC 5546 for the calendar's METHOD
 * (for PUBLISH: exactly one ORGANIZER, DTSTAMP, DTSTART, SUMMARY, UID per VEVENT …).
 *
 * Usage: icalstrict FILE.ics …  Prints "FILE: COMPONENT: problem" per problem and
 * "FILE: N VEVENT" per file; exits 1 if any file has a problem, 2 if one is unreadable.
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

static char *read_file(const char *path)
{
    FILE *file = fopen(path, "rb");
    if (!file)
        return NULL;
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    if (text && fread(text, 1, (size_t)size, file) != (size_t)size) {
        free(text);
        text = NULL;
    }
    if (text)
        text[size] = '\0';
    fclose(file);
    return text;
}

/* Every X-LIC-ERROR below `component`, printed; their number. */
static int report_problems(icalcomponent *component, const char *path, int *vevents)
{
    int problems = 0;
    if (icalcomponent_isa(component) == ICAL_VEVENT_COMPONENT)
        (*vevents)++;
    for (icalproperty *p = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY);
         p; p = icalcomponent_get_next_property(component, ICAL_XLICERROR_PROPERTY)) {
        printf("%s: %s: %s\n", path, icalcomponent_kind_to_string(icalcomponent_isa(component)),
               icalproperty_get_xlicerror(p));
        problems++;
    }
    for (icalcomponent *child = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT);
         child; child = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT))
        problems += report_problems(child, path, vevents);
    return problems;
}

int main(int argc, char **argv)
{
    int status = 0;
    for (int i = 1; i < argc; i++) {
        char *text = read_file(argv[i]);
        icalcomponent *calendar = text ? icalparser_parse_string(text) : NULL;
        if (!calendar) {
            printf("%s: nicht lesbar\n", argv[i]);
            free(text);
            status = 2;
            continue;
        }
        icalrestriction_check(calendar);
        int vevents = 0;
        if (report_problems(calendar, argv[i], &vevents) > 0 && status == 0)
            status = 1;
        printf("%s: %d VEVENT\n", argv[i], vevents);
        icalcomponent_free(calendar);
        free(text);
    }
    return status;
}
