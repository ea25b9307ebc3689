/* code_addr.c - print the address of main (the executable is PIE).
 * expect: write */
#include <stdio.h>

int main(void)
{
	int (*volatile f)(void) = main;

	printf("%p\n", (void *)f);
	return 0;
}
