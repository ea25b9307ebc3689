/* map_edges.c - more edge cases from the syscall fuzzer: executable
 * MAP_32BIT mappings and an executable mapping at a low address hint
 * (under --diversity disjoint each variant must still get its own range,
 * not a layout divergence), read() into a PROT_WRITE-only page (the
 * followers must get the leader's bytes), and a directory opened with
 * O_PATH|O_WRONLY (no I/O goes through it, so every variant has its own)
 * used as the dirfd of fstatat and of mkdirat, a call the leader runs;
 * a mapping of an O_TMPFILE file, which has no name the followers could
 * open their placeholder by; and a write to /dev/null whose buffer runs
 * through a PROT_NONE page into bytes that differ per variant (the kernel
 * never reads them, so neither may the comparison); and nanosleep whose
 * "time left" runs off the end of a mapping: it is written only when the
 * sleep is interrupted, so a completed sleep must not fault. */
#include "tests.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>

static void exec_map(const char *name, void *hint, int flags)
{
	void *p = mmap(hint, 4 << 20, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | flags, -1, 0);

	if (p == MAP_FAILED)
		fail("%s: %s", name, ename(errno));
	printf("%s: mprotect(PROT_READ|PROT_EXEC) = %d\n", name,
	       mprotect(p, 4 << 20, PROT_READ | PROT_EXEC));
}

int main(int argc, char **argv)
{
	struct stat st;
	int p[2], d, r;
	char *w;

	if (argc < 2 || chdir(argv[1]))
		fail("usage: map_edges SCRATCH");
	exec_map("MAP_32BIT", NULL, MAP_32BIT);
	exec_map("MAP_32BIT again", NULL, MAP_32BIT);
	exec_map("hint 0x10000000", (void *)0x10000000, 0);

	w = mmap(NULL, 4096, PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (w == MAP_FAILED || pipe(p) || write(p[1], "12345678", 8) != 8)
		fail("setup: %s", ename(errno));
	printf("read into a write-only page = %zd\n", read(p[0], w, 8));
	mprotect(w, 4096, PROT_READ);
	printf("page = \"%.8s\"\n", w);

	if (mkdir("d", 0755))
		fail("mkdir: %s", ename(errno));
	d = open("d", O_PATH | O_WRONLY | O_DIRECTORY);
	if (d < 0)
		fail("open O_PATH: %s", ename(errno));
	r = fstatat(d, "missing", &st, 0);
	printf("fstatat(d, \"missing\") = %d %s\n", r, ename(errno));
	printf("mkdirat(d, \"sub\") = %d\n", mkdirat(d, "sub", 0755));
	r = fstatat(d, "sub", &st, 0);
	printf("fstatat(d, \"sub\") = %d, dir %d\n", r, S_ISDIR(st.st_mode));

	d = open(".", O_TMPFILE | O_RDWR, 0600);
	if (d < 0)
		fail("O_TMPFILE: %s", ename(errno));
	printf("tmpfile write = %zd\n", write(d, "tmpdata!", 8));
	w = mmap(NULL, 8, PROT_READ, MAP_SHARED, d, 0);
	if (w == MAP_FAILED)
		fail("mmap O_TMPFILE: %s", ename(errno));
	printf("tmpfile mapped: \"%.8s\"\n", w);

	w = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	d = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (w == MAP_FAILED || d < 0)
		fail("setup: %s", ename(errno));
	memset(w, 'x', 4096);
	memcpy(w + 2 * 4096, &w, sizeof(w)); /* an address: differs */
	mprotect(w + 4096, 4096, PROT_NONE);
	printf("write through PROT_NONE to /dev/null = %zd\n",
	       write(d, w + 4096 - 16, 16 + 2 * 4096));
	{
		struct timespec req = { 0, 1000 };

		printf("nanosleep, time left at a page's end = %d\n",
		       nanosleep(&req, (struct timespec *)(w + 4096 - 8)));
	}
	return 0;
}
