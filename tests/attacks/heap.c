/*
 * heap.c - a heap buffer overflow for the sanitizer split of
 * tests/attacks/run.sh.
 *
 * Reads a number n from stdin and writes n bytes into a 16-byte malloc
 * block: n > 16 overflows it. run.sh builds this source three times (with
 * AddressSanitizer, with UBSan, and plainly with -O2) and runs the ASan and
 * UBSan builds as two variants of one mvee run: the ASan variant stops at
 * the overflow, the UBSan one does not see it, and mvee must notice that
 * they disagree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
	char *p;
	int n;

	if (scanf("%d", &n) != 1 || n < 0)
		return 1;
	p = malloc(16);
	if (!p)
		return 1;
	memset(p, 'x', n); /* the bug: n may exceed 16 */
	printf("wrote %d\n", n);
	free(p);
	return 0;
}
