/* lseek_addr.c - a scalar argument that differs: lseek to an offset
 * derived from a stack address. Nothing is printed before the call.
 * expect: lseek */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int local;
	int fd;
	off_t off;

	if (argc > 1 && chdir(argv[1]))
		return 2;
	fd = open("seekme", O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return 2;
	off = lseek(fd, (off_t)((uintptr_t)&local >> 4), SEEK_SET);
	printf("lseek to %lld\n", (long long)off);
	close(fd);
	unlink("seekme");
	return 0;
}
