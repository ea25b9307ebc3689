/*
 * leak.c - a format-string bug for tests/attacks/run.sh.
 *
 * The line read from stdin is used as printf's format, so an input of
 * "%p %p ..." prints whatever lies in the argument registers and on the
 * stack: code, library and stack addresses that defeat ASLR. Under mvee
 * the variants' layouts differ, so the leaked values (and hence the
 * write() that would carry them out) differ between variants.
 */
#include <stdio.h>

int main(void)
{
	char line[256];

	if (!fgets(line, sizeof(line), stdin))
		return 1;
	printf(line); /* the bug: user input as the format */
	printf("done\n");
	return 0;
}
