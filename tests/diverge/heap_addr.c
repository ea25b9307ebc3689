/* heap_addr.c - print the address malloc returned.
 * expect: write */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	void *p = malloc(16);

	printf("%p\n", p);
	free(p);
	return 0;
}
