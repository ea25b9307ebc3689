/* arch_x86_64.c - x86_64 register handling: where the syscall number,
 * arguments and return value live, how a call is skipped, rewritten or
 * re-executed, and how a trapped rdtsc/rdtscp is completed. */
#include "arch.h"
#include "tmem.h"

#include <errno.h>
#include <sys/ptrace.h>

int arch_fetch(pid_t tid, struct arch_regs *regs)
{
	return ptrace(PTRACE_GETREGS, tid, 0, &regs->r) ? -errno : 0;
}

int arch_store(pid_t tid, const struct arch_regs *regs)
{
	return ptrace(PTRACE_SETREGS, tid, 0, &regs->r) ? -errno : 0;
}

long arch_nr(const struct arch_regs *regs)
{
	return (long)regs->r.orig_rax;
}

uint64_t arch_arg(const struct arch_regs *regs, int i)
{
	switch (i) {
	case 0:
		return regs->r.rdi;
	case 1:
		return regs->r.rsi;
	case 2:
		return regs->r.rdx;
	case 3:
		return regs->r.r10;
	case 4:
		return regs->r.r8;
	default:
		return regs->r.r9;
	}
}

long arch_ret(const struct arch_regs *regs)
{
	return (long)regs->r.rax;
}

uint64_t arch_pc(const struct arch_regs *regs)
{
	return regs->r.rip;
}

uint64_t arch_sp(const struct arch_regs *regs)
{
	return regs->r.rsp;
}

void arch_set_skip(struct arch_regs *regs, long ret)
{
	regs->r.orig_rax = (unsigned long long)-1;
	regs->r.rax = (unsigned long long)ret;
}

static void set_args(struct arch_regs *regs, const uint64_t a[6])
{
	regs->r.rdi = a[0];
	regs->r.rsi = a[1];
	regs->r.rdx = a[2];
	regs->r.r10 = a[3];
	regs->r.r8 = a[4];
	regs->r.r9 = a[5];
}

void arch_set_call(struct arch_regs *regs, long nr, const uint64_t args[6])
{
	regs->r.orig_rax = (unsigned long long)nr;
	set_args(regs, args);
}

void arch_set_ret(struct arch_regs *regs, long ret)
{
	regs->r.rax = (unsigned long long)ret;
}

void arch_copy_args(struct arch_regs *dst, const struct arch_regs *src)
{
	dst->r.rdi = src->r.rdi;
	dst->r.rsi = src->r.rsi;
	dst->r.rdx = src->r.rdx;
	dst->r.r10 = src->r.r10;
	dst->r.r8 = src->r.r8;
	dst->r.r9 = src->r.r9;
}

void arch_set_restart(struct arch_regs *regs)
{
	regs->r.rax = regs->r.orig_rax;
	regs->r.orig_rax = (unsigned long long)-1;
	regs->r.rip -= ARCH_SYSCALL_INSN_LEN;
}

void arch_reexecute(struct arch_regs *regs, long nr, const uint64_t args[6])
{
	regs->r.rip -= ARCH_SYSCALL_INSN_LEN;
	regs->r.rax = (unsigned long long)nr;
	regs->r.orig_rax = (unsigned long long)nr;
	set_args(regs, args);
}

int arch_tsc_insn(pid_t tid, const struct arch_regs *regs, int *is_rdtscp)
{
	unsigned char b[3];

	if (tmem_read(tid, regs->r.rip, b, sizeof(b)) < 2)
		return 0;
	if (b[0] == 0x0f && b[1] == 0x31) {
		*is_rdtscp = 0;
		return 2;
	}
	if (b[0] == 0x0f && b[1] == 0x01 && b[2] == 0xf9) {
		*is_rdtscp = 1;
		return 3;
	}
	return 0;
}

void arch_tsc_emulate(struct arch_regs *regs, int len, int is_rdtscp,
		      uint64_t tsc, uint32_t aux)
{
	regs->r.rax = (uint32_t)tsc;
	regs->r.rdx = tsc >> 32;
	if (is_rdtscp)
		regs->r.rcx = aux;
	regs->r.rip += (unsigned long long)len;
}
