/* crash_some.c - some variants crash and the others do not. The address
 * of an anonymous mapping decides: the program crashes when bit 41 of it
 * is set. mvee places variant v's mappings at the leader's address minus
 * v * 2^41 (congruent placement, see docs/DESIGN-NOTES.md), so that bit
 * differs between variant 0 and variant 1 in every run, and exactly one
 * of them crashes before the write, whatever address the leader got. The
 * write that follows must not run.
 * expect: SIGSEGV */
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>

int main(void)
{
	char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return 2;
	if (((uintptr_t)p >> 41) & 1)
		*(volatile int *)0 = 1;
	printf("no crash\n");
	return 0;
}
