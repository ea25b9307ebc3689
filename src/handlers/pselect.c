/* pselect.c - pselect6: its sixth argument points to a pair {sigset
 * pointer, size}; the set itself is compared, the pointers are not. Like
 * every readiness wait it is the leader's: it owns the pipes and sockets,
 * and variant-owned files are always ready. */
#include "monitor.h"
#include "tmem.h"

static enum sc_policy policy_leader(const struct call *c)
{
	(void)c;
	return POL_LEADER;
}

static void pselect_inputs(struct call *c)
{
	uint64_t pair[2], v[2] = { 0, 0 };

	if (!c->arg[5])
		return;
	if (tmem_read(c->tid, c->arg[5], pair, sizeof(pair)) != sizeof(pair)) {
		span_inline(c, 5, "fault", 5);
		return;
	}
	v[0] = pair[1];
	if (pair[0] && tmem_read(c->tid, pair[0], &v[1], 8) != 8)
		v[1] = ~0ULL;
	span_inline(c, 5, v, sizeof(v));
}

const struct sc_handler handler_pselect = {
	.name = "pselect6",
	.policy = policy_leader,
	.inputs = pselect_inputs,
};
