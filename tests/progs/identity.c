/* identity.c - who and where the process is: getpid, gettid, getppid,
 * getuid/geteuid/getgid/getegid/getresuid, getgroups, getpgid, getsid,
 * uname, prlimit64 and getrlimit/setrlimit, umask, getcwd, chdir/fchdir,
 * sched_getaffinity, getpriority, getrusage, sysinfo. Ids are compared,
 * never printed: the pid of the process must be the same through every
 * call that reveals it (getpid, gettid, /proc/self, syscall(SYS_getpid)). */
#include "tests.h"

#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>

int main(int argc, char **argv)
{
	char cwd[PATH_MAX], cwd2[PATH_MAX], link[64], buf[64];
	struct rlimit rl, rl2, old;
	struct utsname u;
	struct rusage ru;
	struct sysinfo si;
	cpu_set_t set;
	uid_t ru1, eu1, su1;
	gid_t groups[256];
	pid_t pid;
	long n;
	int fd;

	scratch_enter(argc, argv, "identity");

	pid = getpid();
	printf("getpid > 1 %s\n", yesno(pid > 1));
	printf("gettid == getpid %s\n", yesno(gettid() == pid));
	printf("raw getpid == getpid %s\n",
	       yesno(syscall(SYS_getpid, JUNK, JUNK) == pid));
	printf("getppid > 0 %s, != getpid %s\n", yesno(getppid() > 0),
	       yesno(getppid() != pid));
	printf("getpgid(0) > 0 %s, getsid(0) > 0 %s, getpgrp == getpgid(0) %s\n",
	       yesno(getpgid(0) > 0), yesno(getsid(0) > 0),
	       yesno(getpgrp() == getpgid(0)));
	ERR("getpgid(-5)", ESRCH, getpgid(-5));

	printf("getuid == geteuid %s, getgid == getegid %s\n",
	       yesno(getuid() == geteuid()), yesno(getgid() == getegid()));
	OK(getresuid(&ru1, &eu1, &su1));
	printf("getresuid agrees %s\n",
	       yesno(ru1 == getuid() && eu1 == geteuid() && su1 == geteuid()));
	n = OK(getgroups(256, groups));
	printf("getgroups(0) == getgroups(256) %s\n",
	       yesno(getgroups(0, NULL) == n));

	SHOW("uname", uname(&u));
	printf("sysname %s, machine %s, release nonempty %s\n", u.sysname,
	       u.machine, yesno(u.release[0] != 0));

	SHOW("prlimit64(0, RLIMIT_NOFILE, NULL, &rl)",
	     syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &rl));
	printf("RLIMIT_NOFILE soft <= hard %s, soft >= 64 %s\n",
	       yesno(rl.rlim_cur <= rl.rlim_max), yesno(rl.rlim_cur >= 64));
	SHOW("getrlimit(RLIMIT_NOFILE)", getrlimit(RLIMIT_NOFILE, &rl2));
	printf("getrlimit agrees with prlimit64 %s\n",
	       yesno(rl.rlim_cur == rl2.rlim_cur &&
		     rl.rlim_max == rl2.rlim_max));
	rl2.rlim_cur = 100;
	SHOW("setrlimit(RLIMIT_NOFILE, soft 100)",
	     setrlimit(RLIMIT_NOFILE, &rl2));
	SHOW("prlimit64(0, RLIMIT_NOFILE, &orig, &old)",
	     prlimit(0, RLIMIT_NOFILE, &rl, &old));
	printf("old soft limit 100 %s\n", yesno(old.rlim_cur == 100));
	ERR("getrlimit(999)", EINVAL, getrlimit(999, &rl2));
	SHOW("getrlimit(RLIMIT_STACK)", getrlimit(RLIMIT_STACK, &rl2));

	printf("umask(027) returned %04o\n", umask(027));
	printf("umask(022) returned %04o\n", umask(022));

	EXPECT(getcwd(cwd, sizeof(cwd)));
	printf("getcwd absolute %s, ends in /identity.d %s\n",
	       yesno(cwd[0] == '/'),
	       yesno(strlen(cwd) > 11 &&
		     !strcmp(cwd + strlen(cwd) - 11, "/identity.d")));
	n = syscall(SYS_getcwd, cwd2, sizeof(cwd2));
	printf("raw getcwd returns length + 1 %s\n",
	       yesno(n == (long)strlen(cwd) + 1 && !strcmp(cwd, cwd2)));
	ERR("getcwd(buf, 2)", ERANGE, getcwd(cwd2, 2) ? 0 : -1);
	OK(mkdir("sub", 0755));
	SHOW("chdir(\"sub\")", chdir("sub"));
	EXPECT(getcwd(cwd2, sizeof(cwd2)));
	printf("cwd is now <old>/sub %s\n",
	       yesno(!strncmp(cwd, cwd2, strlen(cwd)) &&
		     !strcmp(cwd2 + strlen(cwd), "/sub")));
	fd = OK(open("..", O_RDONLY | O_DIRECTORY));
	SHOW("fchdir(parent)", fchdir(fd));
	OK(close(fd));
	EXPECT(getcwd(cwd2, sizeof(cwd2)));
	printf("back %s\n", yesno(!strcmp(cwd, cwd2)));
	ERR("chdir(\"missing\")", ENOENT, chdir("missing"));
	OK(rmdir("sub"));

	CPU_ZERO(&set);
	n = SHOW("raw sched_getaffinity(0, 128, &set) > 0",
		 syscall(SYS_sched_getaffinity, 0, 128, &set) > 0);
	printf("affinity: CPU_COUNT >= 1 %s\n", yesno(CPU_COUNT(&set) >= 1));
	ERR("sched_getaffinity(0, 1, &set)", EINVAL,
	    syscall(SYS_sched_getaffinity, 0, 1, &set));
	errno = 0;
	n = getpriority(PRIO_PROCESS, 0);
	printf("getpriority in -20..19 %s\n",
	       yesno(!errno && n >= -20 && n <= 19));
	SHOW("getrusage(RUSAGE_SELF)", getrusage(RUSAGE_SELF, &ru));
	printf("maxrss > 0 %s\n", yesno(ru.ru_maxrss > 0));
	SHOW("sysinfo", sysinfo(&si));
	printf("uptime > 0 %s, totalram > 0 %s, procs > 0 %s\n",
	       yesno(si.uptime > 0), yesno(si.totalram > 0),
	       yesno(si.procs > 0));
	SHOW("sched_yield", sched_yield());
	/* last, the pid as /proc shows it */
	n = OK(readlink("/proc/self", link, sizeof(link) - 1));
	link[n] = 0;
	printf("/proc/self names getpid %s\n", yesno(atol(link) == pid));
	snprintf(buf, sizeof(buf), "/proc/%d/stat", pid);
	fd = open(buf, O_RDONLY);
	printf("/proc/<getpid>/stat opens %s\n", yesno(fd >= 0));
	if (fd >= 0) {
		n = OK(read(fd, buf, sizeof(buf) - 1));
		buf[n] = 0;
		printf("its first field is getpid %s\n",
		       yesno(atol(buf) == pid));
		close(fd);
	}
	scratch_leave();
	printf("done\n");
	return 0;
}
