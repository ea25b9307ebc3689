/* mmap_shared.c - a file opened for writing and mapped MAP_SHARED: stores
 * through the mapping must reach the file (read back with pread) and
 * writes to the file must show in the mapping. Hard for a monitor whose
 * followers hold placeholders for written files; kept apart from mmap.c
 * so that its failure names the problem. */
#include "tests.h"

#include <fcntl.h>
#include <sys/mman.h>

int main(int argc, char **argv)
{
	long pg = sysconf(_SC_PAGESIZE);
	char buf[32];
	char *m;
	int fd;

	scratch_enter(argc, argv, "mmap_shared");
	fd = OK(open("f", O_RDWR | O_CREAT | O_TRUNC, 0644));
	SHOW("ftruncate(fd, 2 pages)", ftruncate(fd, 2 * pg));
	m = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	EXPECT(m != MAP_FAILED);
	printf("mapping zero-filled %s\n", yesno(!m[0] && !m[2 * pg - 1]));
	memcpy(m + 100, "through the mapping", 19);
	SHOW("msync(m, 2 pages, MS_SYNC)", msync(m, 2 * pg, MS_SYNC));
	memset(buf, 0, sizeof(buf));
	SHOW("pread64(fd, buf, 19, 100)", pread(fd, buf, 19, 100));
	show_bytes("buf", buf, 19);
	SHOW("pwrite64(fd, \"through the fd\", 14, page + 7)",
	     pwrite(fd, "through the fd", 14, pg + 7));
	show_bytes("mapping at page + 7", m + pg + 7, 14);
	OK(munmap(m, 2 * pg));
	OK(close(fd));

	fd = OK(open("f", O_RDONLY));
	SHOW("pread64(fd, buf, 19, 100) after munmap", pread(fd, buf, 19, 100));
	show_bytes("buf", buf, 19);
	OK(close(fd));
	OK(unlink("f"));
	scratch_leave();
	printf("done\n");
	return 0;
}
