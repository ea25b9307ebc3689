/*
 * smash.c - a stack buffer overflow for tests/attacks/run.sh.
 *
 * vuln() reads up to 256 bytes from stdin into a 16-byte buffer on its
 * stack. An input longer than the buffer overwrites vuln()'s saved frame
 * pointer and return address, so an attacker who knows where win() is
 * makes vuln() "return" into it: win() writes "PWNED" and exits with 42.
 * win() is never called otherwise.
 *
 * Built as a PIE without stack protector or CET (see run.sh), so the only
 * thing between the attacker and win() is knowing its absolute address.
 *
 * With SMASH_DEBUG set in the environment (used only by the harness, for a
 * native run), vuln() first prints on stderr how far the return address
 * lies from the start of buf: the length of the payload's padding. This is
 * a difference of two stack addresses, the same in every layout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void win(void)
{
	static const char msg[] = "PWNED\n";

	write(1, msg, sizeof(msg) - 1);
	_exit(42);
}

static int debug;

static void vuln(void)
{
	char buf[16];
	ssize_t n;

	if (debug)
		fprintf(stderr, "return address at buf+%ld\n",
			(long)((char *)__builtin_frame_address(0) + 8 - buf));
	n = read(0, buf, 256); /* the bug: 256 > sizeof(buf) */
	printf("got %zd bytes\n", n);
	fflush(stdout);
}

int main(void)
{
	debug = getenv("SMASH_DEBUG") != NULL;
	printf("ready\n");
	fflush(stdout);
	vuln();
	return 0;
}
