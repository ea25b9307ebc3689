/* path_addr.c - a path argument that differs: open a file named after a
 * heap address (it does not exist).
 * expect: open */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	char path[64];
	void *p = malloc(8);

	snprintf(path, sizeof(path), "/nonexistent/%p", p);
	int fd = open(path, O_RDONLY);

	printf("open %s = %d\n", path, fd);
	return 0;
}
