/* personality.c - personality: under --diversity disjoint a follower never
 * turns the kernel's address-space randomisation off (ADDR_NO_RANDOMIZE,
 * as setarch -R does before it executes a program), or what the kernel
 * places at the next exec would be where the leader has it. The program
 * still sees the leader's persona: every variant returns the leader's
 * result. */
#include "monitor.h"

#include <sys/personality.h>

static void personality_before(struct taskset *s)
{
	int v;

	if (cfg.diversity != DIV_DISJOINT)
		return;
	for (v = 1; v < s->n; v++) {
		struct task *f = s->task[v];

		/* 0xffffffff only asks for the current persona */
		if ((uint32_t)f->call.arg[0] == 0xffffffff ||
		    !(f->call.arg[0] & ADDR_NO_RANDOMIZE))
			continue;
		task_set_arg(f, 0,
			     f->call.arg[0] & ~(uint64_t)ADDR_NO_RANDOMIZE);
	}
}

static void personality_after(struct taskset *s, long ret)
{
	int v;

	for (v = 1; v < s->n; v++) {
		struct task *f = s->task[v];

		if (f->state != TS_EXITED || f->call.ret == ret)
			continue;
		arch_set_ret(&f->regs, ret);
		task_store(f);
	}
}

const struct sc_handler handler_personality = {
	.name = "personality",
	.before = personality_before,
	.after = personality_after,
};
