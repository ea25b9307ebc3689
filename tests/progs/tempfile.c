/* tempfile.c - temporary files the libc way: mkstemp, mkostemp, mkdtemp,
 * tmpfile (in $TMPDIR, pointed at the scratch dir by the program itself)
 * and tempnam-free mktemp-style names. glibc derives these names from the
 * address of a stack variable mixed with clock bits (getrandom is used
 * only on retries), so under ASLR every variant picks a different name
 * unless the monitor makes them agree. Only the shape of the names is
 * printed. */
#include "tests.h"

#include <ctype.h>
#include <fcntl.h>

static int shape_ok(const char *name, const char *prefix)
{
	size_t n = strlen(prefix), i;

	if (strncmp(name, prefix, n) || strlen(name) != n + 6)
		return 0;
	for (i = n; i < n + 6; i++)
		if (!isalnum((unsigned char)name[i]))
			return 0;
	return 1;
}

int main(int argc, char **argv)
{
	char f1[] = "tmpXXXXXX", f2[] = "tmpXXXXXX", d[] = "dirXXXXXX";
	char bad[] = "noXs";
	char cwd[4096], buf[16];
	struct stat st;
	FILE *t;
	int fd, fd2;

	scratch_enter(argc, argv, "tempfile");
	fd = mkstemp(f1);
	printf("mkstemp(\"tmpXXXXXX\") ok %s\n", yesno(fd >= 0));
	printf("name shape ok %s\n", yesno(shape_ok(f1, "tmp")));
	OK(fstat(fd, &st));
	printf("mode %04o size %ld\n", st.st_mode & 07777, (long)st.st_size);
	OK(write(fd, "temp", 4));
	fd2 = mkostemp(f2, O_CLOEXEC);
	printf("mkostemp(O_CLOEXEC) ok %s, FD_CLOEXEC %s, names differ %s\n",
	       yesno(fd2 >= 0), yesno(fcntl(fd2, F_GETFD) & FD_CLOEXEC),
	       yesno(strcmp(f1, f2) != 0));
	ERR("mkstemp(\"noXs\")", EINVAL, mkstemp(bad));
	EXPECT(mkdtemp(d));
	printf("mkdtemp shape ok %s\n", yesno(shape_ok(d, "dir")));
	OK(stat(d, &st));
	printf("dir mode %04o\n", st.st_mode & 07777);

	EXPECT(getcwd(cwd, sizeof(cwd)));
	setenv("TMPDIR", cwd, 1);
	t = tmpfile();
	EXPECT(t);
	fputs("in tmpfile", t);
	rewind(t);
	EXPECT(fgets(buf, sizeof(buf), t));
	printf("tmpfile read back \"%s\"\n", buf);
	fclose(t);

	OK(close(fd));
	OK(close(fd2));
	OK(unlink(f1));
	OK(unlink(f2));
	OK(rmdir(d));
	scratch_leave();
	printf("done\n");
	return 0;
}
