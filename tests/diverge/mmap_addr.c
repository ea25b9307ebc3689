/* mmap_addr.c - print the address mmap chose, to stderr this time.
 * expect: write */
#include <stdio.h>
#include <sys/mman.h>

int main(void)
{
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	fprintf(stderr, "mapped at %p\n", p);
	return p == MAP_FAILED;
}
