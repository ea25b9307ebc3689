/* fsops.c - the namespace calls: mkdir, rmdir, rename, renameat2, unlink,
 * unlinkat, link, symlink, readlink, getdents64 (readdir sorted, and the
 * raw call with a small buffer), stat, fstat, lstat, newfstatat, statx,
 * chmod, fchmod, fchmodat, access, faccessat, faccessat2, truncate,
 * utimensat, mkfifo. */
#include "tests.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>

static const char *kind(mode_t m)
{
	if (S_ISREG(m))
		return "file";
	if (S_ISDIR(m))
		return "dir";
	if (S_ISLNK(m))
		return "symlink";
	if (S_ISFIFO(m))
		return "fifo";
	return "other";
}

/* sizes and link counts of directories depend on the file system */
static void show_stat(const char *label, const struct stat *st)
{
	if (S_ISDIR(st->st_mode)) {
		printf("%s: dir mode %04o uid-ok %s\n", label,
		       st->st_mode & 07777, yesno(st->st_uid == getuid()));
		return;
	}
	printf("%s: %s mode %04o size %ld nlink %ld uid-ok %s\n", label,
	       kind(st->st_mode), st->st_mode & 07777, (long)st->st_size,
	       (long)st->st_nlink, yesno(st->st_uid == getuid()));
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* readdir, then sort: the order of entries depends on the file system */
static void list(const char *path)
{
	char *names[64];
	struct dirent *e;
	int n = 0, i;
	DIR *d = opendir(path);

	if (!d)
		fail("opendir %s: %s", path, ename(errno));
	while ((e = readdir(d)) && n < 64) {
		struct stat st;
		const char *k;

		if (e->d_type != DT_UNKNOWN)
			k = e->d_type == DT_DIR	 ? "dir" :
			    e->d_type == DT_REG	 ? "file" :
			    e->d_type == DT_LNK	 ? "symlink" :
			    e->d_type == DT_FIFO ? "fifo" :
						   "other";
		else if (!fstatat(dirfd(d), e->d_name, &st,
				  AT_SYMLINK_NOFOLLOW))
			k = kind(st.st_mode);
		else
			k = "?";
		if (asprintf(&names[n++], "%s (%s)", e->d_name, k) < 0)
			fail("asprintf");
	}
	OK(closedir(d));
	qsort(names, n, sizeof(*names), cmp);
	printf("%s:", path);
	for (i = 0; i < n; i++) {
		printf(" %s", names[i]);
		free(names[i]);
	}
	printf("\n");
}

/* the raw call with a buffer too small for all entries at once */
static void raw_getdents(const char *path)
{
	char buf[80];
	long n, total = 0, entries = 0, calls = 0;
	int fd = OK(open(path, O_RDONLY | O_DIRECTORY));

	ERR("getdents64(fd, buf, 1)", EINVAL,
	    syscall(SYS_getdents64, fd, buf, 1, JUNK, JUNK, JUNK));
	while ((n = OK(syscall(SYS_getdents64, fd, buf, sizeof(buf)))) > 0) {
		long off = 0;

		calls++;
		while (off < n) {
			unsigned short reclen;

			memcpy(&reclen, buf + off + 16, sizeof(reclen));
			off += reclen;
			entries++;
		}
		total += n;
	}
	printf("getdents64 %s: %ld entries, %ld bytes, more than one call %s\n",
	       path, entries, total, yesno(calls > 1));
	OK(close(fd));
	fd = OK(open("d/a", O_RDONLY));
	ERR("getdents64(file fd)", ENOTDIR,
	    syscall(SYS_getdents64, fd, buf, sizeof(buf)));
	OK(close(fd));
}

int main(int argc, char **argv)
{
	struct timespec ts[2] = { { 1000000000, 5 }, { 1234567890, 0 } };
	struct stat st, st2;
	struct statx sx;
	char buf[64];
	int fd;

	scratch_enter(argc, argv, "fsops");

	SHOW("mkdir(\"d\", 0750)", mkdir("d", 0750));
	ERR("mkdir(\"d\") again", EEXIST, mkdir("d", 0750));
	ERR("mkdir(\"no/d\")", ENOENT, mkdir("no/d", 0750));
	SHOW("mkdirat(AT_FDCWD, \"d/e\", 0700)",
	     mkdirat(AT_FDCWD, "d/e", 0700));
	fd = OK(open("d/a", O_WRONLY | O_CREAT, 0644));
	OK(write(fd, "0123456789", 10));
	SHOW("close", close(fd));
	OK(close(OK(open("d/b", O_WRONLY | O_CREAT, 0600))));
	SHOW("mkfifo(\"d/p\", 0600)", mkfifo("d/p", 0600));
	SHOW("symlink(\"a\", \"d/l\")", symlink("a", "d/l"));
	SHOW("symlink(\"nowhere\", \"d/dangling\")",
	     symlink("nowhere", "d/dangling"));
	ERR("symlink over existing", EEXIST, symlink("a", "d/b"));
	SHOW("link(\"d/a\", \"d/hard\")", link("d/a", "d/hard"));
	list("d");
	raw_getdents("d");

	/* the stat family */
	SHOW("stat(\"d/a\")", syscall(SYS_stat, "d/a", &st));
	show_stat("d/a", &st);
	SHOW("lstat(\"d/l\")", syscall(SYS_lstat, "d/l", &st2));
	show_stat("d/l", &st2);
	SHOW("stat(\"d/l\")", stat("d/l", &st2));
	printf("stat through link is d/a: %s\n",
	       yesno(st.st_ino == st2.st_ino && st.st_dev == st2.st_dev));
	fd = OK(open("d", O_RDONLY | O_DIRECTORY));
	SHOW("newfstatat(dfd, \"p\", 0)",
	     syscall(SYS_newfstatat, fd, "p", &st2, 0));
	show_stat("d/p", &st2);
	SHOW("newfstatat(dfd, \"dangling\", AT_SYMLINK_NOFOLLOW)",
	     fstatat(fd, "dangling", &st2, AT_SYMLINK_NOFOLLOW));
	show_stat("d/dangling", &st2);
	ERR("newfstatat(dfd, \"dangling\", 0)", ENOENT,
	    fstatat(fd, "dangling", &st2, 0));
	SHOW("newfstatat(dfd, \"\", AT_EMPTY_PATH)",
	     fstatat(fd, "", &st2, AT_EMPTY_PATH));
	show_stat("d", &st2);
	SHOW("fstat(dfd)", syscall(SYS_fstat, fd, &st2));
	show_stat("d", &st2);
	memset(&sx, 0xa5, sizeof(sx));
	SHOW("statx(dfd, \"a\", 0, STATX_BASIC_STATS)",
	     syscall(SYS_statx, fd, "a", 0, STATX_BASIC_STATS, &sx));
	printf("statx: mask has basic stats %s, size %llu, mode %04o, nlink %u, "
	       "same inode as stat %s\n",
	       yesno((sx.stx_mask & STATX_BASIC_STATS) == STATX_BASIC_STATS),
	       (unsigned long long)sx.stx_size, sx.stx_mode & 07777,
	       sx.stx_nlink, yesno(sx.stx_ino == st.st_ino));
	ERR("statx(dfd, \"a\", 0, STATX__RESERVED)", EINVAL,
	    syscall(SYS_statx, fd, "a", 0, STATX__RESERVED, &sx));
	ERR("stat(\"d/missing\")", ENOENT, stat("d/missing", &st2));
	ERR("stat(\"d/a/x\")", ENOTDIR, stat("d/a/x", &st2));

	/* readlink, whole and truncated */
	memset(buf, 'X', sizeof(buf));
	SHOW("readlink(\"d/dangling\", buf, 64)",
	     syscall(SYS_readlink, "d/dangling", buf, sizeof(buf)));
	show_bytes("buf", buf, 8);
	memset(buf, 'X', sizeof(buf));
	SHOW("readlinkat(dfd, \"dangling\", buf, 3)",
	     readlinkat(fd, "dangling", buf, 3));
	show_bytes("buf", buf, 8);
	ERR("readlink(\"d/a\")", EINVAL, readlink("d/a", buf, sizeof(buf)));

	/* permissions */
	SHOW("chmod(\"d/a\", 0600)", chmod("d/a", 0600));
	SHOW("fchmodat(dfd, \"b\", 0444, 0)", fchmodat(fd, "b", 0444, 0));
	OK(stat("d/a", &st2));
	show_stat("d/a", &st2);
	OK(stat("d/b", &st2));
	show_stat("d/b", &st2);
	SHOW("access(\"d/a\", R_OK|W_OK)", access("d/a", R_OK | W_OK));
	ERR("access(\"d/a\", X_OK)", EACCES, access("d/a", X_OK));
	ERR("access(\"d/missing\", F_OK)", ENOENT, access("d/missing", F_OK));
	SHOW("faccessat(dfd, \"e\", X_OK)",
	     syscall(SYS_faccessat, fd, "e", X_OK, JUNK));
	SHOW("faccessat2(dfd, \"dangling\", F_OK, AT_SYMLINK_NOFOLLOW)",
	     syscall(SYS_faccessat2, fd, "dangling", F_OK,
		     AT_SYMLINK_NOFOLLOW));
	ERR("faccessat2(dfd, \"dangling\", F_OK, 0)", ENOENT,
	    syscall(SYS_faccessat2, fd, "dangling", F_OK, 0));
	ERR("faccessat2(dfd, \"a\", F_OK, 0x1)", EINVAL,
	    syscall(SYS_faccessat2, fd, "a", F_OK, 0x1));

	/* times set to fixed values read back the same */
	SHOW("utimensat(dfd, \"a\", fixed, 0)", utimensat(fd, "a", ts, 0));
	OK(stat("d/a", &st2));
	printf("atime %ld.%09ld mtime %ld.%09ld\n", (long)st2.st_atim.tv_sec,
	       st2.st_atim.tv_nsec, (long)st2.st_mtim.tv_sec,
	       st2.st_mtim.tv_nsec);
	SHOW("truncate(\"d/a\", 4)", truncate("d/a", 4));
	OK(stat("d/hard", &st2));
	show_stat("d/hard", &st2);

	/* rename and unlink */
	SHOW("rename(\"d/a\", \"d/c\")", rename("d/a", "d/c"));
	ERR("stat(\"d/a\") after rename", ENOENT, stat("d/a", &st2));
	ERR("renameat2(NOREPLACE) onto existing", EEXIST,
	    syscall(SYS_renameat2, fd, "c", fd, "b", RENAME_NOREPLACE));
	SHOW("renameat2(dfd, \"c\", dfd, \"b\", 0)",
	     syscall(SYS_renameat2, fd, "c", fd, "b", 0));
	OK(stat("d/b", &st2));
	show_stat("d/b", &st2);
	ERR("rename dir into itself", EINVAL, rename("d", "d/e/d"));
	ERR("rmdir(\"d\") not empty", ENOTEMPTY, rmdir("d"));
	ERR("unlink(\"d/e\")", EISDIR, unlink("d/e"));
	ERR("unlinkat(dfd, \"b\", AT_REMOVEDIR)", ENOTDIR,
	    unlinkat(fd, "b", AT_REMOVEDIR));
	SHOW("unlinkat(dfd, \"e\", AT_REMOVEDIR)",
	     unlinkat(fd, "e", AT_REMOVEDIR));
	SHOW("unlink(\"d/b\")", unlink("d/b"));
	SHOW("unlink(\"d/l\")", unlink("d/l"));
	SHOW("unlink(\"d/dangling\")", unlink("d/dangling"));
	SHOW("unlink(\"d/p\")", unlink("d/p"));
	OK(stat("d/hard", &st2));
	show_stat("d/hard", &st2);
	SHOW("unlink(\"d/hard\")", unlink("d/hard"));
	ERR("unlink(\"d/hard\") again", ENOENT, unlink("d/hard"));
	list("d");
	OK(close(fd));
	SHOW("rmdir(\"d\")", rmdir("d"));
	ERR("rmdir(\"d\") again", ENOENT, rmdir("d"));
	scratch_leave();
	printf("done\n");
	return 0;
}
