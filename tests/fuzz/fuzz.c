/* fuzz.c - a seeded system call fuzzer, to run natively and under mvee.
 *
 *   fuzz SEED COUNT DIR [RANGES]
 *
 * chdir()s into DIR, a scratch directory, and issues COUNT system calls
 * through syscall(2), each drawn from the table below by a splitmix64
 * generator seeded with SEED, with arguments drawn from a menu per kind of
 * argument: edge integers, the fuzzer's own fds and invalid ones, names
 * inside DIR, NULL, invalid, kernel and unterminated pointers, buffers that
 * run into a PROT_NONE page, flag combinations. After each call it prints
 *
 *   INDEX name(ARGS) = RESULT
 *
 * where ARGS shows each argument by its menu entry ("out+512", "unterm-3",
 * "kaddr", "map2+4096", a file name, a number) and RESULT is "N",
 * "-1 ENAME", or "ok" for results that are addresses, pids, times or
 * random (mmap, getpid, clock_gettime), followed by what the call wrote
 * when that is deterministic (a hash of the bytes read, a stat's type,
 * mode, link count and size, an old signal mask or action). At the end it
 * prints how many signals its handler saw and "done COUNT", and exits 0.
 *
 * The same in every run: nothing printed depends on an address, a pid, a
 * time, an inode number or a random value, and neither does the
 * generator's state, so a native run and a run under mvee print the same
 * lines. Some results depend on the layout or on the rest of the system
 * in ways that are easy to miss, and the menus avoid them: lengths that
 * reach past the end of the address space only from 2^47 on (a 1 TiB one
 * may or may not, with ASLR), no random bytes or inode numbers in memory
 * that is written out later, no locks on eventfds (one inode for the
 * whole system), no MAP_HUGETLB (the system's free huge pages), and no
 * mremap of a mapping whose parts may or may not have merged again (see
 * struct slot).
 *
 * What it never does: exit early, fork, exec, signal another process,
 * change ids, mount, ptrace; touch a path outside DIR other than to stat,
 * access or readlink it (symlink targets and names never contain ".."),
 * write to, close or dup2 onto fds 0-2, or read from them; close or
 * replace an fd it did not open; unmap, remap or protect memory it did
 * not map (ranges never leave its own mappings), map at a fixed address
 * other than its own, or grow a mapping in place; block (pipes, sockets
 * and eventfds are always non-blocking, locks are taken with LOCK_NB or
 * F_SETLK, sleeps are 0.1 ms at most); allocate more than a few MiB of
 * disk or memory per call; let a signal kill it (SIGPIPE, SIGXFSZ and
 * SIGIO are ignored, SIGUSR1/2 always have a handler or SIG_IGN, the other
 * signals it sends are ignored by default).
 *
 * RANGES ("A-B,C,..."): issue only the calls with these indices. The
 * others are drawn all the same (so the indices keep their calls) but
 * neither issued nor printed: for narrowing a failure down, knowing that
 * state the skipped calls would have made is missing.
 *
 * Environment:
 *   FUZZ_TRACE=1   also "INDEX = RESULT" on stderr before each line, so
 *                  that mvee's report of a divergence in that write shows
 *                  the results that differ
 *   FUZZ_EXCLUDE   comma-separated tags of what to leave out, to get past
 *                  a known bug: a row's tag or name ("madvise",
 *                  "PR_GET_TSC", "F_OFD_SETLK"), or one of these menu
 *                  entries: x32 (an x32 system call number), hint (mmap
 *                  address hints), map32 (MAP_32BIT), iovzero (empty
 *                  elements in a readv), crinval (close_range that fails
 *                  with EINVAL), opath (O_PATH), opathmode (O_PATH with an
 *                  access mode), tmpfile (O_TMPFILE), wronly (PROT_WRITE
 *                  alone), pastfault (input buffers and iovec arrays that
 *                  run past a PROT_NONE page), efaultpartial (output
 *                  buffers the kernel may fill in part before EFAULT)
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/close_range.h>
#include <linux/falloc.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#include <asm/prctl.h>

#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif
#ifndef MADV_COLD
#define MADV_COLD 20
#define MADV_PAGEOUT 21
#endif
#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#define MADV_POPULATE_WRITE 23
#endif
#define MADV_GUARD_INSTALL_ 102
#define MADV_GUARD_REMOVE_ 103
#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif
#ifndef PROT_SEM
#define PROT_SEM 0x8
#endif
#ifndef SA_RESTORER
#define SA_RESTORER 0x04000000
#endif
#ifndef GRND_INSECURE
#define GRND_INSECURE 4
#endif
#ifndef SS_AUTODISARM
#define SS_AUTODISARM (1U << 31)
#endif
#ifndef FALLOC_FL_UNSHARE_RANGE
#define FALLOC_FL_UNSHARE_RANGE 0x40
#endif

#ifndef __X32_SYSCALL_BIT
#define __X32_SYSCALL_BIT 0x40000000
#endif

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define PG 4096L
#define BUFSZ 65536L
#define MAXOWN 64 /* fds the fuzzer holds at most */
#define MAXFD 65536
#define NSLOT 8 /* mappings the fuzzer holds at most */
#define MAXMAP (4L << 20) /* largest mapping */
#define NIOV 1100

#define KADDR ((long)0xffff800000000000UL) /* a kernel address */
#define LOWADDR 0x1000L /* below mmap_min_addr: never mapped */

/* ------------------------------------------------------------ generator */

static uint64_t rng;

static uint64_t rnd(void)
{
	uint64_t z = (rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static long below(long n)
{
	return n > 0 ? (long)(rnd() % (uint64_t)n) : 0;
}

static bool pct(int p)
{
	return below(100) < p;
}

#define PICK(menu) ((menu)[below(ARRAY_SIZE(menu))])

/* ---------------------------------------------------------------- state */

/* buffers the kernel reads from (filled once) and writes to */
static char inbuf[BUFSZ] __attribute__((aligned(PG)));
static char outbuf[BUFSZ] __attribute__((aligned(PG)));
static char altstack[BUFSZ] __attribute__((aligned(PG)));
/* small structs the kernel reads or writes, cleared before each call */
static char outs[1024] __attribute__((aligned(64)));
static struct iovec iov[NIOV];
static bool iov_ok[NIOV]; /* element points into inbuf/outbuf */
static struct stat st;
static struct statx stx;
static struct timespec ts2[2];
static struct flock fl;
static int pfd[2];
static uint64_t sigset_in, sigset_out;
static stack_t ss_in, ss_out;

struct ksigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	uint64_t mask;
};
static struct ksigaction ka_in, ka_out;

/* four pages: 'x' bytes read-only, PROT_NONE, read-write, PROT_NONE */
static char *ro_page, *noacc, *rw_page;
#define RO_END (ro_page + PG)
#define RW_END (rw_page + PG)

static char rootpath[PATH_MAX];
static size_t rootlen;
static int rootfd;
static long mypid, mytid;

static int own[MAXOWN];
static int nown;
static bool isown[MAXFD];
/* an eventfd: its inode is the kernel's one anonymous inode, shared by
 * every eventfd, signalfd, timerfd... of every process, so its locks
 * meet those of any other process on the system */
static bool isanon[MAXFD];

struct slot {
	bool used;
	long addr, len;
	/* mremap of a whole slot fails with EFAULT when it is more than one
	 * kernel mapping (vma), and whether the parts of a split slot merge
	 * again depends on the layout: on its neighbours when it was mapped
	 * (an adjacent compatible mapping merges with it) and on whether
	 * mremap(MREMAP_MAYMOVE) grew it in place or moved it (a moved one
	 * keeps its page offset). So once part of it got other protections
	 * or advice, or it grew, it is never the source of an mremap. */
	bool nomremap;
	/* mapped with MAP_GROWSDOWN: it may merge with a neighbour that is
	 * too, and mprotect(PROT_GROWSDOWN) would reach into that one */
	bool growsdown;
};
static struct slot slot[NSLOT];

static volatile sig_atomic_t nsig[3]; /* SIGUSR1, SIGUSR2, others */

static char name255[256], name256[257], longpath[4200];

static bool fd_ok(long fd)
{
	return fd >= 0 && fd < MAXFD;
}

static void own_add(long fd, bool anon)
{
	if (!fd_ok(fd))
		return;
	isanon[fd] = anon;
	if (isown[fd])
		return;
	if (nown == MAXOWN) {
		/* more than the table holds: forget it, never use it */
		return;
	}
	isown[fd] = true;
	own[nown++] = (int)fd;
}

static void own_del(long fd)
{
	int i;

	if (!fd_ok(fd) || !isown[fd])
		return;
	isown[fd] = false;
	for (i = 0; i < nown; i++) {
		if (own[i] == fd) {
			own[i] = own[--nown];
			break;
		}
	}
}

static int free_slot(void)
{
	int i;

	for (i = 0; i < NSLOT; i++)
		if (!slot[i].used)
			return i;
	return -1;
}

/* a used slot other than `not`, at random, or -1; `remap`: one that can
 * be the source of an mremap */
static int pick_slot(int not, bool remap)
{
	int cand[NSLOT], n = 0, i;

	for (i = 0; i < NSLOT; i++)
		if (slot[i].used && i != not && !(remap && slot[i].nomremap))
			cand[n++] = i;
	return n ? cand[below(n)] : -1;
}

static int any_slot(int not)
{
	return pick_slot(not, false);
}

static void on_signal(int sig)
{
	nsig[sig == SIGUSR1 ? 0 : sig == SIGUSR2 ? 1 : 2]++;
}

/* a restorer for the handlers installed with the raw rt_sigaction */
void fuzz_restorer(void);
__asm__(".text\n"
	".globl fuzz_restorer\n"
	"fuzz_restorer:\n"
	"\tmov $15, %rax\n"
	"\tsyscall\n"
	"\thlt\n");

/* FUZZ_EXCLUDE, a comma-separated list of tags: rows (by tag or name) and
 * menu entries the fuzzer leaves out, to get past a known bug */
static bool allowed(const char *tag)
{
	const char *x = getenv("FUZZ_EXCLUDE"), *p;
	size_t n = strlen(tag);

	for (p = x; p && *p; p += strcspn(p, ","), p += *p == ',') {
		if (!strncmp(p, tag, n) && (p[n] == ',' || !p[n]))
			return false;
	}
	return true;
}

/* ------------------------------------------------------------ one call */

struct call {
	long nr;
	long a[6];
	char d[6][72]; /* how each argument is shown */
	int nargs;
	/* left by the builders for the result printers */
	int slot, slot2, part; /* mapping slot(s) and which part */
	long newlen;
	char *outp; /* output landed in outbuf here (NULL: not ours) */
	bool iovout; /* readv: hash iov[] elements marked iov_ok */
	void *outstruct; /* a static struct the kernel fills, or NULL */
	bool foreign; /* the path is outside DIR: show no details */
};

static void desc(struct call *c, int i, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void desc(struct call *c, int i, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->d[i], sizeof(c->d[i]), fmt, ap);
	va_end(ap);
}

static void set(struct call *c, int i, long v, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void set(struct call *c, int i, long v, const char *fmt, ...)
{
	va_list ap;

	c->a[i] = v;
	va_start(ap, fmt);
	vsnprintf(c->d[i], sizeof(c->d[i]), fmt, ap);
	va_end(ap);
}

static void setn(struct call *c, int i, long v)
{
	set(c, i, v, "%ld", v);
}

static void setx(struct call *c, int i, long v)
{
	set(c, i, v, "%#lx", v);
}

/* a pointer the kernel must refuse (EFAULT), or one that only works for
 * reading (ro), shown by name */
static void bad_ptr(struct call *c, int i, bool out, long size)
{
	switch (below(out ? 6 : 5)) {
	case 0:
		set(c, i, 0, "NULL");
		break;
	case 1:
		set(c, i, 1, "0x1");
		break;
	case 2:
		set(c, i, KADDR, "kaddr");
		break;
	case 3:
		set(c, i, (long)noacc, "noacc");
		break;
	case 4: /* the struct runs into the PROT_NONE page */
		size = size > 2 ? size / 2 : 1;
		set(c, i, (long)((out ? RW_END : RO_END) - size), "edge-%ld",
		    size);
		break;
	default:
		set(c, i, (long)ro_page, "ro");
		break;
	}
}

/* ------------------------------------------------------- argument kinds */

enum kind {
	K_NONE,
	K_SKIP, /* filled by the kind before it */
	K_C, /* the row's constant */
	K_INT,
	K_OFF,
	K_WHENCE,
	K_FD,
	K_FDQ,
	K_LOCKFD,
	K_DIRFD,
	K_NEWFD,
	K_PATH,
	K_PATHRO,
	K_PATHN, /* a path or NULL (utimensat) */
	K_CHDIR,
	K_TARGET,
	K_OFLAGS,
	K_MODE,
	K_ATFLAGS,
	K_STXFLAGS,
	K_AMODE,
	K_RENFLAGS,
	K_FLEN,
	K_FAOFF,
	K_FALEN,
	K_FALLOC,
	K_BUFIN, /* pointer, length */
	K_BUFOUT, /* pointer, length */
	K_IOVIN, /* iovec pointer, count */
	K_IOVOUT,
	K_STAT,
	K_STATX,
	K_STXMASK,
	K_TIMES,
	K_CWD, /* pointer, size */
	K_PIPEFD,
	K_PIPEFL,
	K_SOCKDOM,
	K_SOCKTYPE,
	K_PROTO,
	K_EFDVAL,
	K_EFDFL,
	K_DUP3FL,
	K_SETFL,
	K_FDFL,
	K_MINFD,
	K_FLOCK,
	K_FLOCKOP,
	K_PIPESZ,
	K_CRANGE, /* first, last */
	K_CRFL,
	K_MMAP, /* all six */
	K_MRANGE, /* address, length inside a mapping */
	K_MUNMAP, /* address, length: a whole mapping, its head or tail */
	K_MREMAP, /* all five */
	K_PROT,
	K_ADVICE,
	K_MSFL,
	K_OUT, /* a struct of `v` bytes the kernel writes */
	K_RES,
	K_PID, /* prlimit64: 0, self, none */
	K_KPID, /* kill: self, none */
	K_TID,
	K_HOW,
	K_SIGSET,
	K_SIGSETOUT,
	K_SIGSZ,
	K_SIGNO,
	K_SIGACT,
	K_SIGACTOUT,
	K_SENDSIG,
	K_TIMEOUT,
	K_STACK,
	K_STACKOUT,
	K_CLOCK,
	K_SLEEPCLOCK,
	K_TSIN,
	K_TSOUT,
	K_TIMERFL,
	K_GRFL,
	K_NAME,
	K_ARCH,
	K_NOSYS,
	K_SHUT,
	K_IOCTL, /* request, argument */
	K_USAGE,
	K_PRIOWHICH,
	K_AFFLEN,
};

struct arg {
	unsigned char kind;
	long v;
};

#define A(k) {K_##k, 0}
#define AV(k, v) {K_##k, v}
#define C(x) {K_C, (long)(x)}
#define O(n) {K_OUT, n}

static const long ints[] = {-1, 0, 1, 2, 3, 4096, INT_MAX, INT_MIN,
			    UINT_MAX, LONG_MAX, 1L << 32};

static void b_int(struct call *c, int i, long v)
{
	(void)v;
	setn(c, i, pct(20) ? below(64) : PICK(ints));
}

static const long offs[] = {0, 0, 1, 100, 4095, 4096, 65536, 1L << 20, -1,
			    -4096, 1L << 40, LONG_MAX};

static void b_off(struct call *c, int i, long v)
{
	(void)v;
	setn(c, i, pct(30) ? below(1 << 17) : PICK(offs));
}

static void b_whence(struct call *c, int i, long v)
{
	static const long m[] = {SEEK_SET, SEEK_SET, SEEK_CUR, SEEK_END,
				 SEEK_DATA, SEEK_HOLE, 5, -1};

	(void)v;
	setn(c, i, PICK(m));
}

static void b_fd(struct call *c, int i, long v)
{
	static const long bad[] = {-1, INT_MAX, 1 << 20, 999, AT_FDCWD};

	(void)v;
	if (nown && pct(88))
		setn(c, i, own[below(nown)]);
	else
		setn(c, i, PICK(bad));
}

/* an fd to lock: not an eventfd (see isanon) */
static void b_lockfd(struct call *c, int i, long v)
{
	int k;

	for (k = 0; k < 4; k++) {
		b_fd(c, i, v);
		if (!fd_ok(c->a[i]) || !isanon[c->a[i]])
			return;
	}
	setn(c, i, -1);
}

/* an fd for calls that only ask: also the standard ones */
static void b_fdq(struct call *c, int i, long v)
{
	if (pct(8)) {
		setn(c, i, below(3));
		c->foreign = true;
	} else {
		b_fd(c, i, v);
	}
}

static void b_dirfd(struct call *c, int i, long v)
{
	if (pct(35))
		set(c, i, AT_FDCWD, "AT_FDCWD");
	else if (pct(30))
		set(c, i, rootfd, "root");
	else
		b_fd(c, i, v);
}

/* the target of dup2/dup3: the fuzzer's own, high ones, invalid ones */
static void b_newfd(struct call *c, int i, long v)
{
	static const long m[] = {999, -1, INT_MAX, 1 << 20};

	(void)v;
	if (nown && pct(40))
		setn(c, i, own[below(nown)]);
	else if (pct(70))
		setn(c, i, 100 + below(4));
	else
		setn(c, i, PICK(m));
}

static const char *const names[] = {
	"a", "a", "b", "b", "c", "d", "d", "e", "d/a", "d/e", "d/e/a", "s",
	"t", "s/a", "d/s", "a/", "d/", ".", "",
};

static void b_path(struct call *c, int i, long v)
{
	const char *s;

	(void)v;
	if (pct(85)) {
		s = PICK(names);
		set(c, i, (long)s, "\"%s\"", s);
		return;
	}
	switch (below(9)) {
	case 0:
		set(c, i, (long)name255, "L255");
		break;
	case 1:
		set(c, i, (long)name256, "L256");
		break;
	case 2:
		set(c, i, (long)longpath, "longpath");
		break;
	case 3:
		set(c, i, (long)"/nonexistent/x", "\"/nonexistent/x\"");
		break;
	case 4: { /* 'x' bytes up to the PROT_NONE page */
		long k = 1 + below(64);

		set(c, i, (long)(RO_END - k), "unterm-%ld", k);
		break;
	}
	default:
		bad_ptr(c, i, false, 2);
		break;
	}
}

/* a path to stat, access or readlink: also some outside DIR */
static void b_pathro(struct call *c, int i, long v)
{
	static const char *const m[] = {"/", "/etc/passwd", "/dev/null"};
	const char *s;

	if (pct(85)) {
		b_path(c, i, v);
		return;
	}
	s = PICK(m);
	set(c, i, (long)s, "\"%s\"", s);
	c->foreign = true;
}

static void b_pathn(struct call *c, int i, long v)
{
	if (pct(20))
		set(c, i, 0, "NULL");
	else
		b_path(c, i, v);
}

static void b_chdir(struct call *c, int i, long v)
{
	static const char *const m[] = {"d", "d/e", "s", ".", "a", "",
					"/nonexistent/x"};
	const char *s;

	if (pct(35)) {
		set(c, i, (long)rootpath, "ROOT");
	} else if (pct(85)) {
		s = PICK(m);
		set(c, i, (long)s, "\"%s\"", s);
	} else {
		b_path(c, i, v);
	}
}

/* symlink targets: nothing that leads out of DIR */
static void b_target(struct call *c, int i, long v)
{
	static const char *const m[] = {"a", "b", "d", "d/a", "s", "t",
					"nonexist", "/nonexistent/x", ""};
	const char *s;

	if (pct(85)) {
		s = PICK(m);
		set(c, i, (long)s, "\"%s\"", s);
	} else {
		b_path(c, i, v);
	}
}

static long bits(const long *m, size_t n, int p)
{
	long f = 0;
	size_t k;

	for (k = 0; k < n; k++)
		if (pct(p))
			f |= m[k];
	return f;
}

static void b_oflags(struct call *c, int i, long v)
{
	static const long acc[] = {O_RDONLY, O_RDONLY, O_WRONLY, O_RDWR,
				   O_RDWR, 3};
	static const long often[] = {O_CREAT, O_CREAT, O_CLOEXEC};
	static const long rare[] = {O_EXCL, O_TRUNC, O_APPEND, O_NONBLOCK,
				    O_DIRECTORY, O_NOFOLLOW, O_NOATIME,
				    O_LARGEFILE, O_NOCTTY};
	static const long rarer[] = {O_SYNC, O_DSYNC, O_PATH, O_TMPFILE,
				     O_DIRECT, O_ASYNC, 0x40000000};
	long f = PICK(acc);

	(void)v;
	f |= bits(often, ARRAY_SIZE(often), 25);
	f |= bits(rare, ARRAY_SIZE(rare), 8);
	f |= bits(rarer, ARRAY_SIZE(rarer), 2);
	if ((f & O_PATH) && !allowed("opathmode"))
		f &= ~(O_ACCMODE | O_CREAT | O_TRUNC);
	if (!allowed("opath"))
		f &= ~O_PATH;
	if (!allowed("tmpfile"))
		f &= ~(O_TMPFILE & ~O_DIRECTORY);
	setx(c, i, f);
}

static void b_mode(struct call *c, int i, long v)
{
	static const long m[] = {0644, 0644, 0755, 0600, 0777, 07777, 0400,
				 0, 0xffffffff};

	(void)v;
	c->a[i] = pct(15) ? below(010000) : PICK(m);
	desc(c, i, "0%lo", c->a[i]);
}

static void b_atflags(struct call *c, int i, long v)
{
	static const long m[] = {AT_SYMLINK_NOFOLLOW, AT_REMOVEDIR,
				 AT_SYMLINK_FOLLOW, AT_NO_AUTOMOUNT,
				 AT_EMPTY_PATH};

	(void)v;
	setx(c, i, bits(m, ARRAY_SIZE(m), 12) | (pct(3) ? 0x80000 : 0));
}

static void b_stxflags(struct call *c, int i, long v)
{
	static const long sync[] = {AT_STATX_SYNC_AS_STAT,
				    AT_STATX_SYNC_AS_STAT, AT_STATX_FORCE_SYNC,
				    AT_STATX_DONT_SYNC, 0x6000};
	static const long m[] = {AT_SYMLINK_NOFOLLOW, AT_NO_AUTOMOUNT,
				 AT_EMPTY_PATH};

	(void)v;
	setx(c, i, PICK(sync) | bits(m, ARRAY_SIZE(m), 12));
}

static void b_amode(struct call *c, int i, long v)
{
	static const long m[] = {F_OK, R_OK, W_OK, X_OK, R_OK | W_OK, 7, 8,
				 -1};

	(void)v;
	setn(c, i, PICK(m));
}

static void b_renflags(struct call *c, int i, long v)
{
	static const long m[] = {0, 0, 0, RENAME_NOREPLACE, RENAME_EXCHANGE,
				 RENAME_WHITEOUT,
				 RENAME_NOREPLACE | RENAME_EXCHANGE, 8};

	(void)v;
	setx(c, i, PICK(m));
}

/* lengths for truncate: sparse, so large ones are fine */
static void b_flen(struct call *c, int i, long v)
{
	static const long m[] = {0, 1, 100, 4096, 65536, 1L << 20, 1L << 40,
				 -1, LONG_MAX};

	(void)v;
	setn(c, i, pct(30) ? below(1 << 17) : PICK(m));
}

/* fallocate allocates: 2 MiB at most */
static void b_faoff(struct call *c, int i, long v)
{
	static const long m[] = {0, 0, 1, 4096, 65536, 1L << 20, -1};

	(void)v;
	setn(c, i, pct(30) ? below(1 << 20) : PICK(m));
}

static void b_falen(struct call *c, int i, long v)
{
	static const long m[] = {0, 1, 100, 4096, 65536, 1L << 20, -1,
				 LONG_MAX};

	(void)v;
	setn(c, i, pct(30) ? below(1 << 17) : PICK(m));
}

static void b_falloc(struct call *c, int i, long v)
{
	static const long m[] = {
		0,
		0,
		FALLOC_FL_KEEP_SIZE,
		FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
		FALLOC_FL_PUNCH_HOLE,
		FALLOC_FL_ZERO_RANGE,
		FALLOC_FL_ZERO_RANGE | FALLOC_FL_KEEP_SIZE,
		FALLOC_FL_COLLAPSE_RANGE,
		FALLOC_FL_INSERT_RANGE,
		FALLOC_FL_UNSHARE_RANGE,
		0xff,
	};

	(void)v;
	setx(c, i, PICK(m));
}

/* a buffer and its length (arguments i and i + 1): inside inbuf or
 * outbuf, in one of the fuzzer's mappings, running into a PROT_NONE page,
 * or invalid; never longer than the memory behind it. Flags (the row's
 * value): BUF_SMALL, no lengths beyond the address space (calls that
 * clamp the length first and then check it against the address space,
 * like getrandom, would fail or not depending on where the buffer is);
 * BUF_NOKEEP, never in a mapping (what the call writes is random or holds
 * inode numbers, and mappings are also written from) */
#define BUF_SMALL 1
#define BUF_NOKEEP 2

static void buffer(struct call *c, int i, bool out, long flags)
{
	bool small = flags & BUF_SMALL;

	char *base = out ? outbuf : inbuf;
	const char *name = out ? "out" : "in";
	long off, len, k;
	int s;

	switch (below(20)) {
	default: {
		static const long lens[] = {0, 1, 8, 8, 16, 100, 4096};

		off = pct(50) ? 0 : below(BUFSZ);
		switch (below(4)) {
		case 0:
			len = PICK(lens);
			break;
		case 1:
			len = BUFSZ - off;
			break;
		default:
			len = below(BUFSZ - off + 1);
			break;
		}
		if (len > BUFSZ - off)
			len = BUFSZ - off;
		set(c, i, (long)(base + off), "%s+%ld", name, off);
		if (out)
			c->outp = base + off;
		break;
	}
	case 0:
		set(c, i, 0, "NULL");
		len = pct(50) ? 0 : 16;
		break;
	case 1:
		bad_ptr(c, i, out, 16);
		len = 16;
		break;
	case 2:
	case 3: {
		/* lengths beyond the address space fail access_ok()
		 * wherever the buffer is; 1 TiB would not (ASLR) */
		static const long more[] = {0, 1, PG, 1L << 47,
					    LONG_MAX - PG};
		long m = PICK(more);

		k = 1 + below(PG);
		set(c, i, (long)((out ? RW_END : RO_END) - k), "edge-%ld", k);
		if (small || (m > PG && !out && !allowed("pastfault")) ||
		    (out && !allowed("efaultpartial")))
			m = 0;
		len = k + m;
		break;
	}
	case 4:
		s = flags & BUF_NOKEEP || (out && !allowed("efaultpartial"))
			    ? -1
			    : any_slot(-1);
		if (s < 0) {
			set(c, i, (long)ro_page, "ro");
			len = 16;
			break;
		}
		off = below(slot[s].len);
		set(c, i, slot[s].addr + off, "map%d+%ld", s, off);
		len = below(slot[s].len - off + 1);
		break;
	}
	setn(c, i + 1, len);
}

static void b_bufin(struct call *c, int i, long v)
{
	buffer(c, i, false, v);
}

static void b_bufout(struct call *c, int i, long v)
{
	buffer(c, i, true, v);
}

/* "iov[out+0:5 NULL:16 ...]": the first elements */
static void iov_desc(char *d, size_t size, long n, bool out)
{
	char *base = out ? outbuf : inbuf, *end = out ? RW_END : RO_END;
	size_t len = strlen(d);
	long k;

	for (k = 0; k < n && k < NIOV && len + 24 < size; k++) {
		char *p = iov[k].iov_base;
		size_t l = iov[k].iov_len;

		if (iov_ok[k])
			len += sprintf(d + len, "%c%s+%ld:%zu", k ? ' ' : '[',
				       out ? "out" : "in", (long)(p - base), l);
		else if (p >= end - PG && p < end)
			len += sprintf(d + len, "%cedge-%ld:%zu", k ? ' ' : '[',
				       (long)(end - p), l);
		else if (p == ro_page)
			len += sprintf(d + len, "%cro:%zu", k ? ' ' : '[', l);
		else
			len += sprintf(d + len, "%c%#lx:%zu", k ? ' ' : '[',
				       (long)p, l);
	}
	if (n > 0 && len + 5 < size)
		sprintf(d + len, "%s]", k < n ? " ..." : "");
}

/* an iovec array and its count (arguments i and i + 1) */
static void iovec(struct call *c, int i, bool out)
{
	static const long counts[] = {0, 1, 1, 2, 3, 5, 8, 1024, 1025, -1};
	char *base = out ? outbuf : inbuf;
	long n = pct(40) ? 1 + below(16) : PICK(counts);
	long used = 0, k, cap, len;

	for (k = 0; k < n && k < NIOV; k++) {
		iov_ok[k] = false;
		switch (below(40)) {
		default:
			cap = BUFSZ - used;
			if (n > 16 && cap > 48)
				cap = 48;
			len = below(cap + 1);
			iov[k].iov_base = base + used;
			iov[k].iov_len = len;
			iov_ok[k] = true;
			used += len;
			break;
		case 0:
		case 1:
			iov[k].iov_base = NULL;
			iov[k].iov_len = 0;
			break;
		case 2:
			iov[k].iov_base = NULL;
			iov[k].iov_len = 16;
			break;
		case 3:
			iov[k].iov_base = (void *)1;
			iov[k].iov_len = 16;
			break;
		case 4: {
			long e = 1 + below(PG);

			iov[k].iov_base = (out ? RW_END : RO_END) - e;
			iov[k].iov_len = e + (pct(50) || (!out && !allowed("pastfault")) ? PG : LONG_MAX - PG);
			break;
		}
		case 5:
			iov[k].iov_base = ro_page;
			iov[k].iov_len = 16;
			break;
		}
		if (out && !iov[k].iov_len && !allowed("iovzero")) {
			/* a zero-length element in a readv: left out */
			iov_ok[k] = false;
			iov[k].iov_base = (void *)1;
			iov[k].iov_len = 16;
		}
	}
	switch (below(12)) {
	default:
		set(c, i, (long)iov, "iov");
		iov_desc(c->d[i], sizeof(c->d[i]), n, out);
		break;
	case 0:
		bad_ptr(c, i, false, 16);
		if (!allowed("pastfault") && c->a[i] > 1 && c->a[i] != KADDR)
			set(c, i, 0, "NULL"); /* an array that runs into one */
		break;
	case 1: /* the first element's base is readable, its length not */
		if (!allowed("pastfault")) {
			set(c, i, 1, "0x1");
			break;
		}
		memcpy(RW_END - 8, &iov[0].iov_base, 8);
		set(c, i, (long)(RW_END - 8), "iov-edge");
		break;
	}
	c->iovout = out && c->a[i] == (long)iov;
	setn(c, i + 1, n);
}

static void b_iovin(struct call *c, int i, long v)
{
	(void)v;
	iovec(c, i, false);
}

static void b_iovout(struct call *c, int i, long v)
{
	(void)v;
	iovec(c, i, true);
}

/* an output struct: ours (printed afterwards) or a bad pointer */
static void outstruct(struct call *c, int i, void *p, long size)
{
	if (pct(82)) {
		memset(p, 0, size);
		set(c, i, (long)p, "&out");
		c->outstruct = p;
	} else {
		bad_ptr(c, i, true, size);
	}
}

static void b_stat(struct call *c, int i, long v)
{
	(void)v;
	outstruct(c, i, &st, sizeof(st));
}

static void b_statx(struct call *c, int i, long v)
{
	(void)v;
	outstruct(c, i, &stx, sizeof(stx));
}

static void b_out(struct call *c, int i, long v)
{
	outstruct(c, i, outs, v);
}

static void b_stxmask(struct call *c, int i, long v)
{
	static const long m[] = {STATX_BASIC_STATS, STATX_BASIC_STATS,
				 STATX_ALL, 0, STATX_SIZE | STATX_TYPE,
				 0x80000000, -1};

	(void)v;
	setx(c, i, PICK(m) & 0xffffffffL);
}

static void b_times(struct call *c, int i, long v)
{
	static const struct timespec m[][2] = {
		{{0, UTIME_NOW}, {0, UTIME_OMIT}},
		{{1, 0}, {1000000, 5}},
		{{0, UTIME_OMIT}, {0, UTIME_OMIT}},
		{{0, 1000000000}, {0, 0}},
		{{-1, 0}, {0, UTIME_NOW}},
	};
	int k;

	(void)v;
	if (pct(25)) {
		set(c, i, 0, "NULL");
	} else if (pct(80)) {
		k = below(ARRAY_SIZE(m));
		memcpy(ts2, m[k], sizeof(ts2));
		set(c, i, (long)ts2, "times%d", k);
	} else {
		bad_ptr(c, i, false, sizeof(ts2));
	}
}

static void b_cwd(struct call *c, int i, long v)
{
	static const long sizes[] = {0, 1, 10, 4096, BUFSZ};

	(void)v;
	if (pct(80)) {
		set(c, i, (long)outbuf, "out");
		c->outp = outbuf;
		setn(c, i + 1, PICK(sizes));
	} else if (pct(40)) {
		long k = 1 + below(3);

		set(c, i, (long)(RW_END - k), "edge-%ld", k);
		setn(c, i + 1, 4096);
	} else {
		bad_ptr(c, i, true, 16);
		setn(c, i + 1, 4096);
	}
}

static void b_pipefd(struct call *c, int i, long v)
{
	(void)v;
	outstruct(c, i, pfd, sizeof(pfd));
}

static void b_pipefl(struct call *c, int i, long v)
{
	long f = O_NONBLOCK;

	(void)v;
	if (pct(30))
		f |= O_CLOEXEC;
	if (pct(10))
		f |= O_DIRECT;
	if (pct(4))
		f |= O_TRUNC;
	setx(c, i, f);
}

static void b_sockdom(struct call *c, int i, long v)
{
	static const long m[] = {AF_UNIX, AF_UNIX, AF_UNIX, AF_UNIX,
				 AF_UNIX, AF_INET, AF_INET6, -1, 1000};

	(void)v;
	setn(c, i, PICK(m));
}

static void b_socktype(struct call *c, int i, long v)
{
	static const long m[] = {SOCK_STREAM, SOCK_STREAM, SOCK_DGRAM,
				 SOCK_SEQPACKET, SOCK_RAW, 0, 100};
	long t = PICK(m) | SOCK_NONBLOCK;

	(void)v;
	if (pct(30))
		t |= SOCK_CLOEXEC;
	setx(c, i, t);
}

static void b_proto(struct call *c, int i, long v)
{
	(void)v;
	setn(c, i, pct(85) ? 0 : pct(50) ? 1 : -1);
}

static void b_efdval(struct call *c, int i, long v)
{
	static const long m[] = {0, 0, 1, 100, 0xffffffff};

	(void)v;
	setn(c, i, PICK(m));
}

static void b_efdfl(struct call *c, int i, long v)
{
	long f = EFD_NONBLOCK;

	(void)v;
	if (pct(30))
		f |= EFD_CLOEXEC;
	if (pct(30))
		f |= EFD_SEMAPHORE;
	if (pct(4))
		f |= 2;
	setx(c, i, f);
}

static void b_dup3fl(struct call *c, int i, long v)
{
	static const long m[] = {0, 0, O_CLOEXEC, 1, O_NONBLOCK};

	(void)v;
	setx(c, i, PICK(m));
}

static void b_setfl(struct call *c, int i, long v)
{
	static const long m[] = {O_APPEND, O_ASYNC, O_DIRECT, O_NOATIME,
				 O_RDWR};

	(void)v;
	setx(c, i, O_NONBLOCK | bits(m, ARRAY_SIZE(m), 15));
}

static void b_fdfl(struct call *c, int i, long v)
{
	static const long m[] = {0, FD_CLOEXEC, FD_CLOEXEC, 0xff};

	(void)v;
	setx(c, i, PICK(m));
}

static void b_minfd(struct call *c, int i, long v)
{
	static const long m[] = {0, 0, 3, 100, 1000, 19999, 20000, -1,
				 INT_MAX};

	(void)v;
	setn(c, i, PICK(m));
}

static void b_flock(struct call *c, int i, long v)
{
	static const short type[] = {F_RDLCK, F_WRLCK, F_WRLCK, F_UNLCK, 99};
	static const short whence[] = {SEEK_SET, SEEK_SET, SEEK_CUR, SEEK_END,
				       7};
	static const long start[] = {0, 0, 10, 4096, -1, LONG_MAX};
	static const long len[] = {0, 0, 10, -10, 4096};

	(void)v;
	if (pct(85)) {
		memset(&fl, 0, sizeof(fl));
		fl.l_type = PICK(type);
		fl.l_whence = PICK(whence);
		fl.l_start = PICK(start);
		fl.l_len = PICK(len);
		set(c, i, (long)&fl, "{%d %d %ld %ld}", fl.l_type, fl.l_whence,
		    (long)fl.l_start, (long)fl.l_len);
		c->outstruct = &fl;
	} else {
		bad_ptr(c, i, false, sizeof(fl));
	}
}

static void b_flockop(struct call *c, int i, long v)
{
	static const long m[] = {LOCK_SH | LOCK_NB, LOCK_EX | LOCK_NB,
				 LOCK_EX | LOCK_NB, LOCK_UN,
				 LOCK_UN | LOCK_NB, 0, 0xff};

	(void)v;
	setx(c, i, PICK(m));
}

static void b_pipesz(struct call *c, int i, long v)
{
	static const long m[] = {0, 1, 4096, 65536, 1L << 20, -1};

	(void)v;
	setn(c, i, PICK(m));
}

static void b_crange(struct call *c, int i, long v)
{
	long f;

	(void)v;
	switch (below(10)) {
	default:
		set(c, i, 100, "100");
		set(c, i + 1, UINT_MAX, "~0U");
		return;
	case 0:
		if (!allowed("crinval"))
			break;
		set(c, i, 5, "5");
		set(c, i + 1, 3, "3");
		return;
	case 1:
		set(c, i, UINT_MAX, "~0U");
		set(c, i + 1, UINT_MAX, "~0U");
		return;
	case 2:
	case 3:
	case 4:
	case 5:
		if (!nown)
			break;
		f = own[below(nown)];
		setn(c, i, f);
		setn(c, i + 1, f);
		return;
	}
	set(c, i, 100, "100");
	set(c, i + 1, 200, "200");
}

static void b_crfl(struct call *c, int i, long v)
{
	static const long m[] = {0, 0, 0, CLOSE_RANGE_CLOEXEC,
				 CLOSE_RANGE_UNSHARE, 8};

	(void)v;
	setx(c, i, PICK(m));
	if (c->a[i] == 8 && !allowed("crinval"))
		setx(c, i, 0);
}

static void b_prot(struct call *c, int i, long v)
{
	static const long m[] = {PROT_NONE,
				 PROT_READ,
				 PROT_READ | PROT_WRITE,
				 PROT_READ | PROT_WRITE,
				 PROT_READ | PROT_EXEC,
				 PROT_READ | PROT_WRITE | PROT_EXEC,
				 PROT_WRITE,
				 PROT_EXEC,
				 PROT_READ | PROT_SEM,
				 0x10,
				 PROT_READ | PROT_GROWSDOWN};

	(void)v;
	setx(c, i, PICK(m));
	if ((c->a[i] & PROT_GROWSDOWN) && c->slot >= 0 &&
	    slot[c->slot].growsdown)
		setx(c, i, PROT_READ);
	if (c->a[i] == PROT_WRITE && !allowed("wronly"))
		setx(c, i, PROT_READ | PROT_WRITE);
}

static long pages(long n)
{
	return (n + PG - 1) & ~(PG - 1);
}

/* which part of a slot a range is */
enum part { P_NONE = -1, P_WHOLE, P_HEAD, P_TAIL, P_MID };

/*
 * mmap: a new mapping into a free slot (its address is the kernel's), a
 * MAP_FIXED or MAP_FIXED_NOREPLACE one over part of an existing slot, or
 * one the kernel refuses. Never fixed anywhere else: as root, even page 0
 * could be mapped.
 */
static void b_mmap(struct call *c, int i, long v)
{
	static const long lens[] = {1, PG, 2 * PG, 65536, 1L << 20, MAXMAP};
	static const long extra[] = {MAP_NORESERVE, MAP_POPULATE,
				     MAP_LOCKED, MAP_STACK};
	/* no MAP_HUGETLB: whether it works depends on the free huge pages
	 * of the whole system, and its length is rounded up to 2 MiB */
	static const long rare[] = {MAP_GROWSDOWN, MAP_32BIT};
	long len, flags, fd = -1, off = 0;
	int s = free_slot(), t = any_slot(-1);

	(void)v;
	(void)i;
	c->slot = -1;
	b_prot(c, 2, 0);
	if (s >= 0 && pct(70)) {
		len = pct(30) ? 1 + below(1L << 20) : PICK(lens);
		flags = pct(85) ? MAP_PRIVATE : MAP_SHARED;
		flags |= bits(extra, ARRAY_SIZE(extra), 8);
		flags |= bits(rare, ARRAY_SIZE(rare), 2);
		if (!allowed("map32"))
			flags &= ~MAP_32BIT;
		if (nown && pct(20)) {
			fd = own[below(nown)];
			off = pct(80) ? 0 : pct(50) ? PG : 1;
		} else {
			flags |= MAP_ANONYMOUS;
		}
		switch (allowed("hint") ? below(10) : 9) {
		default:
			set(c, 0, 0, "NULL");
			break;
		case 0:
			set(c, 0, 0x10000, "0x10000");
			break;
		case 1:
			set(c, 0, 0x7e0000000000L, "0x7e0000000000");
			break;
		case 2:
			if (t < 0) {
				set(c, 0, 0, "NULL");
				break;
			}
			set(c, 0, slot[t].addr, "map%d", t);
			break;
		}
		c->slot = s;
		c->newlen = pages(len);
	} else if (t >= 0 && pct(60)) {
		long at = below(slot[t].len / PG) * PG;

		len = PG + below((slot[t].len - at) / PG) * PG;
		flags = MAP_PRIVATE | MAP_ANONYMOUS;
		flags |= pct(30) ? MAP_FIXED_NOREPLACE : MAP_FIXED;
		set(c, 0, slot[t].addr + at, "map%d+%ld", t, at);
		c->slot2 = t; /* its part, or all of it, is new */
		c->part = !at && len == slot[t].len ? P_WHOLE : P_MID;
	} else {
		len = PG;
		flags = MAP_PRIVATE | MAP_ANONYMOUS;
		set(c, 0, 0, "NULL");
		switch (below(7)) {
		case 0:
			len = 0;
			break;
		case 1:
			len = pct(50) ? -1 : 1L << 47;
			break;
		case 2:
			flags = MAP_ANONYMOUS;
			break;
		case 3:
			flags = MAP_SHARED_VALIDATE | MAP_ANONYMOUS | 0x800000;
			break;
		case 4:
			if (t < 0)
				break;
			flags |= MAP_FIXED;
			set(c, 0, slot[t].addr + 1, "map%d+1", t);
			break;
		case 5:
			flags |= MAP_FIXED;
			set(c, 0, KADDR, "kaddr");
			break;
		case 6:
			flags = MAP_PRIVATE;
			fd = pct(50) ? -1 : 999;
			break;
		}
	}
	setn(c, 1, len);
	setx(c, 3, flags);
	setn(c, 4, fd);
	setn(c, 5, off);
}


/* an address range: part of one of the fuzzer's mappings, or one the
 * kernel refuses before looking at any mapping */
static void range(struct call *c, int i, bool unmap)
{
	int s = any_slot(-1);
	long n, at, len;

	c->slot = s;
	c->part = P_NONE;
	if (s >= 0 && pct(80)) {
		n = slot[s].len / PG;
		c->part = below(unmap ? 3 : 4);
		switch (c->part) {
		case P_WHOLE:
			at = 0;
			len = slot[s].len;
			break;
		case P_HEAD:
			at = 0;
			len = (1 + below(n)) * PG;
			break;
		case P_TAIL:
			at = below(n) * PG;
			len = slot[s].len - at;
			break;
		default:
			at = below(n) * PG;
			len = (1 + below(n - at / PG)) * PG;
			break;
		}
		if (pct(20) && len > 1)
			len -= 1 + below(PG - 1); /* still the same pages */
		set(c, i, slot[s].addr + at, "map%d+%ld", s, at);
		setn(c, i + 1, len);
		return;
	}
	switch (below(7)) {
	case 0:
		if (s >= 0) {
			set(c, i, slot[s].addr + 1, "map%d+1", s);
			setn(c, i + 1, PG);
			return;
		}
		break;
	case 1:
		if (s >= 0) {
			set(c, i, slot[s].addr, "map%d", s);
			setn(c, i + 1, pct(50) ? 0 : -1);
			return;
		}
		break;
	case 2:
		set(c, i, KADDR, "kaddr");
		setn(c, i + 1, pct(50) ? PG : -1);
		return;
	case 3:
		set(c, i, 0, "NULL");
		setn(c, i + 1, PG);
		return;
	}
	set(c, i, LOWADDR, "low");
	setn(c, i + 1, PG);
}

static void b_mrange(struct call *c, int i, long v)
{
	(void)v;
	range(c, i, false);
}

static void b_munmap(struct call *c, int i, long v)
{
	(void)v;
	range(c, i, true);
}

/*
 * mremap of a whole slot: shrink in place, keep the size, grow only when
 * it may move (growing in place depends on what is mapped next to it),
 * move onto the head of another slot (MREMAP_FIXED) or keep the old one
 * (MREMAP_DONTUNMAP); or a call the kernel refuses.
 */
static void b_mremap(struct call *c, int i, long v)
{
	int s = pick_slot(-1, true), t;
	long len, nlen, flags = 0;

	(void)i;
	(void)v;
	c->slot = s;
	c->slot2 = -1;
	setn(c, 4, 0);
	desc(c, 4, "NULL");
	if (s < 0 || pct(15)) {
		static const long fl[] = {0, MREMAP_MAYMOVE, 0x80};

		switch (below(4)) {
		case 0:
			set(c, 0, KADDR, "kaddr");
			break;
		case 1:
			set(c, 0, 0, "NULL");
			break;
		default: /* never a page of a slot: it would split it */
			if (s >= 0)
				set(c, 0, slot[s].addr + 1, "map%d+1", s);
			else
				set(c, 0, LOWADDR, "low");
			break;
		}
		c->slot = -1;
		setn(c, 1, PG);
		setn(c, 2, pct(50) ? 0 : 2 * PG);
		setx(c, 3, PICK(fl));
		return;
	}
	len = slot[s].len;
	set(c, 0, slot[s].addr, "map%d", s);
	setn(c, 1, len);
	switch (below(6)) {
	case 0: /* shrink */
		nlen = len > PG ? (1 + below(len / PG - 1)) * PG : len;
		flags = pct(50) ? MREMAP_MAYMOVE : 0;
		break;
	case 1: /* same */
		nlen = len;
		flags = pct(50) ? MREMAP_MAYMOVE : 0;
		break;
	case 2: /* grow, may move */
		nlen = len + (1 + below((MAXMAP - len) / PG + 1)) * PG;
		if (nlen > MAXMAP)
			nlen = len;
		flags = MREMAP_MAYMOVE;
		break;
	case 3: /* onto another slot */
		t = any_slot(s);
		nlen = len;
		flags = MREMAP_MAYMOVE | MREMAP_FIXED;
		if (t < 0) { /* refused: FIXED needs MAYMOVE */
			flags = MREMAP_FIXED;
			c->slot = -1;
			set(c, 4, 0, "NULL");
			break;
		}
		if (nlen > slot[t].len)
			nlen = slot[t].len;
		if (pct(30) && free_slot() >= 0 && nlen == len)
			flags |= MREMAP_DONTUNMAP;
		c->slot2 = t;
		set(c, 4, slot[t].addr, "map%d", t);
		break;
	case 4: /* keep the old one */
		nlen = len;
		flags = MREMAP_MAYMOVE | MREMAP_DONTUNMAP;
		if (free_slot() < 0)
			flags = MREMAP_MAYMOVE;
		break;
	default: /* refused */
		c->slot = -1;
		nlen = PICK(((const long[]){0, -1, 1L << 47}));
		flags = PICK(((const long[]){MREMAP_MAYMOVE, MREMAP_FIXED,
					     0x80, MREMAP_DONTUNMAP}));
		if (nlen != 0 && !(flags & MREMAP_MAYMOVE))
			nlen = 0; /* never grow in place */
		break;
	}
	setn(c, 2, nlen);
	setx(c, 3, flags);
	c->newlen = nlen;
}

static void b_advice(struct call *c, int i, long v)
{
	static const long m[] = {
		MADV_NORMAL,	 MADV_RANDOM,	    MADV_SEQUENTIAL,
		MADV_WILLNEED,	 MADV_DONTNEED,	    MADV_DONTNEED,
		MADV_FREE,	 MADV_REMOVE,	    MADV_DONTFORK,
		MADV_DOFORK,	 MADV_MERGEABLE,    MADV_UNMERGEABLE,
		MADV_HUGEPAGE,	 MADV_NOHUGEPAGE,   MADV_DONTDUMP,
		MADV_DODUMP,	 MADV_WIPEONFORK,   MADV_KEEPONFORK,
		MADV_COLD,	 MADV_PAGEOUT,	    MADV_POPULATE_READ,
		MADV_POPULATE_WRITE, MADV_GUARD_INSTALL_, MADV_GUARD_REMOVE_,
		12345,		 -1,
	};

	(void)v;
	setn(c, i, PICK(m));
}

static void b_msfl(struct call *c, int i, long v)
{
	static const long m[] = {MS_ASYNC, MS_SYNC, MS_INVALIDATE,
				 MS_ASYNC | MS_SYNC, 0, 8};

	(void)v;
	setx(c, i, PICK(m));
}

static void b_res(struct call *c, int i, long v)
{
	(void)v;
	setn(c, i, pct(85) ? below(RLIM_NLIMITS) : PICK(((const long[]){
							   RLIM_NLIMITS, -1,
							   1000})));
}

static void b_pid(struct call *c, int i, long v)
{
	(void)v;
	if (pct(45))
		set(c, i, 0, "0");
	else if (pct(80))
		set(c, i, mypid, "self");
	else
		setn(c, i, INT_MAX);
}

static void b_kpid(struct call *c, int i, long v)
{
	(void)v;
	if (pct(90))
		set(c, i, mypid, "self");
	else
		setn(c, i, INT_MAX);
}

static void b_tid(struct call *c, int i, long v)
{
	(void)v;
	if (pct(90))
		set(c, i, mytid, "self");
	else
		setn(c, i, INT_MAX);
}

static void b_how(struct call *c, int i, long v)
{
	static const long m[] = {SIG_BLOCK, SIG_UNBLOCK, SIG_UNBLOCK,
				 SIG_SETMASK, 3, -1};

	(void)v;
	setn(c, i, PICK(m));
}

#define BIT(sig) (1ULL << ((sig) - 1))

static void b_sigset(struct call *c, int i, long v)
{
	static const uint64_t m[] = {0,
				     BIT(SIGUSR1),
				     BIT(SIGUSR2),
				     BIT(SIGUSR1) | BIT(SIGUSR2),
				     ~0ULL,
				     BIT(SIGUSR1) | BIT(SIGCHLD) |
					     BIT(SIGWINCH) | BIT(SIGURG)};

	(void)v;
	if (pct(85)) {
		sigset_in = PICK(m);
		set(c, i, (long)&sigset_in, "{%#llx}",
		    (unsigned long long)sigset_in);
	} else {
		bad_ptr(c, i, false, 8);
	}
}

static void b_sigsetout(struct call *c, int i, long v)
{
	(void)v;
	outstruct(c, i, &sigset_out, 8);
}

static void b_sigsz(struct call *c, int i, long v)
{
	(void)v;
	setn(c, i, pct(92) ? 8 : PICK(((const long[]){0, 4, 16})));
}

static void b_signo(struct call *c, int i, long v)
{
	static const long m[] = {SIGUSR1, SIGUSR1, SIGUSR2, SIGUSR2,
				 SIGCHLD, SIGWINCH, SIGURG, SIGKILL,
				 SIGSTOP, 0, 65, -1};

	(void)v;
	setn(c, i, PICK(m));
}

/* a new action for the signal in argument 0: SIGUSR1/2 never get SIG_DFL
 * (they would kill), handlers always come with SA_RESTORER */
static void b_sigact(struct call *c, int i, long v)
{
	static const long fl[] = {SA_RESTART, SA_NODEFER, SA_SIGINFO,
				  SA_ONSTACK, SA_NOCLDSTOP, SA_NOCLDWAIT,
				  0x400};
	static const uint64_t masks[] = {0, 0, BIT(SIGUSR1), BIT(SIGUSR2),
					 ~0ULL};
	long sig = c->a[0];
	int h;

	(void)v;
	if (!pct(85)) {
		bad_ptr(c, i, false, sizeof(ka_in));
		return;
	}
	h = below(3); /* 0 handler, 1 SIG_IGN, 2 SIG_DFL */
	if (h == 2 && (sig == SIGUSR1 || sig == SIGUSR2))
		h = 0;
	memset(&ka_in, 0, sizeof(ka_in));
	ka_in.handler = h == 0 ? (void *)on_signal
			: h == 1 ? SIG_IGN
				 : SIG_DFL;
	ka_in.flags = bits(fl, ARRAY_SIZE(fl), 15);
	if (h == 0 || pct(50)) {
		ka_in.flags |= SA_RESTORER;
		ka_in.restorer = (void *)fuzz_restorer;
	}
	ka_in.mask = PICK(masks);
	set(c, i, (long)&ka_in, "{%s %#lx %#llx}", h == 0 ? "H" : h == 1 ? "I" : "D",
	    ka_in.flags, (unsigned long long)ka_in.mask);
}

static void b_sigactout(struct call *c, int i, long v)
{
	(void)v;
	if (pct(30))
		set(c, i, 0, "NULL");
	else
		outstruct(c, i, &ka_out, sizeof(ka_out));
}

static void b_sendsig(struct call *c, int i, long v)
{
	static const long m[] = {SIGUSR1, SIGUSR1, SIGUSR1, SIGUSR2, SIGUSR2,
				 0, SIGCHLD, SIGWINCH, SIGURG, 65, -1};

	(void)v;
	setn(c, i, PICK(m));
}

static struct timespec tsin;

/* a timeout for rt_sigtimedwait: never NULL (that waits forever) */
static void b_timeout(struct call *c, int i, long v)
{
	static const struct timespec m[] = {{0, 0}, {0, 0}, {0, 1000},
					    {0, -1}, {-1, 0}};

	(void)v;
	if (pct(85)) {
		tsin = PICK(m);
		set(c, i, (long)&tsin, "{%ld %ld}", (long)tsin.tv_sec,
		    tsin.tv_nsec);
	} else {
		switch (below(3)) {
		case 0:
			set(c, i, 1, "0x1");
			break;
		case 1:
			set(c, i, KADDR, "kaddr");
			break;
		default:
			set(c, i, (long)noacc, "noacc");
			break;
		}
	}
}

/* a sleep: 0.1 ms at most */
static void b_tsin(struct call *c, int i, long v)
{
	static const struct timespec m[] = {{0, 0}, {0, 1000}, {0, 100000},
					    {0, 1000000000}, {-1, 0}};

	(void)v;
	if (pct(85)) {
		tsin = PICK(m);
		set(c, i, (long)&tsin, "{%ld %ld}", (long)tsin.tv_sec,
		    tsin.tv_nsec);
	} else {
		bad_ptr(c, i, false, sizeof(tsin));
	}
}

static struct timespec tsout;

static void b_tsout(struct call *c, int i, long v)
{
	(void)v;
	if (pct(25))
		set(c, i, 0, "NULL");
	else
		outstruct(c, i, &tsout, sizeof(tsout));
}

/* sigaltstack: the stack is always altstack (a handler running on any
 * other would crash), sizes above and below the minimum */
static void b_stack(struct call *c, int i, long v)
{
	static const long sizes[] = {BUFSZ, BUFSZ, 16384, 1024, 0};
	static const long flags[] = {0, 0, SS_DISABLE, SS_AUTODISARM,
				     SS_ONSTACK, 0x10};

	(void)v;
	if (pct(20)) {
		set(c, i, 0, "NULL");
	} else if (pct(85)) {
		ss_in.ss_sp = altstack;
		ss_in.ss_size = PICK(sizes);
		ss_in.ss_flags = PICK(flags);
		set(c, i, (long)&ss_in, "{alt %zu %#x}", ss_in.ss_size,
		    ss_in.ss_flags);
	} else {
		bad_ptr(c, i, false, sizeof(ss_in));
	}
}

static void b_stackout(struct call *c, int i, long v)
{
	(void)v;
	if (pct(30))
		set(c, i, 0, "NULL");
	else
		outstruct(c, i, &ss_out, sizeof(ss_out));
}

static void b_clock(struct call *c, int i, long v)
{
	static const long m[] = {CLOCK_REALTIME,
				 CLOCK_MONOTONIC,
				 CLOCK_PROCESS_CPUTIME_ID,
				 CLOCK_THREAD_CPUTIME_ID,
				 CLOCK_MONOTONIC_RAW,
				 CLOCK_REALTIME_COARSE,
				 CLOCK_MONOTONIC_COARSE,
				 CLOCK_BOOTTIME,
				 CLOCK_TAI,
				 10,
				 -1,
				 -2,
				 -6,
				 100};

	(void)v;
	setn(c, i, PICK(m));
}

/* clock_nanosleep: no CPU-time clock (the sleeper's own CPU time does
 * not advance while it sleeps) */
static void b_sleepclock(struct call *c, int i, long v)
{
	static const long m[] = {CLOCK_REALTIME, CLOCK_MONOTONIC,
				 CLOCK_BOOTTIME, CLOCK_TAI,
				 CLOCK_THREAD_CPUTIME_ID, -1, 100};

	(void)v;
	setn(c, i, PICK(m));
}

static void b_timerfl(struct call *c, int i, long v)
{
	(void)v;
	setn(c, i, PICK(((const long[]){0, 0, TIMER_ABSTIME, 2})));
}

static void b_grfl(struct call *c, int i, long v)
{
	static const long m[] = {0,
				 0,
				 GRND_NONBLOCK,
				 GRND_RANDOM,
				 GRND_INSECURE,
				 GRND_NONBLOCK | GRND_RANDOM,
				 GRND_INSECURE | GRND_RANDOM,
				 8};

	(void)v;
	setx(c, i, PICK(m));
}

static void b_name(struct call *c, int i, long v)
{
	static const char *const m[] = {"fuzz", "abc", "",
					"0123456789abcdefXYZ"};
	const char *s;

	(void)v;
	if (pct(85)) {
		s = PICK(m);
		set(c, i, (long)s, "\"%s\"", s);
	} else if (pct(40)) {
		set(c, i, (long)(RO_END - 3), "unterm-3");
	} else {
		bad_ptr(c, i, false, 4);
	}
}

static void b_arch(struct call *c, int i, long v)
{
	static const long m[] = {ARCH_GET_FS, ARCH_GET_GS, ARCH_GET_CPUID,
				 0x1234};

	(void)v;
	setx(c, i, PICK(m));
}

/* numbers that name no x86_64 system call (335 and 336 are uretprobe and
 * uprobe since 6.11, 512-547 the x32 ones), and x32 getpid */
static void b_nosys(struct call *c, int i, long v)
{
	static const long m[] = {340, 400, 423, 520, 1000, 100000, -1,
				 __X32_SYSCALL_BIT | SYS_getpid};

	(void)v;
	c->nr = PICK(m);
	if (c->nr == (__X32_SYSCALL_BIT | SYS_getpid) && !allowed("x32"))
		c->nr = 400;
	set(c, i, 0, "%ld", c->nr);
}

static void b_shut(struct call *c, int i, long v)
{
	static const long m[] = {SHUT_RD, SHUT_WR, SHUT_RDWR, 3, -1};

	(void)v;
	setn(c, i, PICK(m));
}

static void b_ioctl(struct call *c, int i, long v)
{
	(void)v;
	switch (below(6)) {
	case 0:
	case 1:
		set(c, i, FIONREAD, "FIONREAD");
		outstruct(c, i + 1, outs, 4);
		break;
	case 2:
		set(c, i, TCGETS, "TCGETS");
		outstruct(c, i + 1, outs, 60);
		break;
	case 3:
		set(c, i, FIOCLEX, "FIOCLEX");
		setn(c, i + 1, 0);
		break;
	case 4:
		set(c, i, FIONCLEX, "FIONCLEX");
		setn(c, i + 1, 0);
		break;
	default:
		set(c, i, 0xdeadbeef, "0xdeadbeef");
		outstruct(c, i + 1, outs, 16);
		break;
	}
}

static void b_usage(struct call *c, int i, long v)
{
	(void)v;
	setn(c, i, PICK(((const long[]){RUSAGE_SELF, RUSAGE_CHILDREN,
					RUSAGE_THREAD, -5})));
}

static void b_priowhich(struct call *c, int i, long v)
{
	(void)v;
	setn(c, i, PICK(((const long[]){PRIO_PROCESS, PRIO_PROCESS, 7})));
}

static void b_afflen(struct call *c, int i, long v)
{
	(void)v;
	setn(c, i, PICK(((const long[]){8, 128, 1, 0, 4096})));
}

static void b_const(struct call *c, int i, long v)
{
	setn(c, i, v);
}

typedef void build_fn(struct call *c, int i, long v);

static build_fn *const builders[] = {
	[K_C] = b_const,	  [K_INT] = b_int,
	[K_OFF] = b_off,	  [K_WHENCE] = b_whence,
	[K_FD] = b_fd,		  [K_FDQ] = b_fdq,
	[K_LOCKFD] = b_lockfd,
	[K_DIRFD] = b_dirfd,	  [K_NEWFD] = b_newfd,
	[K_PATH] = b_path,	  [K_PATHRO] = b_pathro,
	[K_PATHN] = b_pathn,	  [K_CHDIR] = b_chdir,
	[K_TARGET] = b_target,	  [K_OFLAGS] = b_oflags,
	[K_MODE] = b_mode,	  [K_ATFLAGS] = b_atflags,
	[K_STXFLAGS] = b_stxflags, [K_AMODE] = b_amode,
	[K_RENFLAGS] = b_renflags, [K_FLEN] = b_flen,
	[K_FAOFF] = b_faoff,	  [K_FALEN] = b_falen,
	[K_FALLOC] = b_falloc,	  [K_BUFIN] = b_bufin,
	[K_BUFOUT] = b_bufout,	  [K_IOVIN] = b_iovin,
	[K_IOVOUT] = b_iovout,	  [K_STAT] = b_stat,
	[K_STATX] = b_statx,	  [K_STXMASK] = b_stxmask,
	[K_TIMES] = b_times,	  [K_CWD] = b_cwd,
	[K_PIPEFD] = b_pipefd,	  [K_PIPEFL] = b_pipefl,
	[K_SOCKDOM] = b_sockdom,  [K_SOCKTYPE] = b_socktype,
	[K_PROTO] = b_proto,	  [K_EFDVAL] = b_efdval,
	[K_EFDFL] = b_efdfl,	  [K_DUP3FL] = b_dup3fl,
	[K_SETFL] = b_setfl,	  [K_FDFL] = b_fdfl,
	[K_MINFD] = b_minfd,	  [K_FLOCK] = b_flock,
	[K_FLOCKOP] = b_flockop,  [K_PIPESZ] = b_pipesz,
	[K_CRANGE] = b_crange,	  [K_CRFL] = b_crfl,
	[K_MMAP] = b_mmap,	  [K_MRANGE] = b_mrange,
	[K_MUNMAP] = b_munmap,	  [K_MREMAP] = b_mremap,
	[K_PROT] = b_prot,	  [K_ADVICE] = b_advice,
	[K_MSFL] = b_msfl,	  [K_OUT] = b_out,
	[K_RES] = b_res,	  [K_PID] = b_pid,
	[K_KPID] = b_kpid,	  [K_TID] = b_tid,
	[K_HOW] = b_how,	  [K_SIGSET] = b_sigset,
	[K_SIGSETOUT] = b_sigsetout, [K_SIGSZ] = b_sigsz,
	[K_SIGNO] = b_signo,	  [K_SIGACT] = b_sigact,
	[K_SIGACTOUT] = b_sigactout, [K_SENDSIG] = b_sendsig,
	[K_TIMEOUT] = b_timeout,  [K_STACK] = b_stack,
	[K_STACKOUT] = b_stackout, [K_CLOCK] = b_clock,
	[K_SLEEPCLOCK] = b_sleepclock, [K_TSIN] = b_tsin,
	[K_TSOUT] = b_tsout,	  [K_TIMERFL] = b_timerfl,
	[K_GRFL] = b_grfl,	  [K_NAME] = b_name,
	[K_ARCH] = b_arch,	  [K_NOSYS] = b_nosys,
	[K_SHUT] = b_shut,	  [K_IOCTL] = b_ioctl,
	[K_USAGE] = b_usage,	  [K_PRIOWHICH] = b_priowhich,
	[K_AFFLEN] = b_afflen,
};

/* --------------------------------------------------------------- results */

enum res {
	R_INT, /* the value */
	R_HIDE, /* "ok": an address, pid, time or random value */
	R_FD, /* a new fd, now the fuzzer's */
	R_DATA, /* a count, and a hash of the bytes in outbuf */
	R_STAT,
	R_STATX,
	R_CLOSE,
	R_DUP, /* dup2/dup3: argument 1 is now the fuzzer's */
	R_PIPE,
	R_MMAP,
	R_MUNMAP,
	R_MREMAP,
	R_CWD,
	R_SIGMASK, /* the old mask, and the signals handled so far */
	R_SIGACT,
	R_SIG,
	R_ALTSTACK,
	R_RLIM,
	R_UNAME,
	R_LK,
	R_NAME,
	R_TS,
	R_INTOUT,
	R_CLOSERANGE,
	R_SPLIT, /* mprotect, madvise: as R_INT; a part of a slot changed */
};

/* the line being printed for a call */
static char line[4096];
static size_t linelen;

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void say(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line + linelen, sizeof(line) - linelen, fmt, ap);
	va_end(ap);
	if (n > 0)
		linelen += n;
	if (linelen >= sizeof(line))
		linelen = sizeof(line) - 1;
}

static uint32_t fnv(uint32_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	while (n--) {
		h ^= *b++;
		h *= 16777619u;
	}
	return h;
}

#define FNV0 2166136261u

static void show_data(const struct call *c, long ret)
{
	uint32_t h = FNV0;
	long k, n, left = ret;

	if (ret <= 0)
		return;
	if (c->iovout) {
		for (k = 0; k < NIOV && left > 0; k++) {
			n = (long)iov[k].iov_len < left ? (long)iov[k].iov_len
							: left;
			if (iov_ok[k])
				h = fnv(h, iov[k].iov_base, n);
			left -= n;
		}
	} else if (c->outp) {
		h = fnv(h, c->outp, ret);
	} else {
		return;
	}
	say(" #%08x", h);
}

static char ftype(unsigned mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG:
		return 'f';
	case S_IFDIR:
		return 'd';
	case S_IFLNK:
		return 'l';
	case S_IFIFO:
		return 'p';
	case S_IFSOCK:
		return 's';
	case S_IFCHR:
		return 'c';
	case S_IFBLK:
		return 'b';
	default:
		return '?';
	}
}

static const char *ptrkind(const void *p, const void *ours)
{
	return !p ? "0" : p == SIG_IGN ? "I" : p == ours ? "ours" : "?";
}

static const char *rlim(unsigned long v, char *buf)
{
	if (v == RLIM_INFINITY)
		return "inf";
	snprintf(buf, 32, "%lu", v);
	return buf;
}

static void drop_range(long first, long last)
{
	int k;

	for (k = nown - 1; k >= 0; k--)
		if (own[k] >= first && own[k] <= last)
			own_del(own[k]);
}

/* print the result (the "= ..." part) and keep the books */
static void result(const struct call *c, enum res how, long ret, int err)
{
	bool ok = ret != -1;
	char b1[32], b2[32];

	if (how == R_SPLIT && c->slot >= 0 && c->part != P_WHOLE &&
	    c->part != P_NONE)
		slot[c->slot].nomremap = true; /* even if it failed halfway */
	if (c->nr == SYS_mmap && c->slot2 >= 0 && ok)
		slot[c->slot2].nomremap = c->part != P_WHOLE;
	if (!ok) {
		const char *e = strerrorname_np(err);

		say(" = -1 %s", e ? e : "E?");
		if (how == R_CLOSE && err != EBADF)
			own_del(c->a[0]); /* closed all the same */
		if (how == R_SIGMASK || how == R_SIG)
			say(" sig=%d/%d/%d", nsig[0], nsig[1], nsig[2]);
		return;
	}
	switch (how) {
	case R_HIDE:
	case R_MMAP:
	case R_MREMAP:
		say(" = ok");
		break;
	case R_CWD:
		say(" = ROOT+%ld", ret - 1 - (long)rootlen);
		break;
	default:
		say(" = %ld", ret);
		break;
	}
	switch (how) {
	case R_FD:
	case R_DUP: {
		bool dup = c->nr == SYS_dup || c->nr == SYS_dup2 ||
			   c->nr == SYS_dup3 || c->nr == SYS_fcntl;

		own_add(ret, c->nr == SYS_eventfd2 ||
				     (dup && fd_ok(c->a[0]) && isanon[c->a[0]]));
		break;
	}
	case R_DATA:
		show_data(c, ret);
		break;
	case R_STAT:
		if (c->outstruct && !c->foreign)
			say(" {%c %04o n%lu s%ld}", ftype(st.st_mode),
			       st.st_mode & 07777, (unsigned long)st.st_nlink,
			       (long)st.st_size);
		break;
	case R_STATX:
		if (!c->outstruct || c->foreign)
			break;
		say(" {");
		if (stx.stx_mask & c->a[3] & STATX_TYPE)
			say("%c", ftype(stx.stx_mode));
		if (stx.stx_mask & c->a[3] & STATX_MODE)
			say(" %04o", stx.stx_mode & 07777);
		if (stx.stx_mask & c->a[3] & STATX_NLINK)
			say(" n%u", stx.stx_nlink);
		if (stx.stx_mask & c->a[3] & STATX_SIZE)
			say(" s%llu", (unsigned long long)stx.stx_size);
		say("}");
		break;
	case R_CLOSE:
		own_del(c->a[0]);
		break;
	case R_CLOSERANGE:
		if (!(c->a[2] & CLOSE_RANGE_CLOEXEC))
			drop_range(c->a[0], (unsigned int)c->a[1]);
		break;
	case R_PIPE:
		if (!c->outstruct)
			break;
		say(" [%d %d]", pfd[0], pfd[1]);
		own_add(pfd[0], false);
		own_add(pfd[1], false);
		break;
	case R_MMAP:
		if (c->slot >= 0) {
			slot[c->slot].used = true;
			slot[c->slot].nomremap = false;
			slot[c->slot].growsdown = c->a[3] & MAP_GROWSDOWN;
			slot[c->slot].addr = ret;
			slot[c->slot].len = c->newlen;
		}
		break;
	case R_MUNMAP: {
		struct slot *s = &slot[c->slot < 0 ? 0 : c->slot];
		long end = pages(c->a[0] + c->a[1]);

		if (c->slot < 0 || c->part == P_NONE)
			break;
		if (c->a[0] == s->addr && end >= s->addr + s->len) {
			s->used = false;
		} else if (c->a[0] == s->addr) {
			s->len -= end - s->addr;
			s->addr = end;
		} else {
			s->len = c->a[0] - s->addr;
		}
		break;
	}
	case R_MREMAP:
		if (c->slot < 0)
			break;
		if (c->slot2 >= 0) {
			struct slot *t = &slot[c->slot2];

			/* the moved mapping took the head of slot2 */
			if (c->newlen >= t->len) {
				t->used = false;
			} else {
				t->addr += c->newlen;
				t->len -= c->newlen;
			}
		}
		if (c->a[3] & MREMAP_DONTUNMAP) {
			int f = free_slot();

			if (f >= 0) {
				slot[f].used = true;
				slot[f].nomremap = false;
				slot[f].growsdown = slot[c->slot].growsdown;
				slot[f].addr = ret;
				slot[f].len = c->newlen;
			}
		} else {
			slot[c->slot].addr = ret;
			slot[c->slot].len = pages(c->newlen);
			if (c->newlen > c->a[1] && !(c->a[3] & MREMAP_FIXED))
				slot[c->slot].nomremap = true;
		}
		break;
	case R_CWD:
		if (c->outp && !strncmp(outbuf, rootpath, rootlen))
			say(" \"%s\"", outbuf + rootlen);
		break;
	case R_SIGMASK:
		if (c->outstruct)
			say(" old=%#llx", (unsigned long long)sigset_out);
		say(" sig=%d/%d/%d", nsig[0], nsig[1], nsig[2]);
		break;
	case R_SIG:
		say(" sig=%d/%d/%d", nsig[0], nsig[1], nsig[2]);
		break;
	case R_SIGACT:
		if (c->outstruct)
			say(" old={%s %#lx %#llx r=%s}",
			       ka_out.handler == (void *)on_signal
				       ? "H"
				       : ptrkind(ka_out.handler, NULL),
			       ka_out.flags & ~(unsigned long)SA_RESTORER,
			       (unsigned long long)ka_out.mask,
			       ptrkind(ka_out.restorer,
				       (void *)fuzz_restorer));
		break;
	case R_ALTSTACK:
		if (c->outstruct)
			say(" old={%s %zu %#x}", ptrkind(ss_out.ss_sp, altstack),
			       ss_out.ss_size, ss_out.ss_flags);
		break;
	case R_RLIM: {
		const struct rlimit *r = (const void *)outs;

		if (c->outstruct)
			say(" {%s %s}", rlim(r->rlim_cur, b1),
			       rlim(r->rlim_max, b2));
		break;
	}
	case R_UNAME: {
		const struct utsname *u = (const void *)outs;

		if (c->outstruct)
			say(" {%s %s}", u->sysname, u->machine);
		break;
	}
	case R_LK:
		if (c->outstruct && (c->a[1] == F_GETLK || c->a[1] == F_OFD_GETLK))
			say(" {%d %d %ld %ld %s}", fl.l_type, fl.l_whence,
			       (long)fl.l_start, (long)fl.l_len,
			       fl.l_pid > 0 ? "pid" : fl.l_pid ? "-1" : "0");
		break;
	case R_NAME:
		if (c->outstruct)
			say(" \"%.16s\"", outs);
		break;
	case R_TS:
		if (c->outstruct)
			say(" {%ld %ld}", (long)tsout.tv_sec, tsout.tv_nsec);
		break;
	case R_INTOUT:
		if (c->outstruct)
			say(" [%d]", *(int *)outs);
		break;
	default:
		break;
	}
}

/* ------------------------------------------------------------ the table */

/* flags of a row */
#define NEWFD 1 /* makes fds: skipped while the fuzzer holds MAXOWN */

struct row {
	const char *name;
	long nr;
	unsigned weight;
	unsigned char res; /* enum res */
	unsigned char flags;
	struct arg arg[6];
	const char *tag; /* for FUZZ_EXCLUDE (NULL: the name) */
};

/* a row: name (also SYS_name), weight, how the result shows, flags, the
 * kinds of the arguments; ROWT also gives the tag FUZZ_EXCLUDE knows the
 * row by, ROWX a number of its own */
#define ROW(name, w, res, fl, ...) \
	{#name, SYS_##name, w, res, fl, {__VA_ARGS__}, NULL}
#define ROWT(name, tag, w, res, fl, ...) \
	{#name, SYS_##name, w, res, fl, {__VA_ARGS__}, #tag}
#define ROWX(name, nr, w, res, fl, ...) \
	{#name, nr, w, res, fl, {__VA_ARGS__}, NULL}

/* clang-format off */
static const struct row table[] = {
	/* files */
	ROW(open, 6, R_FD, NEWFD, A(PATH), A(OFLAGS), A(MODE)),
	ROW(openat, 10, R_FD, NEWFD, A(DIRFD), A(PATH), A(OFLAGS), A(MODE)),
	ROW(creat, 2, R_FD, NEWFD, A(PATH), A(MODE)),
	ROW(read, 10, R_DATA, 0, A(FD), A(BUFOUT), A(SKIP)),
	ROW(write, 10, R_INT, 0, A(FD), A(BUFIN), A(SKIP)),
	ROW(pread64, 4, R_DATA, 0, A(FD), A(BUFOUT), A(SKIP), A(OFF)),
	ROW(pwrite64, 4, R_INT, 0, A(FD), A(BUFIN), A(SKIP), A(OFF)),
	ROW(readv, 4, R_DATA, 0, A(FD), A(IOVOUT), A(SKIP)),
	ROW(writev, 4, R_INT, 0, A(FD), A(IOVIN), A(SKIP)),
	ROW(lseek, 5, R_INT, 0, A(FD), A(OFF), A(WHENCE)),
	ROW(close, 8, R_CLOSE, 0, A(FD)),
	ROW(close_range, 1, R_CLOSERANGE, 0, A(CRANGE), A(SKIP), A(CRFL)),
	ROW(dup, 2, R_FD, NEWFD, A(FD)),
	ROW(dup2, 2, R_DUP, NEWFD, A(FD), A(NEWFD)),
	ROW(dup3, 2, R_DUP, NEWFD, A(FD), A(NEWFD), A(DUP3FL)),
	ROW(fstat, 4, R_STAT, 0, A(FDQ), A(STAT)),
	ROW(stat, 2, R_STAT, 0, A(PATHRO), A(STAT)),
	ROW(lstat, 2, R_STAT, 0, A(PATHRO), A(STAT)),
	ROW(newfstatat, 4, R_STAT, 0, A(DIRFD), A(PATHRO), A(STAT), A(ATFLAGS)),
	ROW(statx, 4, R_STATX, 0, A(DIRFD), A(PATHRO), A(STXFLAGS), A(STXMASK), A(STATX)),
	ROW(access, 2, R_INT, 0, A(PATHRO), A(AMODE)),
	ROW(faccessat, 1, R_INT, 0, A(DIRFD), A(PATHRO), A(AMODE)),
	ROW(faccessat2, 2, R_INT, 0, A(DIRFD), A(PATHRO), A(AMODE), A(ATFLAGS)),
	ROW(mkdir, 3, R_INT, 0, A(PATH), A(MODE)),
	ROW(mkdirat, 3, R_INT, 0, A(DIRFD), A(PATH), A(MODE)),
	ROW(rmdir, 2, R_INT, 0, A(PATH)),
	ROW(unlink, 2, R_INT, 0, A(PATH)),
	ROW(unlinkat, 3, R_INT, 0, A(DIRFD), A(PATH), A(ATFLAGS)),
	ROW(rename, 2, R_INT, 0, A(PATH), A(PATH)),
	ROW(renameat2, 3, R_INT, 0, A(DIRFD), A(PATH), A(DIRFD), A(PATH), A(RENFLAGS)),
	ROW(link, 2, R_INT, 0, A(PATH), A(PATH)),
	ROW(linkat, 2, R_INT, 0, A(DIRFD), A(PATH), A(DIRFD), A(PATH), A(ATFLAGS)),
	ROW(symlink, 2, R_INT, 0, A(TARGET), A(PATH)),
	ROW(symlinkat, 2, R_INT, 0, A(TARGET), A(DIRFD), A(PATH)),
	ROW(readlink, 2, R_DATA, 0, A(PATHRO), A(BUFOUT), A(SKIP)),
	ROW(readlinkat, 2, R_DATA, 0, A(DIRFD), A(PATHRO), A(BUFOUT), A(SKIP)),
	ROW(truncate, 2, R_INT, 0, A(PATH), A(FLEN)),
	ROW(ftruncate, 3, R_INT, 0, A(FD), A(FLEN)),
	ROW(fallocate, 2, R_INT, 0, A(FD), A(FALLOC), A(FAOFF), A(FALEN)),
	ROW(fsync, 1, R_INT, 0, A(FD)),
	ROW(fdatasync, 1, R_INT, 0, A(FD)),
	ROW(getdents64, 3, R_INT, 0, A(FD), AV(BUFOUT, BUF_NOKEEP), A(SKIP)),
	ROWT(fcntl, F_GETFL, 2, R_INT, 0, A(FDQ), C(F_GETFL)),
	ROWT(fcntl, F_SETFL, 2, R_INT, 0, A(FD), C(F_SETFL), A(SETFL)),
	ROWT(fcntl, F_GETFD, 2, R_INT, 0, A(FDQ), C(F_GETFD)),
	ROWT(fcntl, F_SETFD, 2, R_INT, 0, A(FD), C(F_SETFD), A(FDFL)),
	ROWT(fcntl, F_DUPFD, 2, R_FD, NEWFD, A(FD), C(F_DUPFD), A(MINFD)),
	ROWT(fcntl, F_DUPFD_CLOEXEC, 1, R_FD, NEWFD, A(FD), C(F_DUPFD_CLOEXEC), A(MINFD)),
	ROWT(fcntl, F_GETLK, 2, R_LK, 0, A(LOCKFD), C(F_GETLK), A(FLOCK)),
	ROWT(fcntl, F_SETLK, 2, R_LK, 0, A(LOCKFD), C(F_SETLK), A(FLOCK)),
	ROWT(fcntl, F_OFD_GETLK, 1, R_LK, 0, A(LOCKFD), C(F_OFD_GETLK), A(FLOCK)),
	ROWT(fcntl, F_OFD_SETLK, 1, R_LK, 0, A(LOCKFD), C(F_OFD_SETLK), A(FLOCK)),
	ROWT(fcntl, F_GETPIPE_SZ, 1, R_INT, 0, A(FD), C(F_GETPIPE_SZ)),
	ROWT(fcntl, F_SETPIPE_SZ, 1, R_INT, 0, A(FD), C(F_SETPIPE_SZ), A(PIPESZ)),
	ROW(flock, 2, R_INT, 0, A(LOCKFD), A(FLOCKOP)),
	ROW(chmod, 2, R_INT, 0, A(PATH), A(MODE)),
	ROW(fchmod, 2, R_INT, 0, A(FD), A(MODE)),
	ROW(fchmodat, 2, R_INT, 0, A(DIRFD), A(PATH), A(MODE)),
	ROW(fchmodat2, 1, R_INT, 0, A(DIRFD), A(PATH), A(MODE), A(ATFLAGS)),
	ROW(utimensat, 3, R_INT, 0, A(DIRFD), A(PATHN), A(TIMES), A(ATFLAGS)),
	ROW(getcwd, 2, R_CWD, 0, A(CWD), A(SKIP)),
	ROW(chdir, 3, R_INT, 0, A(CHDIR)),
	ROW(fchdir, 1, R_INT, 0, A(DIRFD)),
	ROW(ioctl, 2, R_INTOUT, 0, A(FD), A(IOCTL), A(SKIP)),
	/* pipes, sockets, eventfds: never blocking */
	ROW(pipe2, 4, R_PIPE, NEWFD, A(PIPEFD), A(PIPEFL)),
	ROW(socketpair, 3, R_PIPE, NEWFD, A(SOCKDOM), A(SOCKTYPE), A(PROTO), A(PIPEFD)),
	ROW(eventfd2, 2, R_FD, NEWFD, A(EFDVAL), A(EFDFL)),
	ROW(shutdown, 1, R_INT, 0, A(FD), A(SHUT)),
	/* memory */
	ROW(mmap, 6, R_MMAP, 0, A(MMAP)),
	ROW(munmap, 3, R_MUNMAP, 0, A(MUNMAP), A(SKIP)),
	ROW(mprotect, 4, R_SPLIT, 0, A(MRANGE), A(SKIP), A(PROT)),
	ROW(madvise, 4, R_SPLIT, 0, A(MRANGE), A(SKIP), A(ADVICE)),
	ROW(mremap, 3, R_MREMAP, 0, A(MREMAP)),
	ROW(msync, 1, R_INT, 0, A(MRANGE), A(SKIP), A(MSFL)),
	ROW(brk, 1, R_HIDE, 0, C(0)),
	/* who am I */
	ROW(getpid, 1, R_HIDE, 0, A(NONE)),
	ROW(getppid, 1, R_HIDE, 0, A(NONE)),
	ROW(gettid, 1, R_HIDE, 0, A(NONE)),
	ROW(getpgrp, 1, R_HIDE, 0, A(NONE)),
	ROW(getuid, 1, R_INT, 0, A(NONE)),
	ROW(geteuid, 1, R_INT, 0, A(NONE)),
	ROW(getgid, 1, R_INT, 0, A(NONE)),
	ROW(getegid, 1, R_INT, 0, A(NONE)),
	ROW(getrlimit, 2, R_RLIM, 0, A(RES), O(16)),
	ROW(prlimit64, 2, R_RLIM, 0, A(PID), A(RES), C(0), O(16)),
	ROW(uname, 1, R_UNAME, 0, O(sizeof(struct utsname))),
	ROW(sysinfo, 1, R_HIDE, 0, O(112)),
	ROW(getrusage, 1, R_HIDE, 0, A(USAGE), O(144)),
	ROW(times, 1, R_HIDE, 0, O(32)),
	ROW(umask, 2, R_INT, 0, A(MODE)),
	ROW(getpriority, 1, R_INT, 0, A(PRIOWHICH), C(0)),
	ROW(sched_getaffinity, 1, R_INT, 0, C(0), A(AFFLEN), O(512)),
	/* signals */
	ROW(rt_sigprocmask, 5, R_SIGMASK, 0, A(HOW), A(SIGSET), A(SIGSETOUT), A(SIGSZ)),
	ROW(rt_sigaction, 5, R_SIGACT, 0, A(SIGNO), A(SIGACT), A(SIGACTOUT), A(SIGSZ)),
	ROW(rt_sigpending, 1, R_SIGMASK, 0, A(SIGSETOUT), A(SIGSZ)),
	ROW(rt_sigtimedwait, 2, R_SIG, 0, A(SIGSET), O(128), A(TIMEOUT), A(SIGSZ)),
	ROW(kill, 4, R_SIG, 0, A(KPID), A(SENDSIG)),
	ROW(tgkill, 2, R_SIG, 0, A(KPID), A(TID), A(SENDSIG)),
	ROW(tkill, 1, R_SIG, 0, A(TID), A(SENDSIG)),
	ROW(sigaltstack, 2, R_ALTSTACK, 0, A(STACK), A(STACKOUT)),
	/* time */
	ROW(clock_gettime, 2, R_HIDE, 0, A(CLOCK), A(TSOUT)),
	ROW(clock_getres, 1, R_TS, 0, A(CLOCK), A(TSOUT)),
	ROW(gettimeofday, 1, R_HIDE, 0, O(16), O(8)),
	ROW(time, 1, R_HIDE, 0, O(8)),
	ROW(nanosleep, 1, R_INT, 0, A(TSIN), A(TSOUT)),
	ROW(clock_nanosleep, 1, R_INT, 0, A(SLEEPCLOCK), A(TIMERFL), A(TSIN), A(TSOUT)),
	/* the rest */
	ROW(sched_yield, 1, R_INT, 0, A(NONE)),
	ROW(getrandom, 2, R_INT, 0, AV(BUFOUT, BUF_SMALL | BUF_NOKEEP), A(SKIP), A(GRFL)),
	ROWT(prctl, PR_GET_NAME, 1, R_NAME, 0, C(PR_GET_NAME), O(16)),
	ROWT(prctl, PR_SET_NAME, 1, R_INT, 0, C(PR_SET_NAME), A(NAME)),
	ROWT(prctl, PR_GET_DUMPABLE, 1, R_INT, 0, C(PR_GET_DUMPABLE)),
	ROWT(prctl, PR_GET_NO_NEW_PRIVS, 1, R_INT, 0, C(PR_GET_NO_NEW_PRIVS), C(0), C(0), C(0), C(0)),
	ROWT(prctl, PR_GET_SECCOMP, 1, R_INT, 0, C(PR_GET_SECCOMP)),
	ROWT(prctl, PR_GET_TSC, 1, R_INTOUT, 0, C(PR_GET_TSC), O(4)),
	ROWT(prctl, PR_GET_TIMERSLACK, 1, R_INT, 0, C(PR_GET_TIMERSLACK)),
	ROWT(prctl, PR_GET_PDEATHSIG, 1, R_INTOUT, 0, C(PR_GET_PDEATHSIG), O(4)),
	ROWT(prctl, PR_INVALID, 1, R_INT, 0, C(12345)),
	ROW(arch_prctl, 1, R_INT, 0, A(ARCH), O(8)),
	ROWX(nosys, -1, 1, R_HIDE, 0, A(NOSYS)),
};
/* clang-format on */

static const struct row *pick(void)
{
	static unsigned total;
	const struct row *r;
	unsigned k, w;

	if (!total)
		for (k = 0; k < ARRAY_SIZE(table); k++)
			total += table[k].weight;
	for (;;) {
		w = below(total);
		for (r = table; w >= r->weight; r++)
			w -= r->weight;
		if ((r->flags & NEWFD) && nown >= MAXOWN - 1)
			continue; /* close something first */
		if (!allowed(r->tag ? r->tag : r->name))
			continue;
		return r;
	}
}

static void build(const struct row *r, struct call *c)
{
	int i;

	memset(c, 0, sizeof(*c));
	c->nr = r->nr;
	c->slot = c->slot2 = -1;
	c->part = P_NONE;
	for (i = 0; i < 6; i++) {
		unsigned char k = r->arg[i].kind;

		if (k == K_NONE)
			break;
		if (k == K_MMAP || k == K_MREMAP) {
			builders[k](c, i, r->arg[i].v);
			c->nargs = k == K_MMAP ? 6 : 5;
			return;
		}
		if (k != K_SKIP)
			builders[k](c, i, r->arg[i].v);
		c->nargs = i + 1;
	}
}

/* ------------------------------------------------------------------ main */

static const char *ranges;

/* is call `k` in RANGES? */
static bool wanted(long k)
{
	const char *p = ranges;
	char *end;
	long a, b;

	if (!p)
		return true;
	while (*p) {
		a = strtol(p, &end, 10);
		b = a;
		if (*end == '-')
			b = strtol(end + 1, &end, 10);
		if (k >= a && k <= b)
			return true;
		if (*end != ',')
			break;
		p = end + 1;
	}
	return false;
}

static void die(const char *what)
{
	fprintf(stderr, "fuzz: %s: %s\n", what, strerror(errno));
	exit(2);
}

static void setup(uint64_t seed)
{
	struct sigaction sa;
	long k;
	char *area;

	umask(022);
	if (!getcwd(rootpath, sizeof(rootpath)))
		die("getcwd");
	rootlen = strlen(rootpath);
	rootfd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0)
		die("open .");
	mypid = getpid();
	mytid = gettid();

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGXFSZ, &sa, NULL);
	sigaction(SIGIO, &sa, NULL);
	sa.sa_handler = on_signal;
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	sigprocmask(SIG_SETMASK, &sa.sa_mask, NULL);

	area = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (area == MAP_FAILED)
		die("mmap");
	ro_page = area;
	noacc = area + PG;
	rw_page = area + 2 * PG;
	memset(ro_page, 'x', PG);
	if (mprotect(ro_page, PG, PROT_READ) ||
	    mprotect(noacc, PG, PROT_NONE) ||
	    mprotect(rw_page + PG, PG, PROT_NONE))
		die("mprotect");

	rng = seed ^ 0x5eed5eed5eedULL;
	for (k = 0; k < BUFSZ; k++)
		inbuf[k] = (char)rnd();
	memset(name255, 'x', 255);
	memset(name256, 'y', 256);
	for (k = 0; k + 2 < (long)sizeof(longpath); k += 2)
		memcpy(longpath + k, "a/", 2);
	rng = seed;

	/* something to start from: d/e/, a (100 bytes), s -> d */
	k = open("a", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (k < 0 || write(k, inbuf, 100) != 100 || close(k) ||
	    mkdir("d", 0755) || mkdir("d/e", 0755) || symlink("d", "s"))
		die("setting up DIR");
}

int main(int argc, char **argv)
{
	struct call c;
	const struct row *r;
	long count, k, ret;
	uint64_t seed;
	int i, err;
	size_t at;
	/* FUZZ_TRACE=1: "INDEX = RESULT" on stderr too, before the line, so
	 * that mvee's report of a divergence shows the results that differ */
	bool trace = getenv("FUZZ_TRACE") && *getenv("FUZZ_TRACE") == '1';

	if (argc < 4 || argc > 5) {
		fprintf(stderr, "usage: fuzz SEED COUNT DIR [RANGES]\n");
		return 2;
	}
	seed = strtoull(argv[1], NULL, 0);
	count = strtol(argv[2], NULL, 0);
	ranges = argc == 5 ? argv[4] : NULL;
	if (chdir(argv[3]))
		die(argv[3]);
	setvbuf(stdout, NULL, _IOLBF, 0);
	setup(seed);
	printf("fuzz seed %llu count %ld\n", (unsigned long long)seed, count);

	for (k = 0; k < count; k++) {
		r = pick();
		build(r, &c);
		if (!wanted(k))
			continue;
		errno = 0;
		ret = syscall(c.nr, c.a[0], c.a[1], c.a[2], c.a[3], c.a[4],
			      c.a[5]);
		err = errno;
		linelen = 0;
		say("%ld %s(", k, r->name);
		for (i = 0; i < c.nargs; i++)
			say("%s%s", i ? ", " : "", c.d[i]);
		say(")");
		at = linelen;
		result(&c, r->res, ret, err);
		if (trace)
			fprintf(stderr, "%ld%s\n", k, line + at);
		printf("%s\n", line);
	}
	printf("signals %d %d %d\n", nsig[0], nsig[1], nsig[2]);
	printf("done %ld\n", count);
	return 0;
}
