/* syscall_nr.c - variants make different system calls: for each bit of a
 * stack address, getuid if it is set, getgid if not. Two variants whose
 * addresses differ call different syscalls at the first differing bit.
 * expect: getuid|getgid */
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	int local;
	uintptr_t a = (uintptr_t)&local;
	unsigned long sum = 0;
	int bit;

	for (bit = 4; bit < 47; bit++)
		sum += (a >> bit) & 1 ? getuid() : getgid();
	printf("made 43 calls, address %p\n", (void *)&local);
	return (int)(sum & 0);
}
