/* prctl.c - prctl: every variant sets its own process attributes, except
 * those mvee itself uses. The program sees the TSC and seccomp state it
 * would see natively (mvee traps rdtsc and filters every variant), and a
 * request to trap rdtsc itself, which would bypass mvee's emulation, is
 * refused. The parent-death signal mvee gives the first variants
 * (SIGKILL) is mvee's: the program reads back only what it set. */
#include "monitor.h"
#include "tmem.h"

#include <sys/prctl.h>

static enum sc_policy prctl_policy(const struct call *c)
{
	switch ((int)c->arg[0]) {
	case PR_GET_TSC:
	case PR_SET_TSC:
	case PR_GET_SECCOMP:
	case PR_GET_PDEATHSIG:
		return POL_MONITOR;
	default:
		return POL_ALL;
	}
}

static void prctl_inputs(struct call *c)
{
	/* arguments 1..4 are values or pointers depending on the option:
	 * only the option itself and arg 1 of the emulated ones compare */
	if ((int)c->arg[0] == PR_SET_TSC)
		span_inline(c, 1, &c->arg[1], sizeof(c->arg[1]));
}

/* a PR_GET_ option's answer, into the int each variant's arg 1 points to */
static long answer_int(struct taskset *s, int value)
{
	int v;

	for (v = 0; v < s->n; v++) {
		const struct call *vc = &s->task[v]->call;

		if (tmem_write_user(vc->tid, vc->arg[1], &value,
				    sizeof(value)) != sizeof(value))
			return -EFAULT;
	}
	return 0;
}

long prctl_emulate(struct taskset *s, const struct call *c)
{
	switch ((int)c->arg[0]) {
	case PR_GET_PDEATHSIG:
		return answer_int(s, s->proc->pdeathsig);
	case PR_GET_TSC:
		return answer_int(s, PR_TSC_ENABLE);
	case PR_SET_TSC:
		return c->arg[1] == PR_TSC_ENABLE ? 0 : -EINVAL;
	default: /* PR_GET_SECCOMP: mode 0, as natively */
		return 0;
	}
}

static void prctl_after(struct taskset *s, long ret)
{
	const struct call *c = &s->task[0]->call;

	if (ret == 0 && (int)c->arg[0] == PR_SET_PDEATHSIG)
		s->proc->pdeathsig = (int)c->arg[1];
}

const struct sc_handler handler_prctl = {
	.name = "prctl",
	.policy = prctl_policy,
	.inputs = prctl_inputs,
	.after = prctl_after,
};
