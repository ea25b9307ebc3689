/* policy.c - the policy of a call: the row's, or what its decision
 * function or handler derives from the arguments; and the translation of
 * pid numbers between the leader's view (which every variant sees) and
 * each variant's own. */
#include "monitor.h"
#include "tmem.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static enum sc_policy by_fd(const struct call *c, long fd)
{
	struct lproc *p = c->task->proc;

	return fdmap_get(&p->fds, fd) == FD_LEADER ? POL_LEADER : POL_ALL;
}

/* the leader's when any fd argument is leader-owned: copy_file_range,
 * sendfile and splice from a file into a pipe or socket write once */
enum sc_policy policy_by_fd(const struct call *c)
{
	int i;

	for (i = 0; i < c->row->nargs; i++)
		if ((c->row->arg[i].kind == A_FD ||
		     c->row->arg[i].kind == A_DUPFD) &&
		    by_fd(c, (long)(int)c->arg[i]) == POL_LEADER)
			return POL_LEADER;
	return POL_ALL;
}

/* the path argument as read at entry (the first A_STR span) */
static const char *call_path(const struct call *c, int *argi)
{
	int k;

	for (k = 0; k < c->in.n; k++) {
		const struct span *s = &c->in.s[k];

		if (c->row->arg[s->arg].kind == A_STR &&
		    !(s->flags & SPAN_FAULT)) {
			*argi = s->arg;
			return (const char *)span_data(c, s);
		}
	}
	return NULL;
}

/* Does path name the calling process's own /proc entry or something in
 * it (/proc/self, /proc/thread-self, /proc/PID with its variant's pid)?
 * What is there names each variant's own objects (its pid, a follower's
 * placeholder fds, whose links have another mode and target), so the
 * leader's answer is the one the program sees. */
static bool own_proc_path(const struct call *c, const char *path)
{
	char own[32];
	size_t n;

	if (!strncmp(path, "/proc/self", 10) ||
	    !strncmp(path, "/proc/thread-self", 17))
		return true;
	n = (size_t)snprintf(own, sizeof(own), "/proc/%d",
			     (int)c->task->proc->pid[c->variant]);
	return !strncmp(path, own, n) && (path[n] == '/' || !path[n]);
}

enum sc_policy policy_at(const struct call *c)
{
	int argi = -1;
	const char *path = call_path(c, &argi);
	long flags = -1;
	int i;

	/* the flags argument holding AT_EMPTY_PATH is the last FLAGS */
	for (i = 0; i < c->row->nargs; i++)
		if (c->row->arg[i].kind == A_FLAGS)
			flags = (long)c->arg[i];
	/* "" or (Linux 6.11+) NULL with AT_EMPTY_PATH: the fd itself */
	if ((!path || !path[0]) && flags >= 0 && (flags & AT_EMPTY_PATH) &&
	    (path || !c->arg[1]))
		return by_fd(c, (long)(int)c->arg[0]);
	return path && own_proc_path(c, path) ? POL_LEADER : POL_ALL;
}

/* where the monitor can see the file a variant names: /proc/self of the
 * variant, its cwd, its dirfd */
static void resolve(const struct call *c, long dirfd, const char *path,
		    char *out, size_t size)
{
	pid_t tid = c->tid;

	if (!strncmp(path, "/proc/self", 10) && (path[10] == '/' || !path[10]))
		snprintf(out, size, "/proc/%d%s", (int)c->task->proc->pid[0],
			 path + 10);
	else if (!strncmp(path, "/proc/thread-self", 17))
		snprintf(out, size, "/proc/%d%s", (int)tid, path + 17);
	else if (path[0] == '/')
		snprintf(out, size, "%s", path);
	else if (dirfd == AT_FDCWD)
		snprintf(out, size, "/proc/%d/cwd/%s", (int)tid, path);
	else
		snprintf(out, size, "/proc/%d/fd/%ld/%s", (int)tid, dirfd,
			 path);
}

/* devices that every variant may open for itself */
static bool private_device(const char *path)
{
	static const char *const ok[] = { "/dev/null", "/dev/zero",
					  "/dev/full" };
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (!strcmp(path, ok[i]))
			return true;
	return false;
}

enum sc_policy policy_open(const struct call *c)
{
	char where[PATH_MAX + 64];
	int argi = -1;
	const char *path = call_path(c, &argi);
	long dirfd = AT_FDCWD;
	uint64_t flags;
	struct stat st;

	if (!path)
		return POL_ALL; /* EFAULT in all */
	if (c->nr == __NR_creat)
		return POL_LEADER;
	if (c->nr == __NR_openat2) {
		uint64_t how = 0;
		int k;

		for (k = 0; k < c->in.n; k++)
			if (c->in.s[k].arg == 2 && c->in.s[k].len >= 8)
				memcpy(&how, span_data(c, &c->in.s[k]), 8);
		flags = how;
	} else {
		flags = c->arg[argi + 1];
	}
	if (argi > 0)
		dirfd = (long)(int)c->arg[0];
	/* O_PATH ignores the access mode and every flag but O_CLOEXEC,
	 * O_DIRECTORY and O_NOFOLLOW: a reference no I/O goes through */
	if (flags & O_PATH)
		return POL_ALL;
	if ((flags & O_ACCMODE) != O_RDONLY || (flags & (O_CREAT | O_TRUNC)) ||
	    (flags & O_TMPFILE) == O_TMPFILE)
		return POL_LEADER;
	if (path[0] != '/' && dirfd != AT_FDCWD &&
	    fdmap_get(&c->task->proc->fds, dirfd) == FD_LEADER)
		return POL_LEADER;
	resolve(c, dirfd, path, where, sizeof(where));
	if (stat(where, &st))
		return POL_ALL; /* fails the same way in all */
	if (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))
		return POL_ALL;
	if (S_ISCHR(st.st_mode) && private_device(path))
		return POL_ALL;
	return POL_LEADER; /* ttys, devices, FIFOs, sockets */
}

/* kill(0 or -pgrp or -1): a signal to a process group, or to everyone,
 * reaches every variant (they share mvee's group), so the leader alone
 * sends it; the followers get the leader's copy like any signal it sends
 * them (signals.c). A pid names one process: each variant signals its own. */
enum sc_policy policy_kill(const struct call *c)
{
	return (int)c->arg[0] <= 0 ? POL_LEADER : POL_ALL;
}

enum sc_policy policy_own_proc(const struct call *c)
{
	int argi = -1;
	const char *path = call_path(c, &argi);

	return path && own_proc_path(c, path) ? POL_LEADER : POL_ALL;
}

/* madvise advice that hints or drops the variant's own pages, with no
 * effect outside it: MADV_NORMAL, RANDOM, SEQUENTIAL, WILLNEED, DONTNEED,
 * FREE, COLD, PAGEOUT, DONTNEED_LOCKED. Not MADV_REMOVE (frees a shared
 * file's blocks), HWPOISON, DONTFORK or the rest. */
bool call_is_local(long nr, const uint64_t arg[6])
{
	if (nr != __NR_madvise)
		return false;
	switch (arg[2]) {
	case 0: /* MADV_NORMAL */
	case 1: /* MADV_RANDOM */
	case 2: /* MADV_SEQUENTIAL */
	case 3: /* MADV_WILLNEED */
	case 4: /* MADV_DONTNEED */
	case 8: /* MADV_FREE */
	case 20: /* MADV_COLD */
	case 21: /* MADV_PAGEOUT */
	case 24: /* MADV_DONTNEED_LOCKED */
		return true;
	default:
		return false;
	}
}

/* a task of the program, alive or ended (a zombie still to be waited
 * for is the program's) */
bool pid_is_live(long pid)
{
	int i, v;

	for (i = 0; i < nsets; i++)
		for (v = 0; v < sets[i]->n; v++)
			if (sets[i]->task[v]->tid == pid ||
			    sets[i]->proc->pid[v] == pid)
				return true;
	return false;
}

bool pid_is_ours(long pid)
{
	int v;

	if (pid_is_live(pid))
		return true;
	for (v = 0; v < cfg.nvariants; v++)
		if (tasks_dead_pid(v, v, (pid_t)pid))
			return true;
	return false;
}

pid_t pid_to_variant(int v, long leader_pid)
{
	long p = leader_pid < 0 ? -leader_pid : leader_pid;
	int i;

	for (i = 0; i < nsets; i++) {
		struct taskset *s = sets[i];

		if (s->proc->pid[0] == p)
			return (pid_t)(leader_pid < 0 ? -s->proc->pid[v] :
							s->proc->pid[v]);
		if (s->task[0]->tid == p)
			return (pid_t)(leader_pid < 0 ? -s->task[v]->tid :
							s->task[v]->tid);
	}
	if ((p = tasks_dead_pid(0, v, (pid_t)p)))
		return (pid_t)(leader_pid < 0 ? -p : p);
	return (pid_t)leader_pid;
}

long pid_to_leader(int v, long pid)
{
	int i;

	for (i = 0; i < nsets; i++) {
		struct taskset *s = sets[i];

		if (s->proc->pid[v] == pid)
			return s->proc->pid[0];
		if (s->task[v]->tid == pid)
			return s->task[0]->tid;
	}
	if (v && (i = tasks_dead_pid(v, 0, (pid_t)pid)))
		return i;
	return pid;
}

/* waitid's id is a pid only for P_PID and P_PGID (P_PIDFD: an fd) */
bool pid_arg_is_pid(const struct call *c, int i)
{
	if (c->nr == __NR_waitid && i == 1)
		return c->arg[0] == P_PID || c->arg[0] == P_PGID;
	return true;
}

/* a pid argument naming a process outside the program: its effect must
 * happen once, so the leader alone sends it */
static bool foreign_pid_arg(const struct call *c)
{
	int i;

	for (i = 0; i < c->row->nargs; i++) {
		long p = (long)(int)c->arg[i];

		if (c->row->arg[i].kind != A_PID || p == 0 || p == -1 ||
		    !pid_arg_is_pid(c, i))
			continue;
		if (!pid_is_ours(p < 0 ? -p : p))
			return true;
	}
	return false;
}

int policy_of(struct call *c)
{
	const struct sc_row *r = c->row;
	int pol;

	if (!r)
		return POL_DENY;
	pol = r->policy;
	if (r->handler && r->handler->policy)
		pol = r->handler->policy(c);
	else if (r->decide)
		pol = r->decide(c);
	if (pol == POL_ALL && foreign_pid_arg(c))
		pol = POL_LEADER;
	return pol;
}
