/* trace.c - the -o/--trace log: one strace-like line per synchronised
 * call ([leader's tid] name(decoded args) = result <policy> time since the
 * rendezvous). Every synchronised call passes here once, so it is also
 * where --summary counts it. */
#include "monitor.h"

#include <stdio.h>

void trace_call(const struct taskset *s, const struct call *c, int policy,
		long ret, bool have_ret)
{
	uint64_t ns = now_ns() - s->t_rendezvous;
	char line[1024];

	summary_add(c->nr, policy, ret, have_ret, ns);
	if (!cfg.trace)
		return;
	format_call(line, sizeof(line), c, true);
	fprintf(cfg.trace, "[%d] %s", (int)s->task[0]->tid, line);
	if (have_ret)
		fprintf(cfg.trace, " = %ld", ret);
	else
		fprintf(cfg.trace, " = ?");
	fprintf(cfg.trace, " <%s%s> %.1fus\n", policy_name(policy),
		policy == POL_DENY ? ": refused by mvee" : "",
		(double)ns / 1000.0);
}
