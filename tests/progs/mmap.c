/* mmap.c - mmap (anonymous, file-backed read-only, private copy-on-write,
 * fixed), mprotect, munmap, mremap, madvise, mincore, msync, brk (sbrk and
 * malloc of many medium blocks) and big malloc. Addresses differ between
 * variants; only what is read through them is printed. */
#include "tests.h"

#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>

static sigjmp_buf env;

static void on_segv(int sig)
{
	(void)sig;
	siglongjmp(env, 1);
}

/* does reading (or writing) p fault? */
static int faults(volatile char *p, int write)
{
	struct sigaction sa = { .sa_handler = on_segv }, old;
	int r = 0;

	sigaction(SIGSEGV, &sa, &old);
	if (!sigsetjmp(env, 1)) {
		if (write)
			*p = 1;
		else
			(void)*p;
	} else {
		r = 1;
	}
	sigaction(SIGSEGV, &old, NULL);
	return r;
}

int main(int argc, char **argv)
{
	long pg = sysconf(_SC_PAGESIZE);
	unsigned char vec[4];
	char *p, *q, *f, *c, *blocks[200];
	char *brk0, *brk1;
	uint32_t h;
	int fd, i;

	scratch_enter(argc, argv, "mmap");
	printf("page size %ld\n", pg);

	/* anonymous: zero-filled, writable */
	p = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(p != MAP_FAILED);
	printf("anon mapping zero-filled %s, page aligned %s\n",
	       yesno(!p[0] && !p[4 * pg - 1]), yesno(!((uintptr_t)p % pg)));
	memset(p, 'a', 4 * pg);
	SHOW("mincore(p, 4 pages)", mincore(p, 4 * pg, vec));
	printf("resident %d%d%d%d\n", vec[0] & 1, vec[1] & 1, vec[2] & 1,
	       vec[3] & 1);

	/* mprotect: read-only then none */
	SHOW("mprotect(p, page, PROT_READ)", mprotect(p, pg, PROT_READ));
	printf("write faults %s, read faults %s\n", yesno(faults(p, 1)),
	       yesno(faults(p, 0)));
	SHOW("mprotect(p, page, PROT_NONE)", mprotect(p, pg, PROT_NONE));
	printf("read faults %s\n", yesno(faults(p, 0)));
	ERR("mprotect(p + 1, page, PROT_READ)", EINVAL,
	    mprotect(p + 1, pg, PROT_READ));

	/* madvise(MADV_DONTNEED) on private anonymous memory gives zeros */
	SHOW("madvise(p + page, page, MADV_DONTNEED)",
	     madvise(p + pg, pg, MADV_DONTNEED));
	printf("after DONTNEED: %d, next page still %c\n", p[pg], p[2 * pg]);
	SHOW("madvise(p, 4 pages, MADV_WILLNEED)",
	     madvise(p, 4 * pg, MADV_WILLNEED));
	ERR("madvise(p, page, 12345)", EINVAL, madvise(p, pg, 12345));

	/* munmap the middle: a hole */
	SHOW("munmap(p + 2 pages, page)", munmap(p + 2 * pg, pg));
	printf("hole faults %s, last page %c\n", yesno(faults(p + 2 * pg, 0)),
	       p[3 * pg]);
	ERR("munmap(p + 1, page)", EINVAL, munmap(p + 1, pg));

	/* mremap: grow in place or move, contents kept */
	q = mremap(p + 3 * pg, pg, 16 * pg, MREMAP_MAYMOVE);
	EXPECT(q != MAP_FAILED);
	printf("mremap grown: first %c, new part zero %s\n", q[0],
	       yesno(!q[15 * pg]));
	q = mremap(q, 16 * pg, pg, 0);
	EXPECT(q != MAP_FAILED);
	printf("mremap shrunk: first %c\n", q[0]);
	ERR("mremap(q, page, 2 pages, 0x100)", EINVAL,
	    (long)mremap(q, pg, 2 * pg, 0x100));
	OK(munmap(q, pg));
	OK(munmap(p, 2 * pg));

	/* a file mapped read-only, read through the mapping */
	fd = OK(open("data", O_RDWR | O_CREAT | O_TRUNC, 0644));
	for (i = 0; i < 3000; i++)
		dprintf(fd, "line %d\n", i);
	OK(close(fd));
	fd = SHOW("open(\"data\", O_RDONLY)", open("data", O_RDONLY));
	f = mmap(NULL, 3 * pg, PROT_READ, MAP_PRIVATE, fd, 0);
	EXPECT(f != MAP_FAILED);
	h = fnv1a(FNV_INIT, f, 3 * pg);
	printf("file mapping: starts \"%.6s\", fnv1a of 3 pages %08x\n", f, h);
	printf("write to read-only mapping faults %s\n", yesno(faults(f, 1)));
	q = mmap(NULL, pg, PROT_READ, MAP_PRIVATE, fd, pg);
	EXPECT(q != MAP_FAILED);
	printf("offset mapping matches %s\n", yesno(!memcmp(q, f + pg, pg)));
	ERR("mmap(PROT_WRITE, MAP_SHARED) of O_RDONLY fd", EACCES,
	    (long)mmap(NULL, pg, PROT_WRITE, MAP_SHARED, fd, 0));
	ERR("mmap(offset not aligned)", EINVAL,
	    (long)mmap(NULL, pg, PROT_READ, MAP_PRIVATE, fd, 1));
	SHOW("msync(f, page, MS_SYNC)", msync(f, pg, MS_SYNC));
	OK(munmap(q, pg));

	/* private writable mapping: copy on write, the file is unchanged */
	c = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	EXPECT(c != MAP_FAILED);
	memcpy(c, "LINE", 4);
	printf("private copy \"%.6s\", shared file mapping \"%.6s\"\n", c, f);
	OK(munmap(c, pg));
	OK(munmap(f, 3 * pg));
	OK(close(fd));

	/* MAP_FIXED over part of an existing mapping */
	p = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(p != MAP_FAILED);
	memset(p, 'x', 3 * pg);
	q = mmap(p + pg, pg, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	printf("MAP_FIXED at the requested address %s, contents %d %c %c\n",
	       yesno(q == p + pg), q[0], p[0], p[2 * pg]);
	ERR("mmap(MAP_FIXED_NOREPLACE over it)", EEXIST,
	    (long)mmap(p, pg, PROT_READ,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1,
		       0));
	OK(munmap(p, 3 * pg));
	ERR("mmap(len 0)", EINVAL,
	    (long)mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	ERR("mmap(bad fd)", EBADF,
	    (long)mmap(NULL, pg, PROT_READ, MAP_PRIVATE, 999, 0));

	/* brk */
	brk0 = sbrk(0);
	brk1 = sbrk(16 * pg);
	printf("sbrk grows from the old break %s\n", yesno(brk1 == brk0));
	memset(brk1, 'b', 16 * pg);
	printf("new break %s\n", yesno((char *)sbrk(0) == brk0 + 16 * pg));
	sbrk(-16 * pg);
	printf("break restored %s\n", yesno(sbrk(0) == brk0));

	/* malloc: many medium blocks (brk), then a big one (mmap) */
	h = FNV_INIT;
	for (i = 0; i < 200; i++) {
		blocks[i] = malloc(40000);
		EXPECT(blocks[i]);
		memset(blocks[i], i, 40000);
	}
	for (i = 0; i < 200; i++) {
		h = fnv1a(h, blocks[i] + 39990, 10);
		free(blocks[i]);
	}
	printf("200 blocks of 40000: fnv1a %08x\n", h);
	p = malloc(64 << 20);
	EXPECT(p);
	memset(p, 7, 64 << 20);
	p = realloc(p, 128 << 20);
	EXPECT(p);
	printf("realloc 64M -> 128M kept contents %s\n",
	       yesno(p[0] == 7 && p[(64 << 20) - 1] == 7));
	free(p);

	OK(unlink("data"));
	scratch_leave();
	printf("done\n");
	return 0;
}
