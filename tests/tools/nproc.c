/* nproc.c - fork under a process limit: as the otherwise unused user
 * argv[2] (a uid), with RLIMIT_NPROC at argv[1], fork once and say how it
 * went. The child stays until the parent has its answer, so every
 * variant's child counts when the next variant forks.
 * The limit counts every process of the user, so under mvee every
 * variant's process counts: with the limit at 2, every variant's fork
 * fails (each sees at least 2); with the limit at N + 1, the first
 * variant's fork succeeds and the others' fail. Needs root. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct rlimit rl;
	pid_t pid;

	uid_t uid;

	if (argc != 3)
		return 2;
	rl.rlim_cur = rl.rlim_max = strtoul(argv[1], NULL, 10);
	uid = (uid_t)strtoul(argv[2], NULL, 10);
	if (setgid(uid) || setuid(uid) || setrlimit(RLIMIT_NPROC, &rl)) {
		perror("nproc: setup");
		return 2;
	}
	pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	if (pid < 0) {
		printf("fork failed: %s\n", strerrorname_np(errno));
		return 0;
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	printf("fork ok\n");
	return 0;
}
