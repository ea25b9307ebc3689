/*
 * layout.c - a program whose memory layout tests/attacks/run.sh inspects.
 *
 * It stops twice, each time after printing a line and until it reads a
 * line from stdin, so that the harness can read /proc/PID/maps of every
 * variant:
 *   ready1: right after start-up (executable, ld.so, libc, stack, vDSO);
 *   ready2: after adding the kinds of mappings a program makes later: a
 *           dlopen()ed library, an anonymous RWX region (a JIT), an RW
 *           region turned R-X with mprotect, a large malloc (its own
 *           mmap) and a small one (the brk heap).
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define REGION (64 * 1024)

static void pause_at(const char *label)
{
	char line[64];

	printf("%s\n", label);
	fflush(stdout);
	if (!fgets(line, sizeof(line), stdin))
		exit(1);
}

static void *map_region(int prot)
{
	void *p = mmap(NULL, REGION, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		perror("mmap");
		exit(1);
	}
	memset(p, 0xc3, 16); /* touch it: a few "ret" instructions */
	return p;
}

int main(void)
{
	void *jit, *code, *big, *small;

	pause_at("ready1");
	if (!dlopen("libm.so.6", RTLD_NOW)) {
		fprintf(stderr, "dlopen: %s\n", dlerror());
		return 1;
	}
	jit = map_region(PROT_READ | PROT_WRITE | PROT_EXEC);
	code = map_region(PROT_READ | PROT_WRITE);
	if (mprotect(code, REGION, PROT_READ | PROT_EXEC)) {
		perror("mprotect");
		return 1;
	}
	big = malloc(1 << 20);
	small = malloc(32);
	if (!big || !small) {
		perror("malloc");
		return 1;
	}
	memset(big, 1, 1 << 20);
	memset(small, 1, 32);
	pause_at("ready2");
	(void)jit;
	return 0;
}
