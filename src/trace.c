/* trace.c - the -o/--trace log: one strace-like line per synchronised
 * call, with the policy used and the time spent since the rendezvous. */
#include "monitor.h"

#include <stdio.h>

void trace_call(const struct taskset *s, const struct call *c, int policy,
		long ret, bool have_ret)
{
	char line[1024];

	if (!cfg.trace)
		return;
	format_call(line, sizeof(line), c, true);
	fprintf(cfg.trace, "[%d] %s", (int)s->proc->pid[0], line);
	if (have_ret)
		fprintf(cfg.trace, " = %ld", ret);
	else
		fprintf(cfg.trace, " = ?");
	fprintf(cfg.trace, " <%s%s> %.1fus\n", policy_name(policy),
		policy == POL_DENY ? ": refused by mvee" : "",
		(double)(now_ns() - s->t_rendezvous) / 1000.0);
}
