/* clocks.c - the leader's latest reading of each clock, for a follower
 * that reads a clock alone.
 *
 * Clock calls are the leader's: every variant gets the leader's reading.
 * But a variant may read a clock where the others do not (jemalloc reads
 * it after a number of allocations drawn from a generator seeded with an
 * address, so at different moments in each variant), and such a call
 * runs alone (lockstep.c: run_pure_alone). A follower that did so used
 * to get its own, later, reading, and the value then went on into the
 * program's next decision (redis's epoll_wait timeout came out 82 ms in
 * one variant and 81 in the other). Now it gets the leader's latest
 * reading of the same clock, taken at a rendezvous or by the leader's own
 * lone reading (which then stops at its exit to be read): the variants'
 * clocks tell the same time, and never run backwards. */
#include "monitor.h"
#include "tmem.h"

#include <string.h>
#include <sys/syscall.h>

/* the clock a call reads: clock_gettime's id, or the call itself */
static uint64_t clock_of(const struct call *c)
{
	return c->nr == __NR_clock_gettime ? c->arg[0] : 0;
}

static struct clock_reading *slot(struct lproc *p, const struct call *c,
				  bool make)
{
	struct clock_reading *free_slot = NULL;
	int i;

	for (i = 0; i < CLOCKS_KEPT; i++) {
		struct clock_reading *r = &p->clocks[i];

		if (r->valid && r->nr == c->nr && r->id == clock_of(c))
			return r;
		if (!r->valid && !free_slot)
			free_slot = r;
	}
	if (!make)
		return NULL;
	/* more clocks than slots: the first slot makes room */
	return free_slot ? free_slot : &p->clocks[0];
}

/* the leader's clock call l returned ret with its outputs read */
void clocks_record(struct lproc *p, const struct call *l, long ret)
{
	struct clock_reading *r = slot(p, l, true);
	int k;

	memset(r, 0, sizeof(*r));
	r->nr = l->nr;
	r->id = clock_of(l);
	r->ret = ret;
	for (k = 0; k < l->out.n && r->nout < 2; k++) {
		const struct span *s = &l->out.s[k];

		if (s->len > sizeof(r->out[0].bytes) || (s->flags & SPAN_FAULT))
			return; /* not a reading to give on */
		r->out[r->nout].arg = s->arg;
		r->out[r->nout].len = (uint8_t)s->len;
		memcpy(r->out[r->nout].bytes, span_data(l, s), s->len);
		r->nout++;
	}
	r->valid = true;
}

/* Follower call c reads a clock alone: write the leader's latest reading
 * of that clock into it; *ret is what the call returns. False when there
 * is none yet, or the follower's buffer cannot take it (its own call
 * then runs and fails as it would). */
bool clocks_replay(struct lproc *p, const struct call *c, long *ret)
{
	const struct clock_reading *r = slot(p, c, false);
	int k;

	if (!r)
		return false;
	for (k = 0; k < r->nout; k++) {
		uint64_t at = c->arg[r->out[k].arg];

		if (!at && r->out[k].len)
			continue; /* NULL: the call writes nothing there */
		if (tmem_write_user(c->tid, at, r->out[k].bytes,
				    r->out[k].len) != r->out[k].len)
			return false;
	}
	*ret = r->ret;
	return true;
}
