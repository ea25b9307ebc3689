/* launch.c - start the variants: resolve the program, fork N children,
 * give followers placeholders for inherited fds, trap rdtsc, seize each
 * with ptrace, install the seccomp filter and execve. */
#include "filter.h"
#include "launch.h"
#include "monitor.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <linux/seccomp.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define PTRACE_OPTIONS                                                       \
	(PTRACE_O_EXITKILL | PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACESECCOMP | \
	 PTRACE_O_TRACEEXEC | PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK |     \
	 PTRACE_O_TRACEVFORK)

/* PATH search as execvp does it, with the distinct failures a shell
 * reports: not found (127), found but not executable (126) */
const char *launch_resolve(const char *prog)
{
	static char found[PATH_MAX];
	const char *path = getenv("PATH");
	struct stat st;
	bool denied = false;

	if (strchr(prog, '/')) {
		if (stat(prog, &st))
			die(EXIT_NOTFOUND, "%s: %s", prog, strerror(errno));
		if (!S_ISREG(st.st_mode) || access(prog, X_OK))
			die(EXIT_NOEXEC, "%s: not an executable file", prog);
		return prog;
	}
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	while (*path) {
		size_t n = strcspn(path, ":");

		snprintf(found, sizeof(found), "%.*s%s%s", (int)n, path,
			 n ? "/" : "", prog);
		if (!stat(found, &st) && S_ISREG(st.st_mode)) {
			if (!access(found, X_OK))
				return found;
			denied = true;
		}
		path += n + (path[n] == ':');
	}
	if (denied)
		die(EXIT_NOEXEC, "%s: permission denied", prog);
	die(EXIT_NOTFOUND, "%s: command not found", prog);
}

/* fds the program inherits: open in mvee and not close-on-exec */
static int inherited_fds(int *fds, int max)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	int n = 0;

	if (!d)
		die(EXIT_STARTUP, "cannot list /proc/self/fd: %s",
		    strerror(errno));
	while ((e = readdir(d)) && n < max) {
		int fd = atoi(e->d_name);
		int fl;

		if (e->d_name[0] == '.' || fd == dirfd(d))
			continue;
		fl = fcntl(fd, F_GETFD);
		if (fl >= 0 && !(fl & FD_CLOEXEC))
			fds[n++] = fd;
	}
	closedir(d);
	return n;
}

/* signals mvee was started with set to SIG_IGN stay ignored in the program */
static void inherited_ignores(struct lproc *p)
{
	struct sigaction sa;
	int sig;

	for (sig = 1; sig < 65; sig++)
		if (!sigaction(sig, NULL, &sa) && sa.sa_handler == SIG_IGN)
			p->sig[sig].ignored = true;
}

/* /proc/sys/kernel/yama/ptrace_scope, for the error message */
static const char *yama_scope(void)
{
	static char buf[8];
	FILE *f = fopen("/proc/sys/kernel/yama/ptrace_scope", "re");

	if (!f || !fgets(buf, sizeof(buf), f))
		snprintf(buf, sizeof(buf), "absent");
	else
		buf[strcspn(buf, "\n")] = 0;
	if (f)
		fclose(f);
	return buf;
}

/* --diversity: none turns the kernel's randomisation off everywhere;
 * disjoint turns it on in every follower even when mvee runs without it
 * (setarch -R), so that what the kernel places at exec (executable, ld.so,
 * stack, vDSO, heap) differs from the leader's; the leader keeps mvee's
 * own setting, and aslr leaves all variants at it. */
static void set_randomisation(int v)
{
	int persona = personality(0xffffffff);

	if (cfg.diversity == DIV_NONE)
		persona |= ADDR_NO_RANDOMIZE;
	else if (cfg.diversity == DIV_DISJOINT && v > 0)
		persona &= ~ADDR_NO_RANDOMIZE;
	if (personality((unsigned long)persona) < 0)
		_exit(EXIT_STARTUP);
}

/* disjoint layouts rest on the kernel's randomisation being available */
static void check_randomisation(void)
{
	char c = '2';
	FILE *f;

	if (cfg.diversity != DIV_DISJOINT)
		return;
	f = fopen("/proc/sys/kernel/randomize_va_space", "re");
	if (f && fread(&c, 1, 1, f) != 1)
		c = '2';
	if (f)
		fclose(f);
	if (c == '0')
		die(EXIT_STARTUP,
		    "--diversity disjoint needs address-space randomisation, which /proc/sys/kernel/randomize_va_space (0) turns off for everyone: set it to 2 (sysctl kernel.randomize_va_space=2), or run with --diversity none (no protection)");
}

static void child(int v, int syncfd, const struct sock_fprog *filter,
		  const int *fds, int nfds)
{
	char c;
	int i;

	if (v > 0) {
		/* followers never touch the leader's objects */
		int null = open("/dev/null", O_RDWR | O_CLOEXEC);

		for (i = 0; i < nfds; i++)
			if (null < 0 || dup2(null, fds[i]) < 0)
				_exit(EXIT_STARTUP);
		close(null);
	}
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	set_randomisation(v);
	if (read(syncfd, &c, 1) != 1)
		_exit(EXIT_STARTUP);
	close(syncfd);
	/* with CAP_SYS_ADMIN the filter needs no no_new_privs, so setuid
	 * programs keep working when mvee runs as root */
	i = geteuid() && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ? -errno : 0;
	if (!i && syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
			  cfg.notify ? notify_filter_flags() : 0, filter) < 0)
		i = -errno;
	if (i) {
		if (v == 0)
			fprintf(stderr,
				"mvee: cannot install the seccomp filter: %s (mvee needs seccomp filters: a kernel with CONFIG_SECCOMP_FILTER and, in a container, a seccomp profile that allows seccomp(2), e.g. docker run --security-opt seccomp=unconfined)\n",
				strerror(-i));
		_exit(EXIT_STARTUP);
	}
	/* last before execve: from here on rdtsc faults (even the vDSO's) */
	if (prctl(PR_SET_TSC, PR_TSC_SIGSEGV, 0, 0, 0))
		_exit(EXIT_STARTUP);
	execv(cfg.exe[v], cfg.argv);
	if (v == 0)
		fprintf(stderr, "mvee: cannot execute %s: %s\n", cfg.exe[v],
			strerror(errno));
	_exit(errno == ENOENT ? EXIT_NOTFOUND : EXIT_NOEXEC);
}

void launch_variants(void)
{
	int fds[1024], nfds = inherited_fds(fds, 1024);
	struct sock_fprog filter;
	struct lproc *p;
	struct taskset *s;
	int v, i;

	check_randomisation();
	notify_setup();
	filter_build(&filter);
	p = xcalloc(1, sizeof(*p));
	p->pidfd = -1;
	fdmap_init(&p->fds);
	for (i = 0; i < nfds; i++)
		fdmap_set(&p->fds, fds[i], FD_LEADER);
	inherited_ignores(p);
	p->ppid = getpid();
	s = tasks_new_set(p, -1, 0);
	for (v = 0; v < cfg.nvariants; v++) {
		int sync[2];
		pid_t pid;
		struct task *t;

		if (pipe2(sync, O_CLOEXEC))
			die(EXIT_STARTUP, "pipe: %s", strerror(errno));
		fflush(NULL);
		pid = fork();
		if (pid < 0)
			die(EXIT_STARTUP, "cannot start variant %d: %s", v,
			    strerror(errno));
		if (pid == 0) {
			close(sync[1]);
			child(v, sync[0], &filter, fds, nfds);
		}
		close(sync[0]);
		t = s->task[v];
		t->tid = pid;
		t->state = TS_RUNNING;
		p->pid[v] = pid;
		if (ptrace(PTRACE_SEIZE, pid, 0, PTRACE_OPTIONS)) {
			int e = errno;

			kill(pid, SIGKILL);
			die(EXIT_STARTUP,
			    "cannot trace variant %d: %s (mvee needs ptrace: as root or with CAP_SYS_PTRACE, with /proc/sys/kernel/yama/ptrace_scope at most 2 (now %s), and in a container a seccomp profile that allows ptrace(2), e.g. docker run --cap-add=SYS_PTRACE --security-opt seccomp=unconfined)",
			    v, strerror(e), yama_scope());
		}
		if (write(sync[1], "x", 1) != 1)
			die(EXIT_STARTUP, "cannot start variant %d", v);
		close(sync[1]);
	}
	free(filter.filter);
}
