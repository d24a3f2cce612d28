/*
 * floor.c - the floor the benchmarks measure against: read every *.yaml
 * file below the given directories and run libyaml's event parser over
 * it, doing nothing with the events.
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static unsigned long files, events, failures;

static int
parse(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)ftw;
	size_t n = strlen(path);
	if (type != FTW_F || n < 5 || strcmp(path + n - 5, ".yaml") != 0)
		return 0;
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return 0;
	unsigned char *buf = malloc((size_t)st->st_size + 1);
	size_t len = fread(buf, 1, (size_t)st->st_size, f);
	fclose(f);

	yaml_parser_t p;
	yaml_event_t e;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, buf, len);
	for (;;) {
		if (!yaml_parser_parse(&p, &e)) {
			failures++;
			break;
		}
		events++;
		int end = e.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&e);
		if (end)
			break;
	}
	yaml_parser_delete(&p);
	free(buf);
	files++;
	return 0;
}

int
main(int argc, char *argv[])
{
	for (int i = 1; i < argc; i++)
		nftw(argv[i], parse, 32, FTW_PHYS);
	fprintf(stderr, "floor: %lu files, %lu events, %lu failures\n", files,
	    events, failures);
	return 0;
}
