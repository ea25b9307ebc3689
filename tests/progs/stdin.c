/* stdin.c - read all of standard input in reads of varying sizes and
 * print its length, line count and FNV-1a checksum. Under mvee stdin is
 * consumed once: every variant must see the same bytes. */
#include "tests.h"

int main(int argc, char **argv)
{
	static char buf[65536];
	size_t sizes[] = { 1, 7, 4096, 65536, 100 };
	long total = 0, lines = 0, n, i, calls = 0;
	uint32_t h = FNV_INIT;

	scratch_enter(argc, argv, "stdin");
	for (;;) {
		n = read(0, buf, sizes[calls++ % 5]);
		if (n < 0)
			fail("read: %s", ename(errno));
		if (n == 0)
			break;
		h = fnv1a(h, buf, n);
		for (i = 0; i < n; i++)
			lines += buf[i] == '\n';
		total += n;
	}
	printf("stdin: %ld bytes, %ld lines, fnv1a %08x\n", total, lines, h);
	SHOW("read(0) again at EOF", read(0, buf, 10));
	scratch_leave();
	printf("done\n");
	return 0;
}
