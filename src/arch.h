/* arch.h - the architecture-specific register interface (x86_64 only).
 *
 * Everything that knows which register holds what lives in arch_x86_64.c;
 * the rest of mvee sees system calls as a number, six arguments and a
 * return value.
 */
#ifndef MVEE_ARCH_H
#define MVEE_ARCH_H

#include <stdint.h>
#include <sys/types.h>
#include <sys/user.h>

struct arch_regs {
	struct user_regs_struct r;
};

#define ARCH_SYSCALL_INSN_LEN 2 /* syscall: 0f 05 */

int arch_fetch(pid_t tid, struct arch_regs *regs);
int arch_store(pid_t tid, const struct arch_regs *regs);

long arch_nr(const struct arch_regs *regs);
uint64_t arch_arg(const struct arch_regs *regs, int i);
long arch_ret(const struct arch_regs *regs);
uint64_t arch_pc(const struct arch_regs *regs);
uint64_t arch_sp(const struct arch_regs *regs);

/* skip the call at a seccomp stop and make it return ret */
void arch_set_skip(struct arch_regs *regs, long ret);
/* replace the call at a seccomp stop */
void arch_set_call(struct arch_regs *regs, long nr, const uint64_t args[6]);
void arch_set_ret(struct arch_regs *regs, long ret);
/* copy the six argument registers from src (restore after a rewrite) */
void arch_copy_args(struct arch_regs *dst, const struct arch_regs *src);
/* at an entry stop: skip the call so that it runs again when the task
 * returns to user space (as the kernel restarts an interrupted call) */
void arch_set_restart(struct arch_regs *regs);
/* at an exit stop: make the task execute syscall nr(args) again */
void arch_reexecute(struct arch_regs *regs, long nr, const uint64_t args[6]);

/* rdtsc/rdtscp trapped by PR_TSC_SIGSEGV: instruction length at pc, or 0
 * when the bytes there are neither */
int arch_tsc_insn(pid_t tid, const struct arch_regs *regs, int *is_rdtscp);
/* complete an emulated rdtsc(p): value into edx:eax (ecx = aux for rdtscp) */
void arch_tsc_emulate(struct arch_regs *regs, int len, int is_rdtscp,
		      uint64_t tsc, uint32_t aux);

#endif
