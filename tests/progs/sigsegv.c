/* sigsegv.c - synchronous faults the program handles itself: a NULL read,
 * a write to a read-only page, an illegal instruction (ud2), a breakpoint
 * (int3), an integer division by zero; each handler reports the signal
 * and si_code and jumps back. Every variant faults the same way, so this
 * is not a divergence. */
#include "tests.h"

#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>

static sigjmp_buf env;
static volatile int got_sig, got_code, addr_ok;
static volatile char *expect_addr;

static void handler(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	got_sig = sig;
	got_code = si->si_code;
	addr_ok = (char *)si->si_addr == expect_addr;
	siglongjmp(env, 1);
}

static const char *code(int sig, int c)
{
	if (sig == SIGSEGV)
		return c == SEGV_MAPERR ? "SEGV_MAPERR" :
		       c == SEGV_ACCERR ? "SEGV_ACCERR" :
					  "?";
	if (sig == SIGILL)
		return c == ILL_ILLOPN ? "ILL_ILLOPN" : "?";
	if (sig == SIGFPE)
		return c == FPE_INTDIV ? "FPE_INTDIV" : "?";
	if (sig == SIGTRAP)
		return c == SI_KERNEL  ? "SI_KERNEL" :
		       c == TRAP_BRKPT ? "TRAP_BRKPT" :
					 "?";
	return "?";
}

#define TRY(label, expr)                                                       \
	do {                                                                   \
		got_sig = 0;                                                   \
		if (!sigsetjmp(env, 1)) {                                      \
			expr;                                                  \
			printf("%s: no signal\n", label);                      \
		} else {                                                       \
			printf("%s: %s %s, si_addr as expected %s\n", label,   \
			       sigabbrev_np(got_sig), code(got_sig, got_code), \
			       yesno(addr_ok));                                \
		}                                                              \
	} while (0)

int main(int argc, char **argv)
{
	struct sigaction sa;
	volatile int r;
	char *ro;

	scratch_enter(argc, argv, "sigsegv");
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO;
	OK(sigaction(SIGSEGV, &sa, NULL));
	OK(sigaction(SIGILL, &sa, NULL));
	OK(sigaction(SIGFPE, &sa, NULL));
	OK(sigaction(SIGTRAP, &sa, NULL));

	expect_addr = NULL;
	TRY("read NULL", r = *(volatile int *)expect_addr);
	expect_addr = (char *)16;
	TRY("write 16", *(volatile int *)expect_addr = 1);
	ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(ro != MAP_FAILED);
	expect_addr = ro + 8;
	TRY("write read-only page", *(volatile char *)expect_addr = 1);
	expect_addr = NULL;
	TRY("ud2", __asm__ volatile("ud2"));
	TRY("int3", __asm__ volatile("int3"));
	TRY("divide by zero",
	    __asm__ volatile("xorl %%ecx, %%ecx\n\tmovl $1, %%eax\n\t"
			     "cltd\n\tidivl %%ecx"
			     :
			     :
			     : "eax", "ecx", "edx"));
	TRY("after all that, a plain write", r = 2);
	(void)r;
	OK(munmap(ro, 4096));
	scratch_leave();
	printf("done\n");
	return 0;
}
