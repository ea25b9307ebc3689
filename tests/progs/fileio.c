/* fileio.c - open, openat, read, write, pread64, pwrite64, lseek, readv,
 * writev, preadv, pwritev, ftruncate, fsync, fdatasync; O_APPEND, O_TRUNC,
 * O_CREAT|O_EXCL, O_DIRECTORY, O_NOFOLLOW. Files are written through the
 * raw syscalls, with junk in the arguments the kernel ignores. */
#include "tests.h"

#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/uio.h>

static void show_file(const char *path)
{
	char buf[256];
	long n;
	int fd = OK(open(path, O_RDONLY));

	n = OK(read(fd, buf, sizeof(buf)));
	show_bytes(path, buf, n);
	OK(close(fd));
}

int main(int argc, char **argv)
{
	char buf[64], a[4], b[1], c[8];
	struct iovec iov[3];
	struct stat st;
	int fd, fd2, dfd;

	scratch_enter(argc, argv, "fileio");

	/* create, exclusive create, write, read back */
	fd = SHOW("open(\"f\", O_WRONLY|O_CREAT|O_EXCL, 0640)",
		  syscall(SYS_open, "f", O_WRONLY | O_CREAT | O_EXCL, 0640));
	SHOW("write(fd, \"hello world\\n\", 12)",
	     syscall(SYS_write, fd, "hello world\n", 12, JUNK, JUNK, JUNK));
	SHOW("write(fd, \"\", 0)", write(fd, "", 0));
	ERR("read(O_WRONLY fd)", EBADF, read(fd, buf, sizeof(buf)));
	SHOW("fsync(fd)", fsync(fd));
	SHOW("fdatasync(fd)", fdatasync(fd));
	SHOW("close(fd)", close(fd));
	ERR("close(fd) again", EBADF, close(fd));
	ERR("open(\"f\", O_CREAT|O_EXCL)", EEXIST,
	    open("f", O_WRONLY | O_CREAT | O_EXCL, 0600));
	OK(stat("f", &st));
	printf("mode %04o size %ld\n", st.st_mode & 07777, (long)st.st_size);

	fd = SHOW("open(\"f\", O_RDWR)", syscall(SYS_open, "f", O_RDWR, JUNK));
	memset(buf, 0, sizeof(buf));
	SHOW("read(fd, buf, 5)", read(fd, buf, 5));
	show_bytes("buf", buf, 5);
	SHOW("lseek(fd, 0, SEEK_CUR)", lseek(fd, 0, SEEK_CUR));
	SHOW("lseek(fd, -3, SEEK_END)", lseek(fd, -3, SEEK_END));
	SHOW("read(fd, buf, 64)", read(fd, buf, 64));
	show_bytes("buf", buf, 3);
	SHOW("read(fd, buf, 64) at eof", read(fd, buf, 64));
	ERR("lseek(fd, -1, SEEK_SET)", EINVAL, lseek(fd, -1, SEEK_SET));
	ERR("lseek(fd, 0, 99)", EINVAL, lseek(fd, 0, 99));
	SHOW("lseek(fd, 0, SEEK_DATA)", lseek(fd, 0, SEEK_DATA));
	SHOW("lseek(fd, 0, SEEK_HOLE)", lseek(fd, 0, SEEK_HOLE));

	/* positional I/O leaves the offset alone */
	OK(lseek(fd, 2, SEEK_SET));
	SHOW("pread64(fd, buf, 5, 6)",
	     syscall(SYS_pread64, fd, buf, 5, 6, JUNK, JUNK));
	show_bytes("buf", buf, 5);
	SHOW("pwrite64(fd, \"WORLD\", 5, 6)", pwrite(fd, "WORLD", 5, 6));
	SHOW("pread64(fd, buf, 64, 100)", pread(fd, buf, 64, 100));
	SHOW("lseek(fd, 0, SEEK_CUR)", lseek(fd, 0, SEEK_CUR));
	ERR("pread64(fd, buf, 1, -1)", EINVAL, pread(fd, buf, 1, -1));

	/* writev with an empty element, readv into uneven pieces */
	OK(lseek(fd, 0, SEEK_END));
	iov[0].iov_base = "one ";
	iov[0].iov_len = 4;
	iov[1].iov_base = (void *)0x1000;
	iov[1].iov_len = 0;
	iov[2].iov_base = "two\n";
	iov[2].iov_len = 4;
	SHOW("writev(fd, [\"one \", <0x1000, 0>, \"two\\n\"], 3)",
	     writev(fd, iov, 3));
	OK(lseek(fd, 0, SEEK_SET));
	iov[0].iov_base = a;
	iov[0].iov_len = sizeof(a);
	iov[1].iov_base = b;
	iov[1].iov_len = sizeof(b);
	iov[2].iov_base = c;
	iov[2].iov_len = sizeof(c);
	SHOW("readv(fd, [4, 1, 8], 3)", readv(fd, iov, 3));
	show_bytes("iov[0]", a, sizeof(a));
	show_bytes("iov[1]", b, sizeof(b));
	show_bytes("iov[2]", c, sizeof(c));
	iov[0].iov_base = a;
	iov[0].iov_len = 3;
	iov[1].iov_base = c;
	iov[1].iov_len = 5;
	SHOW("preadv(fd, [3, 5], 2, 12)", preadv(fd, iov, 2, 12));
	show_bytes("iov[0]", a, 3);
	show_bytes("iov[1]", c, 5);
	iov[0].iov_base = "<";
	iov[0].iov_len = 1;
	iov[1].iov_base = ">";
	iov[1].iov_len = 1;
	SHOW("pwritev(fd, [\"<\", \">\"], 2, 0)", pwritev(fd, iov, 2, 0));
	iov[0].iov_base = a;
	iov[0].iov_len = 3;
	OK(lseek(fd, 1, SEEK_SET));
	SHOW("preadv2(fd, [3], 1, -1, 0)", preadv2(fd, iov, 1, -1, 0));
	show_bytes("iov[0]", a, 3);
	SHOW("lseek(fd, 0, SEEK_CUR)", lseek(fd, 0, SEEK_CUR));
	show_file("f");

	/* ftruncate: shrink, then grow with zeros */
	SHOW("ftruncate(fd, 3)", ftruncate(fd, 3));
	OK(fstat(fd, &st));
	printf("size %ld\n", (long)st.st_size);
	SHOW("ftruncate(fd, 8)", ftruncate(fd, 8));
	SHOW("pread64(fd, buf, 64, 0)", pread(fd, buf, 64, 0));
	show_bytes("buf", buf, 8);
	ERR("ftruncate(fd, -1)", EINVAL, ftruncate(fd, -1));
	OK(close(fd));

	/* O_APPEND: writes go to the end whatever the offset */
	fd = SHOW("open(\"f\", O_WRONLY|O_APPEND)",
		  open("f", O_WRONLY | O_APPEND));
	OK(lseek(fd, 0, SEEK_SET));
	SHOW("write(fd, \"+app\", 4)", write(fd, "+app", 4));
	SHOW("lseek(fd, 0, SEEK_CUR)", lseek(fd, 0, SEEK_CUR));
	SHOW("pwrite64(fd, \"!\", 1, 0)", pwrite(fd, "!", 1, 0));
	OK(close(fd));
	show_file("f");

	/* O_TRUNC empties */
	fd = SHOW("open(\"f\", O_RDWR|O_TRUNC)", open("f", O_RDWR | O_TRUNC));
	OK(fstat(fd, &st));
	printf("size %ld\n", (long)st.st_size);
	SHOW("read(fd, buf, 64)", read(fd, buf, 64));
	OK(close(fd));

	/* openat with a directory fd and with AT_FDCWD */
	OK(mkdir("sub", 0755));
	dfd = SHOW("open(\"sub\", O_RDONLY|O_DIRECTORY)",
		   open("sub", O_RDONLY | O_DIRECTORY));
	fd = SHOW("openat(dfd, \"g\", O_WRONLY|O_CREAT|O_TRUNC, 0600)",
		  syscall(SYS_openat, dfd, "g", O_WRONLY | O_CREAT | O_TRUNC,
			  0600, JUNK, JUNK));
	SHOW("write(fd, \"in sub\\n\", 7)", write(fd, "in sub\n", 7));
	OK(close(fd));
	fd2 = SHOW("openat(AT_FDCWD, \"sub/g\", O_RDONLY)",
		   openat(AT_FDCWD, "sub/g", O_RDONLY));
	SHOW("read(fd2, buf, 64)", read(fd2, buf, 64));
	show_bytes("buf", buf, 7);
	ERR("write(O_RDONLY fd)", EBADF, write(fd2, "x", 1));
	OK(close(fd2));
	ERR("openat(dfd, \"missing\", O_RDONLY)", ENOENT,
	    openat(dfd, "missing", O_RDONLY));
	fd = OK(open("f", O_RDONLY));
	ERR("openat(fd of a file, \"x\")", ENOTDIR, openat(fd, "x", O_RDONLY));
	OK(close(fd));
	ERR("open(\"f\", O_DIRECTORY)", ENOTDIR,
	    open("f", O_RDONLY | O_DIRECTORY));
	ERR("open(\"sub\", O_WRONLY)", EISDIR, open("sub", O_WRONLY));
	OK(symlink("f", "lnk"));
	ERR("open(\"lnk\", O_NOFOLLOW)", ELOOP,
	    open("lnk", O_RDONLY | O_NOFOLLOW));
	ERR("read(dfd)", EISDIR, read(dfd, buf, 1));
	OK(close(dfd));

	OK(unlink("lnk"));
	OK(unlink("sub/g"));
	OK(rmdir("sub"));
	OK(unlink("f"));
	scratch_leave();
	printf("done\n");
	return 0;
}
