/* libc_addr.c - print the address of a libc function (where libc was
 * loaded).
 * expect: write */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	pid_t (*volatile f)(void) = getpid;

	printf("%p\n", (void *)f);
	return 0;
}
