/* compare.c - deep comparison of the calls a task set stopped at: the
 * number, every scalar argument by value, pointers that differ by layout
 * by NULL-ness, and every input span (strings, buffers, iovecs, handler
 * values) by content. A mismatch is returned as a struct divergence. */
#include "monitor.h"

#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>

static bool scalar_kind(int kind)
{
	switch (kind) {
	case A_INT:
	case A_UINT:
	case A_FLAGS:
	case A_OCT:
	case A_FD:
	case A_DUPFD:
	case A_PID:
	case A_SIG:
	case A_OMODE:
		return true;
	default:
		return false;
	}
}

void divergence_init(struct divergence *d, enum div_kind kind, int set,
		     int variant, int arg, long a, long b)
{
	memset(d, 0, sizeof(*d));
	d->kind = kind;
	d->set = set;
	d->variant = variant;
	d->arg = arg;
	d->a = a;
	d->b = b;
}

/* a pid argument in the leader's numbering: a variant passes either the
 * leader's number (from getpid, clone results) or its own (from a tid the
 * kernel stored) */
static long pid_norm(const struct call *c, uint64_t raw)
{
	long p = (long)(int)raw;

	if (p == 0 || p == -1 || !c->variant)
		return p;
	return p < 0 ? -pid_to_leader(c->variant, -p) :
		       pid_to_leader(c->variant, p);
}

/* glibc's mkstemp/mkdtemp replace six X's by letters and digits derived
 * from a stack address and the clock, so the same program names its
 * temporary files differently in every variant. A path of an exclusive
 * create that differs only there (same length, all differing bytes
 * alphanumeric, within six consecutive positions of the last component)
 * is the same name; the follower is given the leader's (lockstep.c). */
#define TMPNAME_RUN 6

static bool exclusive_create(const struct call *c)
{
	const struct sc_row *r = c->row;
	int i;

	if (!r || !(r->flags & SCF_TMPNAME))
		return false;
	for (i = 0; i + 1 < r->nargs; i++)
		if (r->arg[i].kind == A_STR && r->arg[i + 1].kind == A_FLAGS)
			return (c->arg[i + 1] & (O_CREAT | O_EXCL)) ==
			       (O_CREAT | O_EXCL);
	return true; /* mkdir, mkdirat: always exclusive */
}

static bool tmpname_alike(const unsigned char *a, const unsigned char *b,
			  size_t len)
{
	size_t i, first = len, last = 0, slash = 0;

	for (i = 0; i < len; i++) {
		if (a[i] == '/')
			slash = i;
		if (a[i] == b[i])
			continue;
		if (!isalnum(a[i]) || !isalnum(b[i]))
			return false;
		if (first == len)
			first = i;
		last = i;
	}
	return first < len && first > slash && last - first < TMPNAME_RUN;
}

static bool compare_spans(struct call *l, struct call *f, struct divergence *d,
			  int set)
{
	int k;

	if (l->in.n != f->in.n) {
		int arg = 0;

		for (k = 0; k < l->in.n && k < f->in.n; k++)
			if (l->in.s[k].arg != f->in.s[k].arg)
				break;
		if (k < l->in.n)
			arg = l->in.s[k].arg;
		else if (k < f->in.n)
			arg = f->in.s[k].arg;
		divergence_init(d, DIVK_ARG, set, f->variant, arg, l->in.n,
				f->in.n);
		snprintf(d->what, sizeof(d->what),
			 "argument %d has a different structure", arg);
		return false;
	}
	for (k = 0; k < l->in.n; k++) {
		const struct span *a = &l->in.s[k], *b = &f->in.s[k];
		const unsigned char *pa = span_data(l, a),
				    *pb = span_data(f, b);
		size_t n = a->len < b->len ? a->len : b->len, off;

		for (off = 0; off < n && pa[off] == pb[off]; off++)
			;
		if (off == n && a->len == b->len && a->flags == b->flags)
			continue;
		if (a->len == b->len && !a->flags && !b->flags &&
		    l->row->arg[a->arg].kind == A_STR && exclusive_create(l) &&
		    tmpname_alike(pa, pb, a->len)) {
			f->unify_arg = a->arg;
			continue;
		}
		divergence_init(d, DIVK_ARG, set, f->variant, a->arg,
				(long)a->len, (long)b->len);
		d->in_buffer = true;
		d->offset = off;
		d->nbytes[0] = a->len > off ? a->len - off : 0;
		d->nbytes[1] = b->len > off ? b->len - off : 0;
		if (d->nbytes[0] > sizeof(d->bytes[0]))
			d->nbytes[0] = sizeof(d->bytes[0]);
		if (d->nbytes[1] > sizeof(d->bytes[1]))
			d->nbytes[1] = sizeof(d->bytes[1]);
		memcpy(d->bytes[0], pa + off, d->nbytes[0]);
		memcpy(d->bytes[1], pb + off, d->nbytes[1]);
		if (off < n)
			snprintf(
				d->what, sizeof(d->what),
				"argument %d differs at byte %zu: 0x%02x vs 0x%02x",
				a->arg, off, pa[off], pb[off]);
		else if (a->len != b->len)
			snprintf(d->what, sizeof(d->what),
				 "argument %d has length %zu vs %zu", a->arg,
				 a->len, b->len);
		else
			snprintf(d->what, sizeof(d->what),
				 "argument %d is readable in one variant only",
				 a->arg);
		return false;
	}
	return true;
}

static bool compare_pair(struct call *l, struct call *f, struct divergence *d,
			 int set)
{
	const struct sc_row *r = l->row;
	int i;

	if (l->nr != f->nr) {
		divergence_init(d, DIVK_CALL, set, f->variant, -1, l->nr,
				f->nr);
		snprintf(d->what, sizeof(d->what), "different calls: %s vs %s",
			 call_name(l->nr), call_name(f->nr));
		return false;
	}
	if (!r || (r->flags & SCF_NOCMP))
		return true;
	for (i = 0; i < r->nargs; i++) {
		int kind = r->arg[i].kind;
		bool differs;

		if (kind == A_OMODE && i > 0 &&
		    !(l->arg[i - 1] & (O_CREAT | __O_TMPFILE)))
			differs = false; /* unused without O_CREAT */
		else if (kind == A_PID)
			differs = pid_norm(l, l->arg[i]) !=
				  pid_norm(f, f->arg[i]);
		else if (scalar_kind(kind))
			differs = l->arg[i] != f->arg[i];
		else if (kind == A_CUSTOM)
			differs = false; /* the handler's spans say */
		else
			differs = !l->arg[i] != !f->arg[i];
		if (!differs)
			continue;
		divergence_init(d, DIVK_ARG, set, f->variant, i,
				(long)l->arg[i], (long)f->arg[i]);
		if (scalar_kind(kind))
			snprintf(d->what, sizeof(d->what),
				 "argument %d differs: %ld vs %ld", i,
				 (long)l->arg[i], (long)f->arg[i]);
		else
			snprintf(d->what, sizeof(d->what),
				 "argument %d is NULL in one variant only", i);
		return false;
	}
	return compare_spans(l, f, d, set);
}

bool compare_calls(struct taskset *s, struct divergence *d)
{
	struct call *l = &s->task[0]->call;
	int v;

	for (v = 1; v < s->n; v++) {
		s->task[v]->call.unify_arg = -1;
		if (!compare_pair(l, &s->task[v]->call, d, s->id))
			return false;
	}
	return true;
}
