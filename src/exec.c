/* exec.c - what mvee does to a fresh program image at the exec stop:
 * hide the vDSO (AT_SYSINFO_EHDR becomes AT_IGNORE in the auxiliary
 * vector) so that clock calls become real system calls, which the leader
 * then executes for everyone. */
#include "monitor.h"
#include "tmem.h"

#include <elf.h>

#define AUXV_SCAN_WORDS 8192

void exec_hide_vdso(struct task *t)
{
	uint64_t sp, w, argc, i;

	if (arch_fetch(t->tid, &t->regs))
		return;
	sp = arch_sp(&t->regs);
	/* argc, argv[argc], NULL, envp..., NULL, auxv pairs */
	if (tmem_read(t->tid, sp, &argc, 8) != 8)
		return;
	i = 1 + argc + 1;
	for (; i < AUXV_SCAN_WORDS; i++) {
		if (tmem_read(t->tid, sp + 8 * i, &w, 8) != 8)
			return;
		if (!w)
			break;
	}
	for (i++; i < AUXV_SCAN_WORDS; i += 2) {
		uint64_t ignore = AT_IGNORE;

		if (tmem_read(t->tid, sp + 8 * i, &w, 8) != 8 || w == AT_NULL)
			return;
		if (w == AT_SYSINFO_EHDR) {
			if (tmem_write(t->tid, sp + 8 * i, &ignore, 8) != 8)
				bug(__FILE__, __LINE__,
				    "cannot hide the vDSO of %d", t->tid);
			return;
		}
	}
}
