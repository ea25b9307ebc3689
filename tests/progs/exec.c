/* exec.c - execve: failures (ENOENT, EACCES, ENOEXEC-free) leave the
 * process running; then the program re-executes itself through
 * /proc/self/exe with a new argument and environment; the new image keeps
 * the pid, the open fds without FD_CLOEXEC and loses those with it. */
#include "tests.h"

#include <fcntl.h>

extern char **environ;

static int stage2(int argc, char **argv)
{
	const char *pid = getenv("EXEC_TEST_PID");

	scratch_enter(argc, argv, "exec");

	printf("stage 2: EXEC_TEST=%s\n", getenv("EXEC_TEST"));
	printf("same pid after exec %s\n", yesno(pid && atol(pid) == getpid()));
	printf("fd 20 (no cloexec) open %s, fd 21 (cloexec) open %s\n",
	       yesno(fcntl(20, F_GETFD) != -1),
	       yesno(fcntl(21, F_GETFD) != -1));
	close(20);
	scratch_leave();
	printf("done\n");
	return 0;
}

int main(int argc, char **argv)
{
	char pidenv[64];
	char *args[] = { argv[0], argv[1], "stage2", NULL };
	char *env[] = { "EXEC_TEST=yes", pidenv, NULL };
	char *none[] = { "x", NULL };
	int fd;

	if (argc > 2 && !strcmp(argv[2], "stage2"))
		return stage2(argc, argv);
	if (argc < 2)
		fail("usage: exec SCRATCH");
	scratch_enter(argc, argv, "exec");
	printf("stage 1\n");
	ERR("execve(\"/nonexistent\")", ENOENT,
	    execve("/nonexistent", none, environ));
	fd = OK(open("noexec", O_WRONLY | O_CREAT, 0644));
	OK(close(fd));
	ERR("execve(\"noexec\") mode 0644", EACCES,
	    execve("noexec", none, environ));
	ERR("execve(\".\")", EACCES, execve(".", none, environ));
	OK(unlink("noexec"));
	OK(dup2(1, 20));
	OK(dup3(1, 21, O_CLOEXEC));
	snprintf(pidenv, sizeof(pidenv), "EXEC_TEST_PID=%d", getpid());
	/* stage 2 finds its scratch dir by the same argv[1] */
	OK(chdir(".."));
	OK(rmdir("exec.d"));
	execve("/proc/self/exe", args, env);
	fail("execve(/proc/self/exe): %s", ename(errno));
}
