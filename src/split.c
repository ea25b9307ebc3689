/* split.c - selective lockstep for split builds: when --variant gives the
 * variants different executables (an AddressSanitizer build and a UBSan
 * build, gcc and clang), their runtimes make different calls that stay
 * inside the variant: loading their own libraries, reading
 * /proc/self/maps, mapping shadow memory, installing signal handlers.
 * Such a call runs in its variant alone, unsynchronised and not compared;
 * every call with an effect outside the variant (I/O on the leader's
 * objects, new pipes and sockets, file-system changes, processes,
 * signals to others, exec, exit) still meets at a rendezvous and is
 * compared. Which is which comes from the table: a call is private when
 * every variant would run its own (POL_ALL) and it names no shared object
 * and no process. getpid and its kind are answered at once. */
#include "monitor.h"

#include <signal.h>
#include <string.h>
#include <sys/stat.h>

/* fd arguments name only the variant's own files (not the leader's
 * objects), and a close or dup acts on a file mvee does not track */
static bool own_fds(const struct call *c)
{
	const struct fdmap *m = &c->task->proc->fds;
	int i;

	for (i = 0; i < c->row->nargs; i++) {
		int kind = c->row->arg[i].kind;
		enum fd_owner own;

		if (kind != A_FD && kind != A_DUPFD)
			continue;
		own = fdmap_get(m, (long)(int)c->arg[i]);
		if (own == FD_LEADER)
			return false;
		if ((c->row->flags & SCF_FDTABLE) && own != FD_FREE)
			return false;
	}
	return true;
}

/* the signals sanitizer runtimes catch to report a crash: the program's
 * own handlers for other signals are tracked at a rendezvous (signals.c) */
static bool fault_signal(int sig)
{
	return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL ||
	       sig == SIGFPE || sig == SIGTRAP || sig == SIGABRT;
}

static bool private_call(struct call *c)
{
	const struct sc_row *r = c->row;
	int i;

	if (!r ||
	    (r->flags & (SCF_LEADER_FD | SCF_EXEC | SCF_SIGWAIT | SCF_PURE)) ||
	    r->ret == RET_PID || r->ret == RET_NORETURN)
		return false;
	for (i = 0; i < r->nargs; i++) {
		int kind = r->arg[i].kind;

		/* pid 0 is the caller itself (prlimit64, sched_getaffinity),
		 * unless a signal goes with it (kill: its process group) */
		if ((kind == A_PID && (c->arg[i] || row_has(r, A_SIG))) ||
		    kind == A_FDPAIR ||
		    (kind == A_SIG && !fault_signal((int)c->arg[i])))
			return false;
	}
	if (!own_fds(c))
		return false;
	call_inputs(c);
	/* a /proc/self link names the variant's own executable or files,
	 * which differ between builds: each variant reads its own */
	if (c->nr == __NR_readlink || c->nr == __NR_readlinkat)
		return true;
	return policy_of(c) == POL_ALL;
}

/* getpid, gettid, getppid: the leader's numbers, at once */
static bool answered(const struct call *c)
{
	return c->row && c->row->policy == POL_MONITOR && !c->row->nargs;
}

bool split_private(struct task *t)
{
	if (!cfg.split)
		return false;
	call_load(&t->call, t);
	if (answered(&t->call)) {
		arch_set_skip(&t->regs, emulate_call(t->set, &t->call));
		task_store(t);
		task_resume(t, 0, 0);
		return true;
	}
	if (!private_call(&t->call))
		return false;
	if (layout_changes(&t->call))
		t->proc->layout_dirty = true;
	task_resume(t, 0, 0);
	return true;
}

/* split builds: some --variant executable differs from the leader's */
void split_setup(void)
{
	struct stat a, b;
	int v;

	for (v = 1; v < cfg.nvariants; v++) {
		if (!strcmp(cfg.exe[v], cfg.exe[0]))
			continue;
		if (stat(cfg.exe[0], &a) || stat(cfg.exe[v], &b) ||
		    a.st_dev != b.st_dev || a.st_ino != b.st_ino)
			cfg.split = true;
	}
}
