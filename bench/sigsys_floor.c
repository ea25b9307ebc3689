/* sigsys_floor.c - what an in-process answer to a system call would cost
 * on this machine, against the fast path's notification (notify_floor.c):
 * a seccomp filter traps clock_gettime (SECCOMP_RET_TRAP), and a SIGSYS
 * handler in the same process answers it from memory and returns; calls
 * from the handler's own code page are allowed, as an in-process agent's
 * would be. Not run by the harness; docs/PERFORMANCE.md has the figures
 * and what they would mean for mvee.
 *
 *   cc -O2 -o build/bench/sigsys_floor bench/sigsys_floor.c
 *   build/bench/sigsys_floor CALLS
 *
 * Prints the time per call natively (the real call), trapped and answered
 * by the handler, and trapped with the handler making the real call. */
#define _GNU_SOURCE
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

static volatile int forward; /* the handler makes the real call */

static long now_ns(void)
{
	struct timespec t;

	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000L + t.tv_nsec;
}

/* the one code page allowed to make clock_gettime: an agent's own call */
static long __attribute__((noinline, aligned(4096)))
agent_call(long nr, long a, long b)
{
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a), "S"(b)
			 : "rcx", "r11", "memory");
	return ret;
}

static void on_sigsys(int sig, siginfo_t *si, void *uc_)
{
	ucontext_t *uc = uc_;
	greg_t *g = uc->uc_mcontext.gregs;
	struct timespec *ts = (struct timespec *)g[REG_RSI];

	(void)sig;
	(void)si;
	if (forward) {
		g[REG_RAX] =
			agent_call(SYS_clock_gettime, g[REG_RDI], g[REG_RSI]);
		return;
	}
	ts->tv_sec = 1;
	ts->tv_nsec = 2;
	g[REG_RAX] = 0;
}

static void install(void)
{
	unsigned long page = (unsigned long)agent_call & ~4095UL;
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clock_gettime, 0, 3),
		/* the instruction pointer's low word: from the agent's page?
		 * (enough for a measurement; an agent would check both) */
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, instruction_pointer)),
		BPF_STMT(BPF_ALU | BPF_AND | BPF_K, ~4095U),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)page, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP),
	};
	struct sock_fprog prog = { sizeof(f) / sizeof(f[0]), f };
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_sigsys;
	sa.sa_flags = SA_SIGINFO;
	if (sigaction(SIGSYS, &sa, NULL) ||
	    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog)) {
		perror("install");
		exit(1);
	}
}

/* once the filter is in, the timing reads go through the agent's page */
static long timed_ns(void)
{
	struct timespec t;

	agent_call(SYS_clock_gettime, CLOCK_MONOTONIC, (long)&t);
	return t.tv_sec * 1000000000L + t.tv_nsec;
}

static double per_call(long calls, int trapped)
{
	struct timespec ts;
	long i, t0 = trapped ? timed_ns() : now_ns();

	for (i = 0; i < calls; i++)
		syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
	return ((trapped ? timed_ns() : now_ns()) - t0) / (double)calls;
}

int main(int argc, char **argv)
{
	long calls = argc > 1 ? atol(argv[1]) : 200000;

	printf("native clock_gettime: %.0f ns\n", per_call(calls, 0));
	install();
	printf("trapped, answered by the handler: %.0f ns\n",
	       per_call(calls, 1));
	forward = 1;
	printf("trapped, the handler makes the call: %.0f ns\n",
	       per_call(calls, 1));
	return 0;
}
