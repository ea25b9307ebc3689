/* test_systable.c - checks the system-call table (src/systable.c) against
 * the kernel headers and libseccomp, and checks that every row is
 * well formed: names, argument sizes, policies, fd and pid rows, and the
 * rows whose structs hold pointers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <limits.h>
#include <seccomp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "monitor.h"
#include "systable.h"

#define HEADER "/usr/include/x86_64-linux-gnu/asm/unistd_64.h"
#define HEADER_ALT "/usr/include/asm/unistd_64.h"

/* syscalls newer than Debian 12's header, with their x86_64 numbers */
static const struct {
	const char *name;
	long nr;
} newer[] = {
	{ "cachestat", 451 },	      { "fchmodat2", 452 },
	{ "map_shadow_stack", 453 },  { "futex_wake", 454 },
	{ "futex_wait", 455 },	      { "futex_requeue", 456 },
	{ "statmount", 457 },	      { "listmount", 458 },
	{ "lsm_get_self_attr", 459 }, { "lsm_set_self_attr", 460 },
	{ "lsm_list_modules", 461 },  { "mseal", 462 },
	{ "setxattrat", 463 },	      { "getxattrat", 464 },
	{ "listxattrat", 465 },	      { "removexattrat", 466 },
	{ "open_tree_attr", 467 },    { "file_getattr", 468 },
	{ "file_setattr", 469 },
};
#define NNEWER (sizeof(newer) / sizeof(newer[0]))

static const struct sc_row *row_named(const char *name)
{
	long nr;

	for (nr = 0; nr < SC_MAX_NR; nr++) {
		const struct sc_row *r = systable_row(nr);

		if (r && !strcmp(r->name, name))
			return r;
	}
	return NULL;
}

static const struct sc_row *must_row(const char *name)
{
	const struct sc_row *r = row_named(name);

	if (!r)
		fail_msg("no row named %s", name);
	return r;
}

static bool in_list(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(name, *list))
			return true;
	return false;
}

static bool row_has_kind(const struct sc_row *r, int kind)
{
	int i;

	for (i = 0; i < r->nargs; i++)
		if (r->arg[i].kind == kind)
			return true;
	return false;
}

static bool is_scalar(int kind)
{
	return kind == A_INT || kind == A_UINT || kind == A_FLAGS ||
	       kind == A_OCT || kind == A_FD || kind == A_DUPFD ||
	       kind == A_PID || kind == A_SIG || kind == A_OMODE;
}

/* the rows that carry flag f are exactly these */
static void rows_with_flag(unsigned f, const char *const *names, size_t n)
{
	size_t i, seen = 0;
	long nr;

	for (i = 0; i < n; i++)
		if (!(must_row(names[i])->flags & f))
			fail_msg("%s lacks flag %#x", names[i], f);
	for (nr = 0; nr < SC_MAX_NR; nr++) {
		const struct sc_row *r = systable_row(nr);

		if (r && (r->flags & f))
			seen++;
	}
	if (seen != n)
		fail_msg("flag %#x on %zu rows, expected %zu", f, seen, n);
}

/* every __NR_ of the installed header, parsed at run time */
static void test_header_names(void **state)
{
	char line[256], name[128];
	long nr;
	int n = 0;
	FILE *f = fopen(HEADER, "r");

	(void)state;
	if (!f)
		f = fopen(HEADER_ALT, "r");
	assert_non_null(f);
	while (fgets(line, sizeof(line), f)) {
		const struct sc_row *r;

		if (sscanf(line, "#define __NR_%127s %ld", name, &nr) != 2)
			continue;
		n++;
		r = systable_row(nr);
		if (!r)
			fail_msg("__NR_%s (%ld) has no row", name, nr);
		if (strcmp(r->name, name))
			fail_msg("row %ld is named %s, the header says %s", nr,
				 r->name, name);
	}
	fclose(f);
	assert_true(n >= 362);
}

static void test_newer_numbers(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < NNEWER; i++) {
		const struct sc_row *r = systable_row(newer[i].nr);

		if (!r || strcmp(r->name, newer[i].name))
			fail_msg("%s should be row %ld", newer[i].name,
				 newer[i].nr);
	}
}

/* rows are the header's names plus the newer ones, nothing else */
static void test_row_count(void **state)
{
	char line[256], name[128];
	long nr;
	int header = 0, rows = 0;
	FILE *f = fopen(HEADER, "r");

	(void)state;
	if (!f)
		f = fopen(HEADER_ALT, "r");
	assert_non_null(f);
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "#define __NR_%127s %ld", name, &nr) == 2)
			header++;
	fclose(f);
	for (nr = 0; nr < SC_MAX_NR; nr++)
		if (systable_row(nr))
			rows++;
	for (nr = 0; nr < SC_MAX_NR; nr++)
		if (!systable_row(nr))
			assert_null(systable[nr].name);
	/* the newer ones the header may already have */
	assert_true(rows >= header);
	assert_true(rows <= header + (int)NNEWER);
}

static void test_seccomp_names(void **state)
{
	long nr;
	int known = 0;

	(void)state;
	for (nr = 0; nr < SC_MAX_NR; nr++) {
		const struct sc_row *r = systable_row(nr);
		char *s = seccomp_syscall_resolve_num_arch(SCMP_ARCH_X86_64,
							   (int)nr);
		int back;

		if (!s) {
			continue; /* unknown to this libseccomp */
		}
		if (!r)
			fail_msg(
				"libseccomp knows %ld as %s, the table has no row",
				nr, s);
		if (strcmp(r->name, s))
			fail_msg("row %ld is %s, libseccomp says %s", nr,
				 r->name, s);
		back = seccomp_syscall_resolve_name_arch(SCMP_ARCH_X86_64,
							 r->name);
		assert_int_equal(back, nr);
		free(s);
		known++;
	}
	assert_true(known >= 362);
}

static void check_size(const struct sc_row *r, int i)
{
	const struct sc_arg *a = &r->arg[i];
	const struct sc_size *z = &a->size;
	int src = z->idx;

	switch (z->how) {
	case SZ_CONST:
		if (!z->n)
			fail_msg("%s arg %d: constant size 0", r->name, i);
		break;
	case SZ_ARG:
	case SZ_FDSET:
		if (src >= r->nargs || !is_scalar(r->arg[src].kind))
			fail_msg("%s arg %d: size from arg %d, not a scalar",
				 r->name, i, src);
		break;
	case SZ_RET:
		if (a->kind != A_OUT)
			fail_msg("%s arg %d: a return-sized buffer must be OUT",
				 r->name, i);
		if (src == 7)
			break; /* SZRNOCAP */
		if (src >= r->nargs || !is_scalar(r->arg[src].kind))
			fail_msg("%s arg %d: cap from arg %d, not a scalar",
				 r->name, i, src);
		break;
	case SZ_DEREF:
		if (src >= r->nargs ||
		    (r->arg[src].kind != A_IN && r->arg[src].kind != A_INOUT))
			fail_msg(
				"%s arg %d: length pointer arg %d is not IN/INOUT",
				r->name, i, src);
		/* an output's entry bound is read from the length's span */
		if (a->kind != A_IN && (r->arg[src].kind != A_INOUT ||
					r->arg[src].size.how != SZ_CONST ||
					r->arg[src].size.n != 4))
			fail_msg(
				"%s arg %d: length arg %d must be INOUT(SZC(4))",
				r->name, i, src);
		break;
	default:
		fail_msg("%s arg %d: memory argument without a size", r->name,
			 i);
	}
}

static void test_args(void **state)
{
	long nr;

	(void)state;
	for (nr = 0; nr < SC_MAX_NR; nr++) {
		const struct sc_row *r = systable_row(nr);
		int i, custom = 0;

		if (!r)
			continue;
		assert_true(r->nargs <= 6);
		for (i = r->nargs; i < 6; i++)
			if (r->arg[i].kind != A_NONE)
				fail_msg("%s: arg %d beyond nargs", r->name, i);
		for (i = 0; i < r->nargs; i++) {
			const struct sc_arg *a = &r->arg[i];

			if (a->kind > A_CUSTOM)
				fail_msg("%s arg %d: bad kind", r->name, i);
			if (a->kind == A_NONE) {
				if (r->policy != POL_DENY)
					fail_msg("%s arg %d has no kind",
						 r->name, i);
				continue;
			}
			switch (a->kind) {
			case A_IN:
			case A_OUT:
			case A_INOUT:
			case A_SOCKADDR:
				check_size(r, i);
				break;
			case A_OMODE:
				/* compared only when the flags before it say
				 * O_CREAT or O_TMPFILE */
				if (!i || r->arg[i - 1].kind != A_FLAGS)
					fail_msg(
						"%s arg %d: OMODE not after FLAGS",
						r->name, i);
				break;
			case A_STR:
				assert_int_equal(a->size.how, SZ_STRLEN);
				break;
			case A_IOV_IN:
			case A_IOV_OUT:
				if (a->size.how != SZ_ARG || a->size.n != 16 ||
				    a->size.idx >= r->nargs ||
				    !is_scalar(r->arg[a->size.idx].kind))
					fail_msg("%s arg %d: bad iovec count",
						 r->name, i);
				break;
			case A_FDPAIR:
				assert_int_equal(a->size.how, SZ_CONST);
				assert_int_equal(a->size.n, 8);
				break;
			case A_CUSTOM:
				custom++;
				if (!r->handler)
					fail_msg(
						"%s arg %d: CUSTOM without a handler",
						r->name, i);
				assert_int_equal(a->size.how, SZ_NONE);
				break;
			default:
				if (a->size.how != SZ_NONE)
					fail_msg(
						"%s arg %d: a size on a scalar",
						r->name, i);
			}
		}
		/* the handler's inputs hook runs once per CUSTOM argument */
		if (custom > 1)
			fail_msg("%s: more than one CUSTOM argument", r->name);
	}
}

static void test_policies(void **state)
{
	static const char *const monitor[] = { "getpid", "getppid", "gettid",
					       NULL };
	static const char *const noreturn[] = { "exit", "exit_group",
						"rt_sigreturn", NULL };
	long nr;

	(void)state;
	for (nr = 0; nr < SC_MAX_NR; nr++) {
		const struct sc_row *r = systable_row(nr);

		if (!r)
			continue;
		assert_true(r->policy <= POL_DENY);
		assert_true(r->ret <= RET_NORETURN);
		if (r->flags &
		    ~(SCF_LEADER_FD | SCF_BLOCKS | SCF_FDTABLE | SCF_NOCMP |
		      SCF_EXEC | SCF_PLACE | SCF_TMPNAME | SCF_UNSYNC |
		      SCF_PURE | SCF_SIGWAIT | SCF_MONIO | SCF_CLOCK |
		      SCF_LOCAL | SCF_CHILDWAIT))
			fail_msg("%s: unknown flags", r->name);
		if ((r->policy == POL_DENY) != (r->err > 0))
			fail_msg("%s: DENY rows and only they carry an errno",
				 r->name);
		if (r->policy == POL_DENY && (r->decide || r->handler))
			fail_msg("%s: a DENY row decides nothing", r->name);
		if ((r->policy == POL_MONITOR) != in_list(r->name, monitor))
			fail_msg("%s: POL_MONITOR is for getpid/getppid/gettid",
				 r->name);
		if ((r->ret == RET_NORETURN) != in_list(r->name, noreturn))
			fail_msg("%s: RET_NORETURN misplaced", r->name);
		if ((r->flags & SCF_NOCMP) && strcmp(r->name, "rt_sigreturn"))
			fail_msg("%s: SCF_NOCMP", r->name);
		if (r->flags & SCF_EXEC) {
			if (strcmp(r->name, "execve") &&
			    strcmp(r->name, "execveat"))
				fail_msg("%s: SCF_EXEC", r->name);
			assert_int_equal(r->ret, RET_INT);
			assert_int_equal(r->policy, POL_ALL);
		}
		if (r->decide) {
			if (r->decide != policy_by_fd &&
			    r->decide != policy_open &&
			    r->decide != policy_at &&
			    r->decide != policy_own_proc &&
			    r->decide != policy_kill)
				fail_msg("%s: unknown decision function",
					 r->name);
			if (r->handler)
				fail_msg("%s: both decide and handler",
					 r->name);
			assert_int_equal(r->policy, POL_LEADER);
		}
		if (r->decide == policy_by_fd && !row_has_kind(r, A_FD) &&
		    !row_has_kind(r, A_DUPFD))
			fail_msg("%s: policy_by_fd without an fd", r->name);
		if (r->decide == policy_at) {
			if (r->arg[0].kind != A_FD || r->arg[1].kind != A_STR ||
			    !row_has_kind(r, A_FLAGS))
				fail_msg(
					"%s: policy_at needs dirfd, path, flags",
					r->name);
		}
		if (r->decide == policy_open) {
			int i;

			for (i = 0; i < r->nargs && r->arg[i].kind != A_STR;
			     i++)
				;
			if (i == r->nargs)
				fail_msg("%s: policy_open without a path",
					 r->name);
			/* the flags follow the path (openat2: in open_how) */
			if (strcmp(r->name, "creat") &&
			    strcmp(r->name, "openat2") &&
			    (i + 1 >= r->nargs ||
			     r->arg[i + 1].kind != A_FLAGS))
				fail_msg(
					"%s: policy_open needs flags after the path",
					r->name);
		}
		/* pid arguments are translated for every variant; kill of a
		 * group (pid <= 0: nothing to translate) is the leader's, and
		 * a follower's wait becomes one for the leader's child */
		if (row_has_kind(r, A_PID) && r->policy != POL_ALL &&
		    r->decide != policy_kill && !(r->flags & SCF_CHILDWAIT))
			fail_msg("%s: a PID row must be POL_ALL", r->name);
	}
	assert_ptr_equal(must_row("open")->decide, policy_open);
	assert_ptr_equal(must_row("openat")->decide, policy_open);
	assert_ptr_equal(must_row("openat2")->decide, policy_open);
	assert_ptr_equal(must_row("creat")->decide, policy_open);
	assert_ptr_equal(must_row("newfstatat")->decide, policy_at);
	assert_ptr_equal(must_row("statx")->decide, policy_at);
	assert_ptr_equal(must_row("read")->decide, policy_by_fd);
	assert_ptr_equal(must_row("write")->decide, policy_by_fd);
	assert_ptr_equal(must_row("accept4")->decide, policy_by_fd);
}

static void test_deny(void **state)
{
	static const char *const eperm[] = { "ptrace",
					     "process_vm_readv",
					     "process_vm_writev",
					     "kexec_load",
					     "kexec_file_load",
					     "init_module",
					     "finit_module",
					     "delete_module",
					     "pidfd_getfd",
					     "process_madvise",
					     "userfaultfd",
					     "perf_event_open",
					     "bpf",
					     "iopl",
					     "ioperm",
					     "modify_ldt",
					     "lookup_dcookie",
					     NULL };
	static const char *const enosys[] = {
		"io_uring_setup",
		"io_uring_enter",
		"io_uring_register",
		"io_setup",
		"io_destroy",
		"io_submit",
		"io_cancel",
		"io_getevents",
		"io_pgetevents",
		"afs_syscall",
		"tuxcall",
		"security",
		"getpmsg",
		"putpmsg",
		"vserver",
		"create_module",
		"get_kernel_syms",
		"query_module",
		"nfsservctl",
		"uselib",
		"_sysctl",
		"epoll_ctl_old",
		"epoll_wait_old",
		"set_thread_area",
		"get_thread_area",
		"msgrcv", /* no size source for its output */
		NULL
	};
	long nr;

	(void)state;
	for (nr = 0; nr < SC_MAX_NR; nr++) {
		const struct sc_row *r = systable_row(nr);

		if (!r)
			continue;
		if (in_list(r->name, eperm)) {
			assert_int_equal(r->policy, POL_DENY);
			assert_int_equal(r->err, EPERM);
		} else if (in_list(r->name, enosys)) {
			assert_int_equal(r->policy, POL_DENY);
			assert_int_equal(r->err, ENOSYS);
		} else if (r->policy == POL_DENY) {
			fail_msg("%s is denied but on no list", r->name);
		}
	}
	assert_int_equal(must_row("remap_file_pages")->policy, POL_ALL);
}

static void test_fd_rows(void **state)
{
	static const char *const leader_fd[] = {
		"socket",	  "socketpair",
		"pipe",		  "pipe2",
		"eventfd",	  "eventfd2",
		"epoll_create",	  "epoll_create1",
		"timerfd_create", "signalfd",
		"signalfd4",	  "inotify_init",
		"inotify_init1",  "fanotify_init",
		"pidfd_open",	  NULL
	};
	/* calls that return a new fd */
	static const char *const new_fd[] = { "open",
					      "openat",
					      "openat2",
					      "creat",
					      "accept",
					      "accept4",
					      "dup",
					      "dup2",
					      "dup3",
					      "socket",
					      "epoll_create",
					      "epoll_create1",
					      "eventfd",
					      "eventfd2",
					      "signalfd",
					      "signalfd4",
					      "timerfd_create",
					      "inotify_init",
					      "inotify_init1",
					      "fanotify_init",
					      "pidfd_open",
					      "memfd_create",
					      "memfd_secret",
					      "mq_open",
					      "open_by_handle_at",
					      "fsopen",
					      "fsmount",
					      "fspick",
					      "open_tree",
					      "open_tree_attr",
					      "landlock_create_ruleset",
					      NULL };
	static const char *const fdtable[] = { "close", "close_range", "dup2",
					       "dup3", NULL };
	long nr;

	(void)state;
	for (nr = 0; nr < SC_MAX_NR; nr++) {
		const struct sc_row *r = systable_row(nr);
		bool pair;

		if (!r)
			continue;
		pair = row_has_kind(r, A_FDPAIR);
		if (((r->flags & SCF_LEADER_FD) != 0) !=
		    in_list(r->name, leader_fd))
			fail_msg("%s: SCF_LEADER_FD misplaced", r->name);
		if (r->flags & SCF_LEADER_FD) {
			assert_int_equal(r->policy, POL_ALL);
			assert_null(r->decide);
			if ((r->ret == RET_FD) == pair)
				fail_msg(
					"%s: a leader fd comes back as the return or in an int[2]",
					r->name);
		}
		if (pair)
			assert_int_equal(r->ret, RET_INT);
		if ((r->ret == RET_FD) != in_list(r->name, new_fd))
			fail_msg("%s: RET_FD misplaced", r->name);
		if (r->ret == RET_FD &&
		    (r->policy == POL_DENY || r->policy == POL_MONITOR))
			fail_msg("%s: RET_FD on a call nobody executes",
				 r->name);
		if (row_has_kind(r, A_DUPFD)) {
			assert_int_equal(r->ret, RET_FD);
			assert_int_equal(r->arg[0].kind, A_DUPFD);
			assert_int_equal(r->policy, POL_ALL);
		}
		if (((r->flags & SCF_FDTABLE) != 0) !=
		    in_list(r->name, fdtable))
			fail_msg("%s: SCF_FDTABLE misplaced", r->name);
	}
	assert_int_equal(must_row("memfd_create")->flags & SCF_LEADER_FD, 0);
	assert_int_equal(must_row("memfd_create")->policy, POL_ALL);
	assert_int_equal(must_row("close")->policy, POL_ALL);
}

static void test_pid_rows(void **state)
{
	static const char *const ret_pid[] = {
		"wait4",   "clone",   "fork",	 "vfork",  "clone3",
		"getpgid", "getsid",  "getpgrp", "setsid", "set_tid_address",
		"getpid",  "getppid", "gettid",	 NULL
	};
	static const char *const pid_arg[] = { "kill",
					       "tgkill",
					       "tkill",
					       "wait4",
					       "waitid",
					       "getpgid",
					       "setpgid",
					       "getsid",
					       "sched_setaffinity",
					       "sched_getaffinity",
					       "sched_setparam",
					       "sched_getparam",
					       "sched_setscheduler",
					       "sched_getscheduler",
					       "sched_rr_get_interval",
					       "sched_setattr",
					       "sched_getattr",
					       "prlimit64",
					       "pidfd_open",
					       "rt_sigqueueinfo",
					       "rt_tgsigqueueinfo",
					       NULL };
	long nr;

	(void)state;
	for (nr = 0; nr < SC_MAX_NR; nr++) {
		const struct sc_row *r = systable_row(nr);

		if (!r)
			continue;
		if ((r->ret == RET_PID) != in_list(r->name, ret_pid))
			fail_msg("%s: RET_PID misplaced", r->name);
		if (in_list(r->name, pid_arg) && !row_has_kind(r, A_PID))
			fail_msg("%s: no PID argument", r->name);
	}
	assert_int_equal(must_row("waitid")->ret, RET_INT);
	assert_int_equal(must_row("waitid")->arg[2].kind, A_OUT);
	assert_int_equal(must_row("waitid")->arg[2].size.n, 128);
}

/* structs that hold pointers are never compared as bytes */
static void test_pointer_structs(void **state)
{
	static const struct {
		const char *name;
		int arg;
		const struct sc_handler *h; /* NULL: PTR or CUSTOM, any */
	} ptrs[] = {
		{ "rt_sigaction", 1, &handler_sigaction },
		{ "rt_sigaction", 2, &handler_sigaction },
		{ "sigaltstack", 0, &handler_sigaltstack },
		{ "sigaltstack", 1, &handler_sigaltstack },
		{ "sendmsg", 1, &handler_sendmsg },
		{ "recvmsg", 1, &handler_recvmsg },
		{ "sendmmsg", 1, &handler_sendmmsg },
		{ "recvmmsg", 1, &handler_recvmmsg },
		{ "epoll_ctl", 3, &handler_epoll_ctl },
		{ "timer_create", 1, &handler_sigevent },
		{ "mq_notify", 1, &handler_sigevent },
		{ "clone3", 0, &handler_clone },
		{ "pselect6", 5, &handler_pselect },
		{ "ioctl", 2, &handler_ioctl },
		{ "fcntl", 2, &handler_fcntl },
		{ "seccomp", 2, NULL },
		{ "set_robust_list", 0, NULL },
		{ "get_robust_list", 1, NULL },
		{ "rseq", 0, NULL },
		{ "futex_waitv", 0, NULL },
		{ "futex_requeue", 0, NULL },
		{ "rt_sigqueueinfo", 2, NULL },
		{ "rt_tgsigqueueinfo", 3, NULL },
		{ "pidfd_send_signal", 2, NULL },
		{ "setxattrat", 4, NULL },
		{ "getxattrat", 4, NULL },
		{ "prctl", 1, NULL },
		{ "arch_prctl", 1, NULL },
		{ "futex", 0, NULL },
		{ "move_pages", 2, NULL },
		{ "mount", 4, NULL },
		{ "shmctl", 2, NULL },
		{ "msgctl", 2, NULL },
		{ "semctl", 3, NULL },
	};
	static const char *const epoll_wait[] = { "epoll_wait", "epoll_pwait",
						  "epoll_pwait2", NULL };
	size_t i;
	long nr;

	(void)state;
	for (i = 0; i < sizeof(ptrs) / sizeof(ptrs[0]); i++) {
		const struct sc_row *r = must_row(ptrs[i].name);
		int k = r->arg[ptrs[i].arg].kind;

		if (k != A_PTR && k != A_CUSTOM)
			fail_msg("%s arg %d holds pointers: PTR or CUSTOM",
				 r->name, ptrs[i].arg);
		if (ptrs[i].h && r->handler != ptrs[i].h)
			fail_msg("%s: wrong handler", r->name);
	}
	for (nr = 0; nr < SC_MAX_NR; nr++) {
		const struct sc_row *r = systable_row(nr);

		if (r && in_list(r->name, epoll_wait)) {
			assert_ptr_equal(r->handler, &handler_epoll_wait);
			assert_int_equal(r->policy, POL_LEADER);
			assert_int_equal(r->arg[1].kind, A_OUT);
			assert_int_equal(r->arg[1].size.how, SZ_RET);
			assert_int_equal(r->arg[1].size.n, 12);
		}
	}
	assert_ptr_equal(must_row("clone")->handler, &handler_clone);
	assert_ptr_equal(must_row("fork")->handler, &handler_clone);
	assert_ptr_equal(must_row("vfork")->handler, &handler_clone);
	assert_int_equal(must_row("clone")->policy, POL_ALL);
	assert_int_equal(must_row("rt_sigaction")->policy, POL_ALL);
	assert_int_equal(must_row("sigaltstack")->policy, POL_ALL);
	assert_int_equal(must_row("epoll_ctl")->policy, POL_LEADER);
	assert_int_equal(must_row("ioctl")->policy, POL_LEADER);
}

static void expect_size(const char *name, int arg, int kind, int how, int idx,
			int n)
{
	const struct sc_row *r = must_row(name);
	const struct sc_arg *a = &r->arg[arg];

	if (a->kind != kind || a->size.how != how ||
	    (how != SZ_CONST && a->size.idx != idx) || a->size.n != n)
		fail_msg("%s arg %d: kind %d size {%d, %d, %d}", name, arg,
			 a->kind, a->size.how, a->size.idx, a->size.n);
}

/* outputs sized as the kernel writes them */
static void test_sizes(void **state)
{
	(void)state;
	expect_size("read", 1, A_OUT, SZ_RET, 2, 1);
	expect_size("getdents64", 1, A_OUT, SZ_RET, 2, 1);
	expect_size("readlink", 1, A_OUT, SZ_RET, 2, 1);
	expect_size("getcwd", 0, A_OUT, SZ_RET, 1, 1);
	expect_size("getrandom", 0, A_OUT, SZ_RET, 1, 1);
	expect_size("recvfrom", 1, A_OUT, SZ_RET, 2, 1);
	expect_size("recvfrom", 4, A_OUT, SZ_DEREF, 5, 4);
	expect_size("recvfrom", 5, A_INOUT, SZ_CONST, 0, 4);
	expect_size("accept", 1, A_OUT, SZ_DEREF, 2, 4);
	expect_size("getsockopt", 3, A_OUT, SZ_DEREF, 4, 4);
	expect_size("readv", 1, A_IOV_OUT, SZ_ARG, 2, 16);
	expect_size("preadv", 1, A_IOV_OUT, SZ_ARG, 2, 16);
	expect_size("writev", 1, A_IOV_IN, SZ_ARG, 2, 16);
	expect_size("poll", 0, A_INOUT, SZ_ARG, 1, 8);
	expect_size("getgroups", 1, A_OUT, SZ_RET, 0, 4);
	expect_size("listxattr", 1, A_OUT, SZ_RET, 2, 1);
	expect_size("getxattr", 2, A_OUT, SZ_RET, 3, 1);
	expect_size("pipe", 0, A_FDPAIR, SZ_CONST, 0, 8);
	expect_size("pipe2", 0, A_FDPAIR, SZ_CONST, 0, 8);
	expect_size("socketpair", 3, A_FDPAIR, SZ_CONST, 0, 8);
	expect_size("wait4", 1, A_OUT, SZ_CONST, 0, 4);
	expect_size("wait4", 3, A_OUT, SZ_CONST, 0, 144);
	expect_size("sched_getaffinity", 2, A_OUT, SZ_RET, 1, 1);
	expect_size("stat", 1, A_OUT, SZ_CONST, 0, 144);
	expect_size("fstat", 1, A_OUT, SZ_CONST, 0, 144);
	expect_size("newfstatat", 2, A_OUT, SZ_CONST, 0, 144);
	expect_size("statx", 4, A_OUT, SZ_CONST, 0, 256);
	expect_size("clock_gettime", 1, A_OUT, SZ_CONST, 0, 16);
	expect_size("gettimeofday", 0, A_OUT, SZ_CONST, 0, 16);
	expect_size("gettimeofday", 1, A_OUT, SZ_CONST, 0, 8);
	expect_size("getrusage", 1, A_OUT, SZ_CONST, 0, 144);
	expect_size("sysinfo", 0, A_OUT, SZ_CONST, 0, 112);
	expect_size("uname", 0, A_OUT, SZ_CONST, 0, 390);
	expect_size("getrlimit", 1, A_OUT, SZ_CONST, 0, 16);
	expect_size("setitimer", 1, A_IN, SZ_CONST, 0, 32);
	expect_size("timerfd_settime", 2, A_IN, SZ_CONST, 0, 32);
	expect_size("sched_getparam", 1, A_OUT, SZ_CONST, 0, 4);
	expect_size("statfs", 1, A_OUT, SZ_CONST, 0, 120);
	expect_size("times", 0, A_OUT, SZ_CONST, 0, 32);
	expect_size("adjtimex", 0, A_INOUT, SZ_CONST, 0, 208);
	expect_size("rt_sigtimedwait", 1, A_OUT, SZ_CONST, 0, 128);
	expect_size("rt_sigprocmask", 1, A_IN, SZ_ARG, 3, 1);
	expect_size("rt_sigprocmask", 2, A_OUT, SZ_ARG, 3, 1);
	expect_size("select", 1, A_INOUT, SZ_FDSET, 0, 0);
	expect_size("openat2", 2, A_IN, SZ_ARG, 3, 1);
	expect_size("mq_getsetattr", 2, A_OUT, SZ_CONST, 0, 64);
	expect_size("bind", 1, A_SOCKADDR, SZ_ARG, 2, 1);
	expect_size("connect", 1, A_SOCKADDR, SZ_ARG, 2, 1);
	expect_size("sendto", 4, A_SOCKADDR, SZ_ARG, 5, 1);
	expect_size("write", 1, A_IN, SZ_ARG, 2, 1);
	assert_int_equal(must_row("execve")->arg[1].kind, A_STRV);
	assert_int_equal(must_row("execve")->arg[2].kind, A_STRV);
	assert_int_equal(must_row("execveat")->arg[2].kind, A_STRV);
	assert_int_equal(must_row("execveat")->arg[3].kind, A_STRV);
}

/* the flags that change how a row is dispatched sit on known rows only */
static void test_dispatch_flags(void **state)
{
	static const char *const unsync[] = { "futex",	       "futex_waitv",
					      "futex_wake",    "futex_wait",
					      "futex_requeue", "sched_yield" };
	static const char *const place[] = { "mmap", "mremap" };
	static const char *const pure[] = { "time", "gettimeofday",
					    "clock_gettime", "clock_getres",
					    "getrandom" };
	static const char *const tmpname[] = { "open", "openat", "mkdir",
					       "mkdirat" };
	static const char *const sigwait[] = { "pause", "rt_sigsuspend",
					       "rt_sigtimedwait" };
	static const char *const clock[] = { "time", "gettimeofday",
					     "clock_gettime" };
	static const char *const local[] = { "madvise" };
	static const char *const childwait[] = { "wait4", "waitid" };
	static const char *const monio[] = { "read",    "write",   "pread64",
					     "pwrite64", "readv",   "writev",
					     "preadv",   "pwritev", "preadv2",
					     "pwritev2" };
	size_t i;

	(void)state;
	rows_with_flag(SCF_UNSYNC, unsync, 6);
	rows_with_flag(SCF_PLACE, place, 2);
	rows_with_flag(SCF_PURE, pure, 5);
	rows_with_flag(SCF_TMPNAME, tmpname, 4);
	rows_with_flag(SCF_SIGWAIT, sigwait, 3);
	rows_with_flag(SCF_MONIO, monio, 10);
	rows_with_flag(SCF_CLOCK, clock, 3);
	rows_with_flag(SCF_LOCAL, local, 1);
	rows_with_flag(SCF_CHILDWAIT, childwait, 2);
	/* the leader waits first, and a wait blocks: never notified */
	for (i = 0; i < 2; i++) {
		assert_int_equal(must_row(childwait[i])->policy, POL_LEADER);
		assert_true(must_row(childwait[i])->flags & SCF_BLOCKS);
		assert_false(notify_row(must_row(childwait[i])));
	}
	/* a clock row is pure, and leaves its reading in an output buffer */
	for (i = 0; i < 3; i++)
		assert_true(must_row(clock[i])->flags & SCF_PURE);
	/* madvise is local only for advice that stays in the variant */
	{
		uint64_t a[6] = { 0, 4096, 4 /* DONTNEED */, 0, 0, 0 };

		assert_true(call_is_local(__NR_madvise, a));
		a[2] = 9; /* MADV_REMOVE: frees a shared file's blocks */
		assert_false(call_is_local(__NR_madvise, a));
		a[2] = 100; /* MADV_HWPOISON */
		assert_false(call_is_local(__NR_madvise, a));
		a[2] = 4;
		assert_false(call_is_local(__NR_munmap, a));
	}
	/* monio.c runs them as: fd, data (a buffer with its length next, or
	 * an iovec array with its count next), the rest as they are */
	for (i = 0; i < 10; i++) {
		const struct sc_row *r = must_row(monio[i]);
		int k = r->arg[1].kind;

		assert_ptr_equal(r->decide, policy_by_fd);
		assert_int_equal(r->ret, RET_SIZE);
		assert_int_equal(r->arg[0].kind, A_FD);
		if (k != A_IN && k != A_OUT && k != A_IOV_IN && k != A_IOV_OUT)
			fail_msg("%s: argument 1 is not a buffer", r->name);
		if (r->arg[1].size.idx != 2)
			fail_msg("%s: length or count not argument 2", r->name);
	}
	/* unsynchronised calls run in every variant; pure ones are the
	 * leader's and write their outputs only */
	for (i = 0; i < 6; i++)
		assert_int_equal(must_row(unsync[i])->policy, POL_ALL);
	for (i = 0; i < 5; i++) {
		const struct sc_row *r = must_row(pure[i]);
		int a;

		assert_int_equal(r->policy, POL_LEADER);
		for (a = 0; a < r->nargs; a++)
			if (r->arg[a].kind == A_IN || r->arg[a].kind == A_STR ||
			    r->arg[a].kind == A_INOUT)
				fail_msg("%s reads memory: not pure", r->name);
	}
	for (i = 0; i < 2; i++)
		assert_int_equal(must_row(place[i])->ret, RET_ADDR);
	assert_int_equal(must_row("open")->arg[2].kind, A_OMODE);
	assert_int_equal(must_row("openat")->arg[3].kind, A_OMODE);
	assert_ptr_equal(must_row("readlink")->decide, policy_own_proc);
	assert_ptr_equal(must_row("readlinkat")->decide, policy_own_proc);
	assert_ptr_equal(must_row("stat")->decide, policy_own_proc);
	assert_ptr_equal(must_row("lstat")->decide, policy_own_proc);
	assert_ptr_equal(must_row("prctl")->handler, &handler_prctl);
	assert_null(must_row("waitid")->handler);
}

/* the fast path (notify.c): the rows that reach mvee as notifications
 * need nothing but an answer or a go-ahead */
static void test_notify_rows(void **state)
{
	static const char *const fast[] = { "read",   "write",	 "pwritev2",
					    "getpid", "getppid", "gettid",
					    "uname",  "getcwd",	 "mprotect",
					    "brk",    "munmap",	 "rt_sigprocmask",
					    "clock_gettime", "gettimeofday",
					    "time" };
	static const char *const slow[] = {
		"clone",   "clone3", "execve",	  "exit_group", "mmap",
		"openat",  "close",  "pipe2",	  "socketpair", "kill",
		"wait4",   "ioctl",  "fcntl",	  "futex",	"getrandom",
		"madvise", "pause",  "nanosleep", "fstat",	"rt_sigaction",
		"prctl",   "restart_syscall"
	};
	long nr;
	size_t i;
	int n = 0;

	(void)state;
	for (i = 0; i < sizeof(fast) / sizeof(fast[0]); i++)
		if (!notify_row(must_row(fast[i])))
			fail_msg("%s should notify", fast[i]);
	for (i = 0; i < sizeof(slow) / sizeof(slow[0]); i++)
		if (notify_row(must_row(slow[i])))
			fail_msg("%s should stop with ptrace", slow[i]);
	assert_false(notify_row(NULL));
	for (nr = 0; nr < SC_MAX_NR; nr++) {
		const struct sc_row *r = systable_row(nr);

		if (!r || !notify_row(r))
			continue;
		n++;
		/* no handler, no exit-stop results, nothing mvee must see
		 * return */
		assert_null(r->handler);
		if (r->ret == RET_FD || r->ret == RET_PID)
			assert_int_equal(r->policy, POL_MONITOR);
		assert_int_not_equal(r->ret, RET_NORETURN);
		assert_false(row_has(r, A_FDPAIR));
		assert_false(r->flags & (SCF_LEADER_FD | SCF_FDTABLE |
					 SCF_EXEC | SCF_PLACE | SCF_UNSYNC |
					 SCF_SIGWAIT | SCF_LOCAL | SCF_TMPNAME |
					 SCF_CHILDWAIT));
		/* of the pure calls only clocks, which mvee may read itself */
		if (r->flags & SCF_PURE)
			assert_true(r->flags & SCF_CLOCK);
		if (!(r->flags & (SCF_MONIO | SCF_CLOCK))) {
			assert_null(r->decide);
			assert_false(r->flags & SCF_BLOCKS);
			assert_true(r->policy == POL_ALL ||
				    r->policy == POL_MONITOR);
		}
	}
	assert_true(n >= 50);
}

static void test_spot_policies(void **state)
{
	static const char *const all[] = { "brk",
					   "mmap",
					   "mprotect",
					   "munmap",
					   "madvise",
					   "arch_prctl",
					   "set_tid_address",
					   "rt_sigprocmask",
					   "futex",
					   "exit",
					   "exit_group",
					   "execve",
					   "execveat",
					   "chdir",
					   "fchdir",
					   "getuid",
					   "uname",
					   "tgkill",
					   "memfd_create",
					   "dup",
					   "dup2",
					   "dup3",
					   "close",
					   "close_range",
					   "remap_file_pages",
					   NULL };
	static const char *const leader[] = { "wait4",
					      "waitid",
					      "mkdir",
					      "unlink",
					      "rename",
					      "chmod",
					      "chown",
					      "truncate",
					      "utimensat",
					      "link",
					      "symlink",
					      "mknod",
					      "setxattr",
					      "time",
					      "gettimeofday",
					      "clock_gettime",
					      "clock_getres",
					      "times",
					      "sysinfo",
					      "getrusage",
					      "getrandom",
					      "nanosleep",
					      "clock_nanosleep",
					      "fchownat",
					      "poll",
					      "select",
					      "pselect6",
					      NULL };
	static const char *const blocks[] = {
		"futex",	 "wait4",	    "waitid",
		"nanosleep",	 "clock_nanosleep", "pause",
		"rt_sigsuspend", "rt_sigtimedwait", "poll",
		"ppoll",	 "select",	    "pselect6",
		"epoll_wait",	 "epoll_pwait",	    "epoll_pwait2",
		"read",		 "readv",	    "recvfrom",
		"recvmsg",	 "recvmmsg",	    "accept",
		"accept4",	 "flock",	    "semop",
		"futex_waitv",	 "mq_timedreceive", NULL
	};
	long nr;

	(void)state;
	for (nr = 0; nr < SC_MAX_NR; nr++) {
		const struct sc_row *r = systable_row(nr);

		if (!r)
			continue;
		if (in_list(r->name, all) &&
		    (r->policy != POL_ALL || r->decide))
			fail_msg("%s should be POL_ALL", r->name);
		if (in_list(r->name, leader) && r->policy != POL_LEADER)
			fail_msg("%s should be POL_LEADER", r->name);
		if (in_list(r->name, blocks) && !(r->flags & SCF_BLOCKS))
			fail_msg("%s should have SCF_BLOCKS", r->name);
		if (r->policy == POL_LEADER && !r->decide && !r->handler &&
		    (r->ret == RET_ADDR))
			fail_msg("%s: an address from the leader", r->name);
	}
	assert_int_equal(must_row("brk")->ret, RET_ADDR);
	assert_int_equal(must_row("mmap")->ret, RET_ADDR);
	assert_int_equal(must_row("mremap")->ret, RET_ADDR);
	assert_int_equal(must_row("shmat")->ret, RET_ADDR);
	assert_int_equal(must_row("futex")->ret, RET_ANY);
	assert_int_equal(must_row("read")->ret, RET_SIZE);
	assert_int_equal(must_row("execve")->ret, RET_INT);
	assert_true(must_row("execve")->flags & SCF_EXEC);
	assert_true(must_row("rt_sigreturn")->flags & SCF_NOCMP);
	assert_int_equal(must_row("kill")->arg[0].kind, A_PID);
	assert_int_equal(must_row("kill")->arg[1].kind, A_SIG);
	/* kill: one process by all, a group or everyone by the leader */
	{
		struct call c = { .nr = __NR_kill, .arg = { 1234, 10 } };

		assert_ptr_equal(must_row("kill")->decide, policy_kill);
		assert_int_equal(policy_kill(&c), POL_ALL);
		c.arg[0] = 0;
		assert_int_equal(policy_kill(&c), POL_LEADER);
		c.arg[0] = (uint64_t)-1234;
		assert_int_equal(policy_kill(&c), POL_LEADER);
		c.arg[0] = (uint64_t)-1;
		assert_int_equal(policy_kill(&c), POL_LEADER);
	}
}

static void test_lookup(void **state)
{
	(void)state;
	assert_null(systable_row(-1));
	assert_null(systable_row(LONG_MIN));
	assert_null(systable_row(SC_MAX_NR));
	assert_null(systable_row(LONG_MAX));
	assert_null(systable_row(400)); /* the gap between 334 and 424 */
	assert_null(systable_row(SC_MAX_NR - 1));
	assert_non_null(systable_row(0));
	assert_string_equal(systable_row(0)->name, "read");
	assert_string_equal(systable_row(__NR_newfstatat)->name, "newfstatat");
	assert_string_equal(systable_row(__NR_pread64)->name, "pread64");
	assert_string_equal(systable_row(__NR__sysctl)->name, "_sysctl");
	assert_ptr_equal(systable_row(__NR_write), &systable[__NR_write]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_names),
		cmocka_unit_test(test_newer_numbers),
		cmocka_unit_test(test_row_count),
		cmocka_unit_test(test_seccomp_names),
		cmocka_unit_test(test_args),
		cmocka_unit_test(test_policies),
		cmocka_unit_test(test_deny),
		cmocka_unit_test(test_fd_rows),
		cmocka_unit_test(test_pid_rows),
		cmocka_unit_test(test_pointer_structs),
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_dispatch_flags),
		cmocka_unit_test(test_notify_rows),
		cmocka_unit_test(test_spot_policies),
		cmocka_unit_test(test_lookup),
	};

	return cmocka_run_group_tests_name("systable", tests, NULL, NULL);
}
