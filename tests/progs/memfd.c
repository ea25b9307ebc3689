/* memfd.c - memfd_create: write, pread, ftruncate, seals (F_ADD_SEALS,
 * F_GET_SEALS, a sealed write failing EPERM), and a MAP_SHARED mapping of
 * the memfd that sees later writes to it. */
#include "tests.h"

#include <fcntl.h>
#include <sys/mman.h>

int main(int argc, char **argv)
{
	long pg = sysconf(_SC_PAGESIZE);
	struct stat st;
	char buf[32];
	char *m;
	int fd;

	scratch_enter(argc, argv, "memfd");
	fd = SHOW("memfd_create(\"t\", MFD_CLOEXEC|MFD_ALLOW_SEALING)",
		  memfd_create("t", MFD_CLOEXEC | MFD_ALLOW_SEALING));
	ERR("memfd_create(\"t\", 0x100)", EINVAL, memfd_create("t", 0x100));
	SHOW("write(fd, \"in memory\", 9)", write(fd, "in memory", 9));
	SHOW("pread64(fd, buf, 32, 3)", pread(fd, buf, sizeof(buf), 3));
	show_bytes("buf", buf, 6);
	SHOW("ftruncate(fd, page)", ftruncate(fd, pg));
	OK(fstat(fd, &st));
	printf("size %ld, regular %s\n", (long)st.st_size,
	       yesno(S_ISREG(st.st_mode)));
	m = mmap(NULL, pg, PROT_READ, MAP_SHARED, fd, 0);
	EXPECT(m != MAP_FAILED);
	show_bytes("mapping", m, 9);
	OK(pwrite(fd, "MEM", 3, 3));
	show_bytes("mapping after pwrite", m, 9);
	OK(munmap(m, pg));
	SHOW("fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE|F_SEAL_SHRINK)",
	     fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_SHRINK));
	SHOW("fcntl(fd, F_GET_SEALS)", fcntl(fd, F_GET_SEALS));
	ERR("write(sealed)", EPERM, write(fd, "x", 1));
	ERR("ftruncate(sealed, 0)", EPERM, ftruncate(fd, 0));
	OK(close(fd));
	scratch_leave();
	printf("done\n");
	return 0;
}
