/* stack_addr.c - print the address of a stack variable: every variant
 * writes a different line.
 * expect: write */
#include <stdio.h>

int main(void)
{
	int local = 0;

	printf("%p\n", (void *)&local);
	return local;
}
