/* monio.c - mvee runs a leader-only read or write itself.
 *
 * A read or write on a leader-owned fd (a file open for writing, a pipe,
 * a socket) happens once: run by the leader, it needs the leader's exit
 * stop, and the followers wait at their entry until that stop. Instead
 * mvee runs the call itself, on a duplicate of the leader's fd
 * (pidfd_getfd: the same open file, offset and status flags), and every
 * variant, the leader too, skips the call and gets its result: one stop
 * per variant and call, and no variant waits for another's exit.
 *
 * Only where mvee gets what the leader would:
 *   - regular files on local filesystems (not O_DIRECT, whose buffers
 *     must be aligned; writes only while the leader's RLIMIT_FSIZE is
 *     unlimited) and /dev/null, zero, full, random and urandom: run as
 *     they are, waiting at most for the disk;
 *   - pipes, FIFOs and sockets: as they are when the fd is non-blocking;
 *     otherwise without waiting (RWF_NOWAIT), and the leader runs the call
 *     itself when it would wait. A write that could be cut short where the
 *     leader's would wait for the rest (to a socket, more than PIPE_BUF
 *     bytes to a pipe) is the leader's.
 * Everything else is the leader's: ttys, other devices, procfs and sysfs
 * files (what they give can depend on who reads), and anonymous files
 * (eventfd, timerfd, signalfd, which would read mvee's own signals).
 * Before a read, the leader's buffers are checked to be writable: data
 * taken from a pipe or socket cannot be put back.
 */
#include "monitor.h"
#include "tmem.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <unistd.h>

#ifndef RWF_NOWAIT
#define RWF_NOWAIT 0x8
#endif

#define MONIO_MAX (4UL << 20) /* larger transfers are the leader's */
#define MONIO_IOV 1024 /* UIO_MAXIOV */

enum how {
	LEADER, /* the leader runs it */
	AS_IS, /* mvee runs it as it is */
	NOWAIT, /* mvee runs it with RWF_NOWAIT, the leader if it would wait */
};

/* filesystems whose regular files give every reader the same bytes and
 * never wait for anything but the disk */
static bool local_fs(int fd)
{
	static const long ok[] = {
		0xEF53, /* ext2, ext3, ext4 */
		0x01021994, /* tmpfs (also memfd, devtmpfs) */
		0x858458f6, /* ramfs */
		0x958458f6, /* hugetlbfs */
		0x794c7630, /* overlayfs */
		0x58465342, /* xfs */
		0x9123683E, /* btrfs */
		0xF2F52010, /* f2fs */
	};
	struct statfs sf;
	size_t i;

	if (fstatfs(fd, &sf))
		return false;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (sf.f_type == ok[i])
			return true;
	return false;
}

/* /dev/null, zero, full, random, urandom */
static bool mem_device(dev_t rdev)
{
	unsigned m = minor(rdev);

	return major(rdev) == 1 &&
	       (m == 3 || m == 5 || m == 7 || m == 8 || m == 9);
}

static bool fsize_unlimited(pid_t pid)
{
	struct rlimit rl;

	return !prlimit(pid, RLIMIT_FSIZE, NULL, &rl) &&
	       rl.rlim_cur == RLIM_INFINITY;
}

static enum how how_to_run(const struct lproc *p, int fd, bool write,
			   size_t total)
{
	struct stat st;
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0 || fstat(fd, &st))
		return LEADER;
	switch (st.st_mode & S_IFMT) {
	case S_IFREG:
		if ((fl & O_DIRECT) || !local_fs(fd) ||
		    (write && !fsize_unlimited(p->pid[0])))
			return LEADER;
		return AS_IS;
	case S_IFCHR:
		return mem_device(st.st_rdev) ? AS_IS : LEADER;
	case S_IFIFO:
	case S_IFSOCK:
		if (fl & O_NONBLOCK)
			return AS_IS;
		if (!write || (S_ISFIFO(st.st_mode) && total <= PIPE_BUF))
			return NOWAIT;
		return LEADER;
	default:
		return LEADER;
	}
}

static bool vectored(long nr)
{
	return nr == __NR_readv || nr == __NR_writev || nr == __NR_preadv ||
	       nr == __NR_pwritev || nr == __NR_preadv2 || nr == __NR_pwritev2;
}

static bool writes(long nr)
{
	return nr == __NR_write || nr == __NR_pwrite64 || nr == __NR_writev ||
	       nr == __NR_pwritev || nr == __NR_pwritev2;
}

/* the file offset argument (-1: the fd's own offset) and RWF flags;
 * false when the offset is one the kernel refuses (EINVAL: its answer) */
static bool position(const struct call *c, long *off, long *flags)
{
	*off = -1;
	*flags = 0;
	if (c->nr == __NR_read || c->nr == __NR_write || c->nr == __NR_readv ||
	    c->nr == __NR_writev)
		return true;
	*off = (long)c->arg[3];
	if (c->nr == __NR_preadv2 || c->nr == __NR_pwritev2) {
		*flags = (long)c->arg[5];
		return *off >= -1;
	}
	return *off >= 0;
}

/* The leader's buffers: iov as the leader has them, read once; -1 when
 * they cannot be read or hold too much (the leader runs the call) */
static int leader_buffers(const struct call *c, struct iovec *iov,
			  size_t *total)
{
	int n = 1, k;

	*total = 0;
	if (vectored(c->nr)) {
		n = call_iov(c, 1, iov, MONIO_IOV);
		if (n < 0 || (uint64_t)n != c->arg[2])
			return -1;
	} else {
		iov[0].iov_base = (void *)(uintptr_t)c->arg[1];
		iov[0].iov_len = c->arg[2];
	}
	for (k = 0; k < n; k++) {
		if (iov[k].iov_len > MONIO_MAX - *total)
			return -1;
		*total += iov[k].iov_len;
	}
	return n;
}

/* a read: room in b for what goes to iov's n buffers */
static void read_room(struct buf *b, struct iovec *iov, int n, size_t total)
{
	unsigned char *p;
	int k;

	buf_reset(b);
	p = buf_reserve(b, total ? total : 1);
	for (k = 0; k < n; k++) {
		iov[k].iov_base = p;
		p += iov[k].iov_len;
	}
}

/* a write: the bytes read at entry (the input spans of argument 1, one
 * per non-empty element) in place of the leader's buffers; false when
 * they are not all there (a fault: the kernel's answer) */
static bool write_data(const struct call *c, struct iovec *iov, int n)
{
	int k, i = 0;

	for (k = 0; k < c->in.n; k++) {
		const struct span *s = &c->in.s[k];

		if (s->arg != 1 || (s->flags & SPAN_INLINE))
			continue;
		if (s->flags & SPAN_FAULT)
			return false;
		while (i < n && !iov[i].iov_len)
			i++;
		if (i == n || iov[i].iov_len != s->len)
			return false;
		iov[i++].iov_base = span_data(c, s);
	}
	while (i < n && !iov[i].iov_len)
		i++;
	return i == n;
}

/* can the leader's read buffers take the data? (read back and rewritten:
 * the set is stopped, so nothing else writes there meanwhile) */
static bool writable(const struct call *c, const struct iovec *iov, int n)
{
	static struct buf b;
	int k;

	for (k = 0; k < n; k++) {
		uint64_t a = (uintptr_t)iov[k].iov_base;
		size_t len = iov[k].iov_len;
		void *tmp;

		if (!len)
			continue;
		buf_reset(&b);
		tmp = buf_reserve(&b, len);
		if (tmem_read(c->tid, a, tmp, len) != (ssize_t)len ||
		    tmem_write_user(c->tid, a, tmp, len) != (ssize_t)len)
			return false;
	}
	return true;
}

#ifndef PIDFD_THREAD
#define PIDFD_THREAD O_EXCL
#endif

/* a duplicate of fd as the leader's calling task t has it: through the
 * process's pidfd (kept) for its main thread, through a pidfd of the
 * thread itself for another (a thread may have a table of its own:
 * unshare(CLONE_FILES)); -1 when it cannot be had */
static int leader_fd(struct lproc *p, const struct task *t, long fd)
{
	int pidfd, dup;

	if (fd < 0 || fd > INT_MAX)
		return -1;
	if (t->tid != p->pid[0]) {
		pidfd = (int)syscall(SYS_pidfd_open, t->tid, PIDFD_THREAD);
		if (pidfd < 0)
			return -1;
		dup = (int)syscall(SYS_pidfd_getfd, pidfd, (int)fd, 0);
		close(pidfd);
		return dup;
	}
	if (p->pidfd < 0)
		p->pidfd = (int)syscall(SYS_pidfd_open, p->pid[0], 0);
	if (p->pidfd < 0)
		return -1;
	return (int)syscall(SYS_pidfd_getfd, p->pidfd, (int)fd, 0);
}

static long run(const struct call *c, int fd, enum how how, long off,
		long flags, struct iovec *iov, int n)
{
	long r;

	if (how == NOWAIT)
		r = syscall(writes(c->nr) ? SYS_pwritev2 : SYS_preadv2, fd, iov,
			    n, off, 0, flags | RWF_NOWAIT);
	else if (vectored(c->nr))
		r = syscall(c->nr, fd, iov, n, c->arg[3], c->arg[4], c->arg[5]);
	else
		r = syscall(c->nr, fd, iov[0].iov_base, iov[0].iov_len,
			    c->arg[3]);
	return r < 0 ? -errno : r;
}

bool monio_run(struct taskset *s, long *ret)
{
	static struct buf b;
	struct task *lt = s->task[0];
	struct call *c = &lt->call;
	struct iovec iov[MONIO_IOV];
	bool w = writes(c->nr);
	size_t total;
	enum how how;
	long off, flags, r;
	int fd, n;

	if (!cfg.monitor_io || !s->row || !(s->row->flags & SCF_MONIO) ||
	    !position(c, &off, &flags))
		return false;
	n = leader_buffers(c, iov, &total);
	if (n < 0 || (w && !write_data(c, iov, n)))
		return false;
	fd = leader_fd(s->proc, lt, (long)(int)c->arg[0]);
	if (fd < 0)
		return false;
	how = how_to_run(s->proc, fd, w, total);
	if (how != LEADER && !w && total && !writable(c, iov, n))
		how = LEADER;
	if (!w)
		read_room(&b, iov, n, total);
	r = how == LEADER ? -EAGAIN : run(c, fd, how, off, flags, iov, n);
	close(fd);
	if (how == LEADER || (how == NOWAIT && !(flags & RWF_NOWAIT) &&
			      (r == -EAGAIN || r == -EOPNOTSUPP)))
		return false;
	c->ret = r;
	if (!w) {
		call_outputs_given(c, r, b.p);
		if (replicate_to(c, c))
			bug(__FILE__, __LINE__,
			    "%s: the data read cannot be written into variant 0",
			    call_name(c->nr));
	} else {
		spans_reset(&c->out);
	}
	if (r == -EPIPE)
		for (n = 0; n < s->n; n++)
			signals_raise(s->task[n], SIGPIPE);
	*ret = r;
	return true;
}

void monio_forget(struct lproc *p)
{
	if (p->pidfd >= 0)
		close(p->pidfd);
	p->pidfd = -1;
}
