/* modern.c - calls newer than the classic ones, as raw syscalls: statx,
 * rseq (glibc's registration, or our own), close_range, prlimit64,
 * getrandom (length only), openat2 with RESOLVE_BENEATH, faccessat2,
 * pidfd_open and pidfd_send_signal on the program's own pid,
 * copy_file_range, sendfile, splice, membarrier, getcpu. */
#include "tests.h"

#include <fcntl.h>
#include <linux/close_range.h>
#include <linux/membarrier.h>
#include <linux/openat2.h>
#include <linux/rseq.h>
#include <linux/stat.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/random.h>
#include <sys/rseq.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>

#define RSEQ_SIG 0x53053053

static struct rseq own_rseq __attribute__((aligned(32)));

static void rseq_check(void)
{
	volatile struct rseq *rs;
	long ncpu = sysconf(_SC_NPROCESSORS_CONF);

	if (__rseq_size > 0) {
		rs = (struct rseq *)((char *)__builtin_thread_pointer() +
				     __rseq_offset);
		printf("rseq registered by libc\n");
		ERR("rseq(other area, register)", EINVAL,
		    syscall(SYS_rseq, &own_rseq, sizeof(own_rseq), 0,
			    RSEQ_SIG));
	} else {
		rs = &own_rseq;
		printf("rseq registered by libc (no, registering our own)\n");
		OK(syscall(SYS_rseq, &own_rseq, sizeof(own_rseq), 0, RSEQ_SIG));
	}
	sched_yield();
	printf("rseq cpu_id valid %s, cpu_id_start valid %s\n",
	       yesno((long)rs->cpu_id < ncpu),
	       yesno((long)rs->cpu_id_start < ncpu));
	ERR("rseq(NULL, 32, bad flags)", EINVAL,
	    syscall(SYS_rseq, NULL, 32, 0x10, RSEQ_SIG));
}

int main(int argc, char **argv)
{
	struct open_how how;
	struct rlimit rl, old;
	struct statx sx;
	unsigned char rnd[64];
	unsigned cpu = ~0U, node = ~0U;
	loff_t off_in, off_out;
	char buf[64];
	int fd, fd2, dfd, pfd, p[2], i;
	long r;

	scratch_enter(argc, argv, "modern");
	fd = OK(open("src", O_RDWR | O_CREAT | O_TRUNC, 0640));
	OK(write(fd, "0123456789abcdef", 16));

	/* statx */
	memset(&sx, 0, sizeof(sx));
	SHOW("statx(AT_FDCWD, \"src\", AT_STATX_SYNC_AS_STAT, STATX_ALL)",
	     syscall(SYS_statx, AT_FDCWD, "src", AT_STATX_SYNC_AS_STAT,
		     STATX_ALL, &sx));
	printf("size %llu, mode %04o, type file %s, blocks counted %s\n",
	       (unsigned long long)sx.stx_size, sx.stx_mode & 07777,
	       yesno(S_ISREG(sx.stx_mode)), yesno(sx.stx_mask & STATX_BLOCKS));
	SHOW("statx(fd, \"\", AT_EMPTY_PATH, STATX_SIZE)",
	     syscall(SYS_statx, fd, "", AT_EMPTY_PATH, STATX_SIZE, &sx));
	ERR("statx(AT_FDCWD, \"missing\")", ENOENT,
	    syscall(SYS_statx, AT_FDCWD, "missing", 0, STATX_SIZE, &sx));

	rseq_check();

	/* close_range */
	for (i = 40; i < 44; i++)
		OK(dup2(fd, i));
	SHOW("close_range(40, 41, 0)", syscall(SYS_close_range, 40, 41, 0));
	SHOW("close_range(42, 43, CLOSE_RANGE_CLOEXEC)",
	     syscall(SYS_close_range, 42, 43, CLOSE_RANGE_CLOEXEC));
	printf("fd 41 closed %s, fd 42 cloexec %s\n",
	       yesno(fcntl(41, F_GETFD) == -1),
	       yesno(fcntl(42, F_GETFD) == FD_CLOEXEC));
	ERR("close_range(0, 10, 0x1000)", EINVAL,
	    syscall(SYS_close_range, 0, 10, 0x1000));
	OK(syscall(SYS_close_range, 42, 43, 0));

	/* prlimit64 */
	SHOW("prlimit64(0, RLIMIT_NOFILE, NULL, &old)",
	     syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &old));
	rl = old;
	rl.rlim_cur = 77;
	SHOW("prlimit64(0, RLIMIT_NOFILE, {77, max}, NULL)",
	     syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &rl, NULL));
	ERR("dup2(fd, 80) beyond the limit", EBADF, dup2(fd, 80));
	SHOW("prlimit64(getpid(), RLIMIT_NOFILE, &old, &rl)",
	     syscall(SYS_prlimit64, getpid(), RLIMIT_NOFILE, &old, &rl));
	printf("limit read back 77 %s\n", yesno(rl.rlim_cur == 77));
	rl.rlim_cur = rl.rlim_max + 1;
	ERR("prlimit64(soft > hard)", EINVAL,
	    syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &rl, NULL));

	/* getrandom: only lengths */
	SHOW("getrandom(rnd, 64, 0)", syscall(SYS_getrandom, rnd, 64, 0));
	SHOW("getrandom(rnd, 1, GRND_NONBLOCK)",
	     syscall(SYS_getrandom, rnd, 1, GRND_NONBLOCK));

	/* openat2 */
	OK(mkdir("d", 0755));
	dfd = OK(open("d", O_RDONLY | O_DIRECTORY));
	OK(close(OK(openat(dfd, "in", O_WRONLY | O_CREAT, 0600))));
	memset(&how, 0, sizeof(how));
	how.flags = O_RDONLY | O_CLOEXEC;
	how.resolve = RESOLVE_BENEATH;
	fd2 = SHOW("openat2(dfd, \"in\", RESOLVE_BENEATH)",
		   syscall(SYS_openat2, dfd, "in", &how, sizeof(how)));
	OK(close(fd2));
	ERR("openat2(dfd, \"../src\", RESOLVE_BENEATH)", EXDEV,
	    syscall(SYS_openat2, dfd, "../src", &how, sizeof(how)));
	ERR("openat2(size 8)", EINVAL,
	    syscall(SYS_openat2, dfd, "in", &how, 8));
	how.mode = 0644;
	ERR("openat2(mode without O_CREAT)", EINVAL,
	    syscall(SYS_openat2, dfd, "in", &how, sizeof(how)));

	/* faccessat2 */
	SHOW("faccessat2(dfd, \"in\", R_OK, AT_EACCESS)",
	     syscall(SYS_faccessat2, dfd, "in", R_OK, AT_EACCESS));
	ERR("faccessat2(dfd, \"in\", X_OK, 0)", EACCES,
	    syscall(SYS_faccessat2, dfd, "in", X_OK, 0));
	OK(unlinkat(dfd, "in", 0));
	OK(close(dfd));
	OK(rmdir("d"));

	/* pidfd on our own pid */
	pfd = syscall(SYS_pidfd_open, getpid(), 0);
	printf("pidfd_open(getpid(), 0) succeeded %s\n", yesno(pfd >= 0));
	SHOW("pidfd_send_signal(pidfd, 0, NULL, 0)",
	     syscall(SYS_pidfd_send_signal, pfd, 0, NULL, 0));
	ERR("pidfd_open(getpid(), 0x1)", EINVAL,
	    syscall(SYS_pidfd_open, getpid(), 0x1));
	ERR("pidfd_send_signal(regular file fd)", EBADF,
	    syscall(SYS_pidfd_send_signal, fd, 0, NULL, 0));
	OK(close(pfd));
	OK(close(fd));

	/* copy_file_range, sendfile, splice */
	fd = OK(open("src", O_RDONLY));
	fd2 = OK(open("dst", O_RDWR | O_CREAT | O_TRUNC, 0600));
	off_in = 4;
	off_out = 0;
	SHOW("copy_file_range(src@4, dst@0, 6)",
	     syscall(SYS_copy_file_range, fd, &off_in, fd2, &off_out, 6, 0));
	printf("offsets advanced: in %lld out %lld\n", (long long)off_in,
	       (long long)off_out);
	ERR("copy_file_range(flags 1)", EINVAL,
	    syscall(SYS_copy_file_range, fd, &off_in, fd2, &off_out, 6, 1));
	off_in = 10;
	OK(lseek(fd2, 0, SEEK_END));
	SHOW("sendfile(dst, src, @10, 6)", sendfile(fd2, fd, &off_in, 6));
	OK(pipe(p));
	off_in = 0;
	SHOW("splice(src@0 -> pipe, 3)", splice(fd, &off_in, p[1], NULL, 3, 0));
	SHOW("splice(pipe -> dst, 3)", splice(p[0], NULL, fd2, NULL, 3, 0));
	r = SHOW("pread64(dst, buf, 64, 0)", pread(fd2, buf, sizeof(buf), 0));
	show_bytes("dst", buf, r);
	OK(close(p[0]));
	OK(close(p[1]));
	OK(close(fd));
	OK(close(fd2));

	/* membarrier, getcpu */
	r = syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
	printf("membarrier(QUERY) supports GLOBAL %s\n",
	       yesno(r > 0 && (r & MEMBARRIER_CMD_GLOBAL)));
	SHOW("getcpu(&cpu, &node)", syscall(SYS_getcpu, &cpu, &node, NULL));
	printf("cpu valid %s, node valid %s\n",
	       yesno(cpu < (unsigned)sysconf(_SC_NPROCESSORS_CONF)),
	       yesno(node < 1024));

	OK(unlink("src"));
	OK(unlink("dst"));
	scratch_leave();
	printf("done\n");
	return 0;
}
