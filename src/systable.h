/* systable.h - the declarative description of every x86_64 system call.
 *
 * One row per syscall number: name, dispatch policy, return kind and the
 * kind of each argument with, for memory arguments, where its size comes
 * from. Comparison (compare.c), replication (replicate.c), formatting
 * (format.c) and the seccomp filter (filter.c) are derived from this table;
 * none of them knows a syscall by name except through it.
 */
#ifndef MVEE_SYSTABLE_H
#define MVEE_SYSTABLE_H

#include <asm/unistd_64.h>
#include <stdbool.h>
#include <stdint.h>

#define SC_MAX_NR 512 /* table size; numbers without a row are refused */

/* Who executes the call. */
enum sc_policy {
	POL_ALL, /* every variant executes its own call */
	POL_LEADER, /* variant 0 executes, followers skip and get its results */
	POL_MONITOR, /* mvee emulates the call with one answer for all */
	POL_DENY, /* refused identically in all variants (row.err) */
};

/* What the return value is; decides how it is compared and formatted. */
enum sc_ret {
	RET_INT, /* plain integer or 0/-errno */
	RET_SIZE, /* byte count */
	RET_FD, /* a new file descriptor */
	RET_ADDR, /* an address that differs by layout (mmap, brk) */
	RET_PID, /* a pid/tid (translated to the leader's numbers) */
	RET_ANY, /* timing dependent, never compared (futex wake count) */
	RET_NORETURN, /* exit, exit_group, rt_sigreturn, execve on success */
};

/* Argument kinds. Scalars are compared by value; pointers that differ by
 * layout are compared by what they point to (IN, STR, IOV...) or by
 * NULL-ness only (PTR, OUT). */
enum sc_kind {
	A_NONE = 0,
	A_INT, /* signed scalar, decimal */
	A_UINT, /* unsigned scalar / length, decimal */
	A_FLAGS, /* flags or mode bits, hex */
	A_OCT, /* file mode, octal */
	A_FD, /* file descriptor (may decide the policy) */
	A_DUPFD, /* source fd of a dup: the new fd takes its owner */
	A_PID, /* pid/tid/pgid: translated to each variant's own */
	A_SIG, /* signal number */
	A_OMODE, /* open's mode: compared only when the flags argument
		    before it has O_CREAT or O_TMPFILE (otherwise unused) */
	A_PTR, /* opaque pointer: NULL-ness only (futex word, brk, hint) */
	A_STR, /* NUL-terminated string, compared by content (paths) */
	A_STRV, /* NULL-terminated array of strings (argv, envp) */
	A_IN, /* input buffer of `size` bytes, compared by content */
	A_OUT, /* output buffer: NULL-ness compared, replicated at exit */
	A_INOUT, /* compared by content at entry, replicated at exit */
	A_IOV_IN, /* struct iovec[size.idx arg]; buffers compared */
	A_IOV_OUT, /* struct iovec[size.idx arg]; filled up to the return */
	A_FDPAIR, /* int[2] output holding two new fds (pipe, socketpair) */
	A_SOCKADDR, /* input socket address of `size` bytes, compared by
		       meaning: family, then the path (AF_UNIX, up to its
		       NUL) or port and address (AF_INET, AF_INET6); padding
		       and bytes after a path are not compared */
	A_CUSTOM, /* only the row's handler knows (msghdr, ioctl arg...) */
};

/* Where a buffer's size comes from. Sizes settle at exit: at entry the
 * source gives an upper bound, at exit the real size. */
enum sc_sizehow {
	SZ_NONE = 0,
	SZ_CONST, /* n bytes */
	SZ_ARG, /* value of argument idx, times n (element size) */
	SZ_DEREF, /* 32-bit value stored at pointer argument idx (socklen_t);
		     at exit the value stored there then, capped by entry */
	SZ_RET, /* return value times n, capped at entry by arg idx times n
		   (idx == 7: no cap other than the return) */
	SZ_STRLEN, /* NUL-terminated, at most n bytes (0: PATH_MAX) */
	SZ_FDSET, /* fd_set for nfds = argument idx */
};

struct sc_size {
	uint8_t how; /* enum sc_sizehow */
	uint8_t idx; /* argument index the size comes from */
	uint16_t n; /* constant size or element size */
};

struct sc_arg {
	uint8_t kind; /* enum sc_kind */
	struct sc_size size;
};

struct call; /* one variant's stopped call, see monitor.h */
struct taskset;

/* Irregular calls: a handler with fixed hook signatures, in handlers/.
 * Every hook is optional. */
struct sc_handler {
	const char *name;
	/* the policy from the arguments (NULL: row.policy) */
	enum sc_policy (*policy)(const struct call *c);
	/* add the spans its CUSTOM arguments read, to be compared */
	void (*inputs)(struct call *c);
	/* add the spans the call wrote, given its result; for a follower
	 * `leader` is the leader's call (lengths come from it) */
	void (*outputs)(struct call *c, long ret, const struct call *leader);
	/* a POL_ALL call at the rendezvous, before it runs: adjust the
	 * followers' registers */
	void (*before)(struct taskset *s);
	/* after the call completed in all variants (fd table, translation) */
	void (*after)(struct taskset *s, long ret);
	/* errno when the handler's policy refuses the call (0: ENOSYS) */
	int deny_err;
};

struct sc_row {
	const char *name; /* NULL: no such syscall */
	uint8_t policy; /* enum sc_policy, the static one */
	uint8_t ret; /* enum sc_ret */
	uint8_t nargs;
	uint16_t flags; /* SCF_* */
	int16_t err; /* errno returned by POL_DENY */
	struct sc_arg arg[6];
	/* decision function: the policy depends on the arguments */
	enum sc_policy (*decide)(const struct call *c);
	const struct sc_handler *handler;
};

/* row flags */
/* a POL_ALL call whose new fds are objects with outside effects: owned by
 * the leader, the followers' copies are placeholders (socket, pipe2,
 * socketpair, eventfd2, epoll_create1...) */
#define SCF_LEADER_FD 0x01
/* may wait for another thread or process: in a multi-threaded process it
 * runs without the thread's turn (sched.c) */
#define SCF_BLOCKS 0x02
/* changes the fd table other than through RET_FD (close, close_range,
 * dup2 onto an open fd) */
#define SCF_FDTABLE 0x04
/* arguments are not compared (rt_sigreturn) */
#define SCF_NOCMP 0x08
/* replaces the program image */
#define SCF_EXEC 0x10
/* the kernel may choose an address (mmap, mremap): the leader maps first,
 * each follower at the same address minus its variant's fixed offset */
#define SCF_PLACE 0x20
/* creates a path that glibc's mkstemp/mkdtemp family may have named (its
 * names mix in a stack address, so they differ between variants): with
 * O_EXCL, or always for mkdir, the names are unified (compare.c) */
#define SCF_TMPNAME 0x40
/* runs in each variant on its own, never compared: calls whose number
 * depends on how threads were scheduled (futex, sched_yield) and that have
 * no effect outside the process; they stop only for the thread's turn
 * (sched.c) */
#define SCF_UNSYNC 0x80
/* reads the clock or randomness and changes nothing: a variant that
 * stands alone at such a call while the others wait at a different one
 * runs it by itself (glibc's mkstemp draws a number of times that depends
 * on a stack address) */
#define SCF_PURE 0x100
/* waits for a signal (pause, rt_sigsuspend, rt_sigtimedwait): a signal
 * the leader receives there reaches the followers inside the same call */
#define SCF_SIGWAIT 0x200
/* a read or write that mvee may run itself, on a duplicate of the
 * leader's fd, when the fd is leader-owned (monio.c) */
#define SCF_MONIO 0x400
/* reads a clock (also SCF_PURE): a follower that reads it alone gets the
 * leader's latest reading of the same clock (clocks.c) */
#define SCF_CLOCK 0x800
/* affects only the variant's own memory for some arguments (madvise with
 * advice that hints or drops the variant's own pages: call_is_local):
 * then it is each variant's own, never compared, like SCF_UNSYNC.
 * Allocators decide when to give pages back from timing and from
 * generators seeded with addresses (jemalloc), so at different moments
 * in each variant. */
#define SCF_LOCAL 0x1000
/* waits for a child (wait4, waitid): the leader waits first, then each
 * follower waits for its own copy of the child the leader collected, as
 * if it had asked for that one. Which child ends first, and whether a
 * signal comes before it, is timing, which differs between variants. */
#define SCF_CHILDWAIT 0x2000

extern const struct sc_row systable[SC_MAX_NR];

/* lookup, NULL when the number has no row */
const struct sc_row *systable_row(long nr);
/* the first argument of the row of that kind, or -1 */
int arg_of(const struct sc_row *r, int kind);
bool row_has(const struct sc_row *r, int kind);

/* decision functions used by rows (policy.c) */
enum sc_policy policy_by_fd(const struct call *c); /* any A_FD/A_DUPFD arg
			leader-owned -> POL_LEADER, otherwise POL_ALL */
enum sc_policy policy_open(const struct call *c); /* open, openat, openat2,
			creat: read-only regular files and directories are
			opened by all, everything else by the leader */
enum sc_policy policy_at(const struct call *c); /* the fd with
			AT_EMPTY_PATH, a path in the process's own /proc entry
			-> POL_LEADER, otherwise POL_ALL */
enum sc_policy policy_own_proc(const struct call *c); /* a path in the
			process's own /proc entry -> POL_LEADER */
enum sc_policy policy_kill(const struct call *c); /* a group or everyone:
			the leader's, one process: by all */
/* the rows that reach mvee as seccomp notifications (notify.c) */
bool notify_row(const struct sc_row *r);
/* a call of an SCF_LOCAL row whose arguments keep it inside the variant */
bool call_is_local(long nr, const uint64_t arg[6]); /* readlink(at) of
			/proc/self/...: the leader's view, else by all */ /* *at calls taking
			AT_EMPTY_PATH: by the dirfd when the path is "" */

/* the irregular calls (handlers/) */
extern const struct sc_handler handler_ioctl; /* ioctl */
extern const struct sc_handler handler_fcntl; /* fcntl */
extern const struct sc_handler handler_sendmsg; /* sendmsg */
extern const struct sc_handler handler_recvmsg; /* recvmsg */
extern const struct sc_handler handler_sendmmsg; /* sendmmsg */
extern const struct sc_handler handler_recvmmsg; /* recvmmsg */
extern const struct sc_handler handler_sigaction; /* rt_sigaction */
extern const struct sc_handler handler_sigaltstack; /* sigaltstack */
extern const struct sc_handler handler_epoll_ctl; /* epoll_ctl */
extern const struct sc_handler handler_epoll_wait; /* epoll_wait, epoll_pwait,
							epoll_pwait2 */
extern const struct sc_handler handler_pselect; /* pselect6 */
extern const struct sc_handler handler_sigevent; /* timer_create, mq_notify */
extern const struct sc_handler handler_clone; /* clone, clone3, fork, vfork */
extern const struct sc_handler handler_prctl; /* prctl */
extern const struct sc_handler handler_personality; /* personality */

/* Row-building macros: keep the table one line per syscall. */
/* clang-format off */
#define SZC(n) { SZ_CONST, 0, (n) }
#define SZA(i) { SZ_ARG, (i), 1 }
#define SZAX(i, m) { SZ_ARG, (i), (m) }
#define SZP(i) { SZ_DEREF, (i), 4 }
#define SZR(i) { SZ_RET, (i), 1 }
#define SZRX(i, m) { SZ_RET, (i), (m) }
#define SZRNOCAP { SZ_RET, 7, 1 }
#define SZS(n) { SZ_STRLEN, 0, (n) }
#define SZFDS(i) { SZ_FDSET, (i), 0 }

#define INT { A_INT, { 0 } }
#define UINT { A_UINT, { 0 } }
#define FLAGS { A_FLAGS, { 0 } }
#define OCT { A_OCT, { 0 } }
#define FD { A_FD, { 0 } }
#define DUPFD { A_DUPFD, { 0 } }
#define PID { A_PID, { 0 } }
#define SIG { A_SIG, { 0 } }
#define OMODE { A_OMODE, { 0 } }
#define PTR { A_PTR, { 0 } }
#define STR { A_STR, SZS(0) }
#define STRN(n) { A_STR, SZS(n) }
#define STRV { A_STRV, { 0 } }
#define IN(sz) { A_IN, sz }
#define OUT(sz) { A_OUT, sz }
#define INOUT(sz) { A_INOUT, sz }
#define IOV_IN(i) { A_IOV_IN, { SZ_ARG, (i), 16 } }
#define IOV_OUT(i) { A_IOV_OUT, { SZ_ARG, (i), 16 } }
#define FDPAIR { A_FDPAIR, SZC(8) }
#define CUSTOM { A_CUSTOM, { 0 } }
#define SOCKADDR(i) { A_SOCKADDR, SZA(i) }

/* ROW(name, policy, ret, flags, args...): nargs counted from the list */
#define SC_NARGS_(...) (sizeof((struct sc_arg[]){ __VA_ARGS__ }) / sizeof(struct sc_arg))
#define ROW(nm, pol, rt, fl, ...)                                         \
	[__NR_##nm] = { .name = #nm, .policy = (pol), .ret = (rt),          \
			.flags = (fl), .nargs = SC_NARGS_(__VA_ARGS__),       \
			.arg = { __VA_ARGS__ } }
#define ROW0(nm, pol, rt, fl)                                             \
	[__NR_##nm] = { .name = #nm, .policy = (pol), .ret = (rt),          \
			.flags = (fl), .nargs = 0 }
/* ROWD: the policy comes from a decision function (row.policy is the
 * fallback when the arguments cannot be read) */
#define ROWD(nm, dec, rt, fl, ...)                                        \
	[__NR_##nm] = { .name = #nm, .policy = POL_LEADER, .decide = (dec), \
			.ret = (rt), .flags = (fl),                           \
			.nargs = SC_NARGS_(__VA_ARGS__),                      \
			.arg = { __VA_ARGS__ } }
/* ROWH: an irregular call with a handler in handlers/ */
#define ROWH(nm, h, pol, rt, fl, ...)                                     \
	[__NR_##nm] = { .name = #nm, .policy = (pol), .handler = &(h),      \
			.ret = (rt), .flags = (fl),                           \
			.nargs = SC_NARGS_(__VA_ARGS__),                      \
			.arg = { __VA_ARGS__ } }
#define DENY(nm, e, nargs_)                                               \
	[__NR_##nm] = { .name = #nm, .policy = POL_DENY, .ret = RET_INT,    \
			.err = (e), .nargs = (nargs_) }

/* clang-format on */

#endif
