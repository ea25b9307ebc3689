/* trace.c - the -o/--trace log: one strace-like line per synchronised
 * call ([leader's tid] name(decoded args) = result <policy>, then how long
 * the first variant to arrive waited for the last, and how long the call
 * took from the rendezvous to its result). Every synchronised call passes here once, so it is also
 * where --summary counts it. */
#include "monitor.h"

#include <stdio.h>

void trace_call(const struct taskset *s, const struct call *c, int policy,
		long ret, bool have_ret)
{
	uint64_t ns = now_ns() - s->t_rendezvous;
	char line[1024];

	summary_add(c->nr, policy, ret, have_ret, ns, s->wait_ns);
	if (!cfg.trace)
		return;
	format_call(line, sizeof(line), c, true, -1);
	fprintf(cfg.trace, "[%d] %s", (int)s->task[0]->tid, line);
	if (have_ret)
		fprintf(cfg.trace, " = %ld", ret);
	else
		fprintf(cfg.trace, " = ?");
	fprintf(cfg.trace, " <%s%s> wait %.1fus run %.1fus\n",
		policy_name(policy),
		policy == POL_DENY ? ": refused by mvee" : "",
		(double)s->wait_ns / 1000.0, (double)ns / 1000.0);
}
