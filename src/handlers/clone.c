/* clone.c - clone, clone3, fork, vfork: every variant creates its own
 * task; tasks.c matches the new tasks across variants by creation order
 * and the parent's result is translated to the leader's pid. clone3's
 * struct clone_args holds pointers: its flags, exit signal and sizes are
 * compared by value, its pointers by NULL-ness. */
#include "monitor.h"
#include "tmem.h"

#include <linux/sched.h>
#include <string.h>

#define CLONE_ARGS_MAX 88 /* struct clone_args, version 2 */

static void clone3_inputs(struct call *c)
{
	struct clone_args ca;
	size_t size = c->arg[1] < CLONE_ARGS_MAX ? c->arg[1] : CLONE_ARGS_MAX;
	uint64_t v[6];

	memset(&ca, 0, sizeof(ca));
	if (!c->arg[0] ||
	    tmem_read(c->tid, c->arg[0], &ca, size) != (ssize_t)size) {
		v[0] = 0;
		span_inline(c, 0, v, sizeof(v[0]));
		return;
	}
	v[0] = ca.flags; /* first: tasks.c reads the flags from here */
	v[1] = ca.exit_signal;
	v[2] = ca.stack_size;
	v[3] = ca.set_tid_size;
	v[4] = ca.cgroup;
	v[5] = (uint64_t)!ca.pidfd | (uint64_t)!ca.child_tid << 1 |
	       (uint64_t)!ca.parent_tid << 2 | (uint64_t)!ca.stack << 3 |
	       (uint64_t)!ca.tls << 4 | (uint64_t)!ca.set_tid << 5;
	span_inline(c, 0, v, sizeof(v));
}

static void clone_inputs(struct call *c)
{
	if (c->nr == __NR_clone3)
		clone3_inputs(c);
}

const struct sc_handler handler_clone = {
	.name = "clone",
	.inputs = clone_inputs,
};
