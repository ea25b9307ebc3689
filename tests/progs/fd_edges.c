/* fd_edges.c - edge cases the syscall fuzzer found: a close_range that
 * fails with EINVAL closes nothing (mvee must keep the pipe leader-owned,
 * or the next read blocks in the followers' placeholders), and readv
 * into iovecs with empty elements ({buf, 0}, {NULL, 0}, one in the
 * middle) on leader-owned pipes and eventfds: every variant must get the
 * leader's bytes in the same elements. */
#include "tests.h"

#include <stdint.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <sys/uio.h>

static void show_iov(const char *name, long r, const char *a, const char *c)
{
	printf("%s = %ld a=\"%s\" c=\"%s\"\n", name, r, a, c);
}

int main(void)
{
	char a[16], c[16], buf[8];
	struct iovec iov[3];
	uint64_t one = 1, v = 0;
	int p[2], efd;
	long r;

	if (pipe(p))
		fail("pipe: %s", ename(errno));
	r = syscall(SYS_close_range, p[0], p[0], 0x8);
	printf("close_range(bad flags) = %ld %s\n", r, r ? ename(errno) : "");
	r = syscall(SYS_close_range, p[0] + 1, p[0], 0);
	printf("close_range(first > last) = %ld %s\n", r, r ? ename(errno) : "");
	if (write(p[1], "0123456789abcdef", 16) != 16)
		fail("write: %s", ename(errno));
	memset(buf, 0, sizeof(buf));
	r = read(p[0], buf, 4);
	printf("read after close_range = %ld \"%.4s\"\n", r, buf);

	memset(a, 0, sizeof(a));
	memset(c, 0, sizeof(c));
	iov[0] = (struct iovec){ a, 4 };
	iov[1] = (struct iovec){ buf, 0 };
	iov[2] = (struct iovec){ c, 8 };
	show_iov("readv empty middle", readv(p[0], iov, 3), a, c);

	if (write(p[1], "ABCDEFGH", 8) != 8)
		fail("write: %s", ename(errno));
	memset(a, 0, sizeof(a));
	memset(c, 0, sizeof(c));
	iov[0] = (struct iovec){ a, 0 };
	iov[1] = (struct iovec){ NULL, 0 };
	iov[2] = (struct iovec){ c, 8 };
	show_iov("readv empty first", readv(p[0], iov, 3), a, c);

	efd = eventfd(0, EFD_CLOEXEC);
	if (efd < 0 || write(efd, &one, 8) != 8)
		fail("eventfd: %s", ename(errno));
	iov[0] = (struct iovec){ NULL, 0 };
	iov[1] = (struct iovec){ &v, 8 };
	r = readv(efd, iov, 2);
	printf("eventfd readv {NULL,0},{v,8} = %ld v=%llu\n", r,
	       (unsigned long long)v);
	return 0;
}
