/* exit_addr.c - exit with a status derived from a stack address: the
 * argument of exit_group differs. mvee must exit with the divergence
 * status, not any variant's.
 * expect: exit */
#include <stdint.h>
#include <unistd.h>

int main(void)
{
	int local;

	_exit((int)((uintptr_t)&local >> 4));
}
