/* fork_addr.c - a forked child prints a heap address while its parent
 * waits: the divergence is in the child processes of the variants.
 * expect: write */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int st;
	pid_t kid = fork();

	if (kid < 0)
		return 2;
	if (kid == 0) {
		printf("child %p\n", (void *)malloc(8));
		return 0;
	}
	if (waitpid(kid, &st, 0) != kid)
		return 2;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 3;
}
