/* signal.c - calls whose structs hold code or data addresses that differ
 * by layout: rt_sigaction (handlers compared by meaning: default, ignore
 * or a function; flags and mask by value), sigaltstack (flags and size),
 * and sigevent users (timer_create, mq_notify: notify kind and signal). */
#include "monitor.h"
#include "tmem.h"

#include <signal.h>
#include <string.h>

struct ksigaction {
	uint64_t handler, flags, restorer, mask;
};

static void sigaction_inputs(struct call *c)
{
	struct ksigaction ka;
	uint64_t v[3];

	if (!c->arg[1])
		return;
	if (tmem_read(c->tid, c->arg[1], &ka, sizeof(ka)) != sizeof(ka)) {
		span_inline(c, 1, "fault", 5);
		return;
	}
	/* SIG_DFL 0, SIG_IGN 1, otherwise "a function" */
	v[0] = ka.handler <= 1 ? ka.handler : 2;
	v[1] = ka.flags;
	v[2] = ka.mask;
	span_inline(c, 1, v, sizeof(v));
}

/* remember which signals have handlers, for restart decisions */
static void sigaction_after(struct taskset *s, long ret)
{
	const struct call *c = &s->task[0]->call;
	long sig = (long)(int)c->arg[0];
	struct ksigaction ka;

	if (ret || !c->arg[1] || sig <= 0 || sig >= 65 ||
	    tmem_read(c->tid, c->arg[1], &ka, sizeof(ka)) != sizeof(ka))
		return;
	s->proc->sig[sig].caught = ka.handler > 1;
	s->proc->sig[sig].restart = ka.flags & SA_RESTART;
}

const struct sc_handler handler_sigaction = {
	.name = "rt_sigaction",
	.inputs = sigaction_inputs,
	.after = sigaction_after,
};

static void sigaltstack_inputs(struct call *c)
{
	stack_t ss;
	uint64_t v[3];

	if (!c->arg[0])
		return;
	if (tmem_read(c->tid, c->arg[0], &ss, sizeof(ss)) != sizeof(ss)) {
		span_inline(c, 0, "fault", 5);
		return;
	}
	v[0] = !ss.ss_sp;
	v[1] = (uint64_t)ss.ss_flags;
	v[2] = ss.ss_size;
	span_inline(c, 0, v, sizeof(v));
}

const struct sc_handler handler_sigaltstack = {
	.name = "sigaltstack",
	.inputs = sigaltstack_inputs,
};

static void sigevent_inputs(struct call *c)
{
	int i = 1; /* sevp: timer_create and mq_notify alike */
	struct sigevent ev;
	int64_t v[3];

	if (!c->arg[i])
		return;
	if (tmem_read(c->tid, c->arg[i], &ev, sizeof(ev)) != sizeof(ev)) {
		span_inline(c, i, "fault", 5);
		return;
	}
	v[0] = ev.sigev_notify;
	v[1] = ev.sigev_signo;
	/* SIGEV_THREAD_ID names a thread: the leader's number in all */
	v[2] = ev.sigev_notify == SIGEV_THREAD_ID ? ev._sigev_un._tid : 0;
	span_inline(c, i, v, sizeof(v));
}

const struct sc_handler handler_sigevent = {
	.name = "sigevent",
	.inputs = sigevent_inputs,
};
