/* random.c - getrandom (flags 0, GRND_NONBLOCK, GRND_INSECURE) and reads
 * of /dev/urandom. The bytes are printed in hex: natively they change on
 * every run, so the runner checks only the format of this output; under
 * mvee every variant must see the same bytes (they are written, and
 * variants writing different data would diverge). */
#include "tests.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/syscall.h>

static void hex(const char *label, const unsigned char *b, int n)
{
	int i;

	printf("%s: ", label);
	for (i = 0; i < n; i++)
		printf("%02x", b[i]);
	printf("\n");
}

int main(int argc, char **argv)
{
	unsigned char a[16], b[16], c[16], d[16];
	unsigned char big[1000];
	long n;
	int fd, i, nonzero = 0;

	scratch_enter(argc, argv, "random");
	SHOW("getrandom(a, 16, 0)",
	     syscall(SYS_getrandom, a, 16, 0, JUNK, JUNK, JUNK));
	hex("getrandom", a, 16);
	SHOW("getrandom(b, 16, GRND_NONBLOCK)",
	     getrandom(b, 16, GRND_NONBLOCK));
	hex("getrandom nonblock", b, 16);
	SHOW("getrandom(c, 16, GRND_INSECURE)",
	     getrandom(c, 16, GRND_INSECURE));
	ERR("getrandom(c, 16, 0x100)", EINVAL, getrandom(c, 16, 0x100));
	SHOW("getrandom(c, 0, 0)", getrandom(c, 0, 0));

	fd = SHOW("open(\"/dev/urandom\", O_RDONLY)",
		  open("/dev/urandom", O_RDONLY));
	SHOW("read(fd, d, 16)", read(fd, d, 16));
	hex("urandom", d, 16);
	n = SHOW("read(fd, big, 1000)", read(fd, big, sizeof(big)));
	for (i = 0; i < n; i++)
		nonzero += big[i] != 0;
	printf("1000 bytes mostly nonzero %s, first two 16-byte reads differ %s\n",
	       yesno(nonzero > 900),
	       yesno(memcmp(a, b, 16) && memcmp(a, d, 16)));
	OK(close(fd));

	/* using the bytes to take a branch must not make variants disagree */
	if (a[0] & 1)
		printf("branch on random bit: taken\n");
	else
		printf("branch on random bit: not taken\n");
	scratch_leave();
	printf("done\n");
	return 0;
}
