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
 * lone reading: the variants' clocks tell the same time, and never run
 * backwards.
 *
 * mvee reads the clock itself where it reads the one the program would
 * (clocks_read): the wall clock, and the monotonic and boot clocks while
 * the process shares mvee's time namespace. The leader's call is then
 * answered like a follower's, with no exit stop, also on the fast path
 * (notify.c). CPU-time clocks, clocks of other processes and fd clocks
 * are read by the leader's own call. */
#include "monitor.h"
#include "tmem.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

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

/* does p's leader live in mvee's time namespace (monotonic and boot
 * clocks without offsets)? Checked once per program and after setns. */
static bool same_timens(struct lproc *p)
{
	static ino_t own;
	char path[64];
	struct stat st;

	if (p->timens)
		return p->timens > 0;
	if (!own)
		own = stat("/proc/self/ns/time", &st) ? (ino_t)-1 : st.st_ino;
	snprintf(path, sizeof(path), "/proc/%d/ns/time", (int)p->pid[0]);
	if (stat(path, &st))
		p->timens = own == (ino_t)-1 ? 1 : -1; /* no time namespaces */
	else
		p->timens = st.st_ino == own ? 1 : -1;
	return p->timens > 0;
}

/* the process may have joined another time namespace, or exec'd into
 * the one its parent made for its children */
void clocks_forget_ns(struct lproc *p)
{
	p->timens = 0;
}

/* a clock_gettime clock mvee can read for p */
static bool readable(struct lproc *p, uint64_t id)
{
	switch (id) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_REALTIME_ALARM:
	case CLOCK_TAI:
		return true;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
	case CLOCK_BOOTTIME_ALARM:
		return same_timens(p);
	default:
		return false; /* CPU time, other processes' clocks, fds */
	}
}

/* mvee reads the clock of c's call (its task is stopped at it) and gives
 * the reading to the task as its call would: the outputs are written
 * into the task and put into c as if read from it, the reading becomes
 * the latest, *ret is what the call returns. False when mvee cannot
 * read that clock or the task's buffer cannot take it: its own call
 * then runs. */
bool clocks_read(struct lproc *p, struct call *c, long *ret)
{
	unsigned char out[24];
	struct timespec ts;
	struct timeval tv;
	struct timezone tz;
	size_t n = 0;
	long r;

	switch (c->nr) {
	case __NR_gettimeofday:
		r = syscall(SYS_gettimeofday, &tv, &tz);
		if (c->arg[0]) {
			memcpy(out, &tv, sizeof(tv));
			n += sizeof(tv);
		}
		if (c->arg[1]) {
			memcpy(out + n, &tz, sizeof(tz));
			n += sizeof(tz);
		}
		break;
	case __NR_time:
		r = syscall(SYS_time, NULL);
		if (c->arg[0]) {
			memcpy(out, &r, sizeof(r));
			n += sizeof(r);
		}
		break;
	case __NR_clock_gettime:
		/* without a buffer the kernel's answer is EFAULT */
		if (!readable(p, c->arg[0]) || !c->arg[1])
			return false;
		r = syscall(SYS_clock_gettime, (clockid_t)c->arg[0], &ts);
		memcpy(out, &ts, sizeof(ts));
		break;
	default:
		return false;
	}
	if (r < 0)
		return false;
	call_outputs_given(c, r, out);
	if (replicate_to(c, c))
		return false; /* a bad pointer: the call's own EFAULT */
	clocks_record(p, c, r);
	*ret = r;
	return true;
}
