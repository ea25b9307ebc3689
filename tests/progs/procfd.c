/* procfd.c - what the program sees of its own fds through /proc (ls -l
 * /proc/self/fd, fd-leak checks in test suites): stat, lstat, fstatat
 * and statx of /proc/self/fd/N and /proc/PID/fd/N for the fds it was
 * started with (the harness's stdin, stdout and stderr), a pipe's two
 * ends, a socket, a file opened for writing and a directory, and
 * readlink of each. A follower holds placeholders for fds from outside
 * and for files the leader opened for writing, opened with another mode;
 * the program must see the leader's. Prints the file type,
 * the link's permission bits (the open mode) and the link's target kind. */
#include "tests.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/syscall.h>

static const char *kind(mode_t m)
{
	switch (m & S_IFMT) {
	case S_IFIFO:
		return "fifo";
	case S_IFSOCK:
		return "socket";
	case S_IFREG:
		return "file";
	case S_IFDIR:
		return "dir";
	case S_IFLNK:
		return "link";
	default:
		return "other";
	}
}

static void show(const char *label, const char *path)
{
	struct stat st, lst, at;
	struct statx sx;
	char target[256];
	ssize_t n;

	OK(stat(path, &st));
	OK(syscall(SYS_lstat, path, &lst));
	OK(fstatat(AT_FDCWD, path, &at, AT_SYMLINK_NOFOLLOW));
	OK(statx(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW, STATX_MODE, &sx));
	n = OK(readlink(path, target, sizeof(target) - 1));
	target[n] = 0;
	printf("%s: stat %s, lstat %s %03o, fstatat %s %03o, statx %s %03o, "
	       "link to %.*s\n",
	       label, kind(st.st_mode), kind(lst.st_mode),
	       (unsigned)(lst.st_mode & 0777), kind(at.st_mode),
	       (unsigned)(at.st_mode & 0777), kind(sx.stx_mode),
	       (unsigned)(sx.stx_mode & 0777),
	       target[0] == '/' ? 1 : (int)strcspn(target, ":"), target);
}

int main(int argc, char **argv)
{
	int p[2], sv[2], fd, dir, i;
	int fds[9] = { 0, 1, 2 };
	const char *names[9] = { "stdin",	   "stdout",	     "stderr",
				 "pipe read end",  "pipe write end", "socket",
				 "socket peer",	   "file",	     "directory" };
	char path[64];

	scratch_enter(argc, argv, "procfd");
	OK(pipe(p));
	OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	fd = OK(open("f", O_WRONLY | O_CREAT, 0644));
	dir = OK(open(".", O_RDONLY | O_DIRECTORY));
	fds[3] = p[0];
	fds[4] = p[1];
	fds[5] = sv[0];
	fds[6] = sv[1];
	fds[7] = fd;
	fds[8] = dir;
	for (i = 0; i < 9; i++) {
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fds[i]);
		show(names[i], path);
		snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)getpid(),
			 fds[i]);
		show(names[i], path);
	}
	return 0;
}
