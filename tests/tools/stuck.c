/* stuck.c - the followers loop forever without a system call while the
 * leader goes on to write: a variant that never reaches the rendezvous,
 * for --rendezvous-timeout. A variant tells it is the leader by its own
 * pid in /proc/self/stat, which only the leader shares with getpid(). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void)
{
	char buf[64] = { 0 };
	int fd = open("/proc/self/stat", O_RDONLY);

	if (fd < 0 || read(fd, buf, sizeof(buf) - 1) <= 0)
		return 2;
	close(fd);
	if (atoi(buf) != getpid())
		for (;;)
			;
	return write(1, "leader went on\n", 15) != 15;
}
