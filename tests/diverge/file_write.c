/* file_write.c - open a file for writing (the same in every variant), then
 * write a stack address into it. The open runs; the write must not: the
 * file must stay empty.
 * expect: write */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char buf[64];
	int local;
	int fd;

	if (argc > 1 && chdir(argv[1]))
		return 2;
	fd = open("out", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return 2;
	snprintf(buf, sizeof(buf), "%p\n", (void *)&local);
	if (write(fd, buf, strlen(buf)) < 0)
		return 2;
	close(fd);
	printf("wrote %s", buf);
	return 0;
}
