/* clone.c - clone, clone3, fork, vfork: every variant creates its own
 * task; tasks.c matches the new tasks across variants by creation order
 * and the parent's result is translated to the leader's pid. clone3's
 * struct clone_args holds pointers: its flags, exit signal and sizes are
 * compared by value, its pointers by NULL-ness. CLONE_UNTRACED would
 * create a task mvee never sees (LeakSanitizer uses it): the flag is
 * removed in every variant before the call runs, so the new task is
 * traced like any other. */
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

static void clone_before(struct taskset *s)
{
	int v;

	for (v = 0; v < s->n; v++) {
		struct task *t = s->task[v];
		uint64_t flags;

		if (t->call.nr == __NR_clone &&
		    (t->call.arg[0] & CLONE_UNTRACED))
			task_set_arg(t, 0,
				     t->call.arg[0] &
					     ~(uint64_t)CLONE_UNTRACED);
		if (t->call.nr != __NR_clone3 || !t->call.arg[0] ||
		    tmem_read(t->tid, t->call.arg[0], &flags, sizeof(flags)) !=
			    sizeof(flags) ||
		    !(flags & CLONE_UNTRACED))
			continue;
		flags &= ~(uint64_t)CLONE_UNTRACED;
		if (tmem_write(t->tid, t->call.arg[0], &flags, sizeof(flags)) !=
		    sizeof(flags))
			bug(__FILE__, __LINE__,
			    "cannot clear CLONE_UNTRACED in variant %d", v);
	}
}

const struct sc_handler handler_clone = {
	.name = "clone",
	.inputs = clone_inputs,
	.before = clone_before,
};
