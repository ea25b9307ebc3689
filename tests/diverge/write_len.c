/* write_len.c - write identical bytes, but as many of them as a hash of a
 * stack address says: only the length argument differs (the chance that
 * two variants agree is about 1 in 60000).
 * expect: write */
#include <stdint.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	static char buf[60001];
	int local;
	uint64_t a = (uintptr_t)&local;

	a ^= a >> 29;
	a *= 0xbf58476d1ce4e5b9ULL;
	a ^= a >> 32;
	memset(buf, 'x', sizeof(buf));
	return write(1, buf, 1 + a % 60000) < 0;
}
