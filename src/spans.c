/* spans.c - what memory a call reads and writes, derived from its table
 * row: the inputs compared at entry and the outputs settled at exit.
 * Sizes settle at exit: at entry a size source gives an upper bound, at
 * the leader's exit the real size, which the followers then reuse. */
#include "monitor.h"
#include "tmem.h"

#include <limits.h>
#include <sys/socket.h>
#include <string.h>
#include <sys/uio.h>

#define STRV_MAX 65536 /* argv/envp entries compared at most */
#define IOV_MAX_N 1024
#define READ_MAX (64UL << 20) /* bytes of one buffer compared at most */

void spans_reset(struct spanlist *l)
{
	l->n = 0;
}

void *span_data(const struct call *c, const struct span *s)
{
	return c->data.p + s->off;
}

struct span *spans_add(struct call *c, struct spanlist *l, int arg,
		       uint64_t addr, size_t len, unsigned flags)
{
	struct span *s;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->s = xrealloc(l->s, (size_t)l->cap * sizeof(*l->s));
	}
	s = &l->s[l->n++];
	s->addr = addr;
	s->len = len;
	s->off = c->data.len;
	s->arg = arg;
	s->flags = flags;
	return s;
}

/* call_outputs_given: the output bytes, in span order, that mvee got
 * itself (monio.c) instead of reading them from the leader */
static const unsigned char *given;

/* read len bytes at addr into a new span of l; returns bytes read */
size_t span_read(struct call *c, struct spanlist *l, int arg, uint64_t addr,
		 size_t len)
{
	struct span *s;
	ssize_t n;

	if (len > READ_MAX)
		len = READ_MAX;
	buf_reserve(&c->data, len);
	s = spans_add(c, l, arg, addr, len, 0);
	if (l == &c->out && given) {
		memcpy(c->data.p + s->off, given, len);
		given += len;
		c->data.len += len;
		return len;
	}
	n = l == &c->out ?
		    tmem_read_written(c->tid, addr, c->data.p + s->off, len) :
		    tmem_read(c->tid, addr, c->data.p + s->off, len);
	if (n < 0)
		n = 0;
	if ((size_t)n < len) {
		s->len = (size_t)n;
		s->flags |= SPAN_FAULT;
	}
	c->data.len += s->len;
	return s->len;
}

/* a value derived by mvee (a count, a decoded struct) */
size_t span_inline(struct call *c, int arg, const void *p, size_t len)
{
	struct span *s = spans_add(c, &c->in, arg, 0, len, SPAN_INLINE);

	memcpy(buf_reserve(&c->data, len), p, len);
	c->data.len += len;
	(void)s;
	return len;
}

static void read_string(struct call *c, int arg, uint64_t addr, size_t max)
{
	struct span *s;
	ssize_t n;

	if (!max)
		max = PATH_MAX;
	buf_reserve(&c->data, max);
	s = spans_add(c, &c->in, arg, addr, 0, 0);
	n = tmem_string(c->tid, addr, (char *)c->data.p + s->off, max);
	if (n == -EFAULT) {
		s->flags |= SPAN_FAULT;
		n = 0;
	} else if (n < 0) {
		n = (ssize_t)max - 1; /* too long: compare what fits */
		s->flags |= SPAN_FAULT;
	}
	s->len = (size_t)n;
	c->data.len += s->len;
}

static void read_strv(struct call *c, int arg, uint64_t addr)
{
	uint32_t count = 0;
	uint64_t p;

	for (;; count++) {
		if (count == STRV_MAX ||
		    tmem_read(c->tid, addr + 8UL * count, &p, 8) != 8) {
			count |= 0x80000000u; /* unterminated or unreadable */
			break;
		}
		if (!p)
			break;
		read_string(c, arg, p, 0);
	}
	span_inline(c, arg, &count, sizeof(count));
}

/* the iovec array of argument i, at most max elements: the count, or -1
 * when it is larger or cannot be read whole */
int call_iov(const struct call *c, int i, struct iovec *iov, int max)
{
	uint64_t cnt = c->arg[c->row->arg[i].size.idx];

	if (cnt > (uint64_t)max || cnt > IOV_MAX_N)
		return -1;
	if (tmem_read(c->tid, c->arg[i], iov, cnt * sizeof(*iov)) !=
	    (ssize_t)(cnt * sizeof(*iov)))
		return -1;
	return (int)cnt;
}

/* the iovec array of argument i: nonzero count read into iov */
static int read_iov(const struct call *c, int i, struct iovec *iov)
{
	uint64_t cnt = c->arg[c->row->arg[i].size.idx];
	ssize_t n;

	if (cnt > IOV_MAX_N)
		return 0; /* the kernel fails with EINVAL, reading nothing */
	n = tmem_read(c->tid, c->arg[i], iov, cnt * sizeof(*iov));
	if (n < 0)
		return 0;
	return (int)((size_t)n / sizeof(*iov));
}

static uint64_t size_at_entry(const struct call *c, const struct sc_arg *a)
{
	uint32_t v = 0;

	switch (a->size.how) {
	case SZ_CONST:
		return a->size.n;
	case SZ_ARG:
		return c->arg[a->size.idx] * (a->size.n ? a->size.n : 1);
	case SZ_DEREF:
		if (!c->arg[a->size.idx] ||
		    tmem_read(c->tid, c->arg[a->size.idx], &v, 4) != 4)
			return 0;
		return v;
	case SZ_RET:
		if (a->size.idx >= 6)
			return UINT64_MAX;
		return c->arg[a->size.idx] * (a->size.n ? a->size.n : 1);
	case SZ_FDSET:
		return ((c->arg[a->size.idx] + 63) / 64) * 8;
	default:
		return 0;
	}
}

/* the bytes of a socket address that mean something: what the kernel
 * reads of it. Callers often pass uninitialised bytes after a path or in
 * sin_zero, which would otherwise differ between variants. */
size_t sockaddr_meaning(const unsigned char *p, size_t len)
{
	sa_family_t fam;

	if (len < sizeof(fam))
		return len;
	memcpy(&fam, p, sizeof(fam));
	switch (fam) {
	case AF_UNIX: {
		size_t n = sizeof(fam);

		if (len > n && p[n] == 0)
			return len; /* abstract: every byte is the name */
		while (n < len && p[n])
			n++;
		return n;
	}
	case AF_INET:
		return len < 8 ? len : 8; /* family, port, address */
	case AF_INET6:
		return len < 28 ? len : 28;
	default:
		return len;
	}
}

static void sockaddr_input(struct call *c, int arg, uint64_t addr, size_t len)
{
	struct span *s;

	if (!len)
		return;
	span_read(c, &c->in, arg, addr, len);
	s = &c->in.s[c->in.n - 1];
	if (!(s->flags & SPAN_FAULT))
		s->len = sockaddr_meaning(span_data(c, s), s->len);
}

void call_load(struct call *c, struct task *t)
{
	int i;

	c->task = t;
	c->variant = t->variant;
	c->tid = t->tid;
	c->nr = arch_nr(&t->regs);
	for (i = 0; i < 6; i++)
		c->arg[i] = arch_arg(&t->regs, i);
	c->row = systable_row(c->nr);
	c->ret = 0;
	spans_reset(&c->in);
	spans_reset(&c->out);
	buf_reset(&c->data);
}

int call_inputs(struct call *c)
{
	const struct sc_row *r = c->row;
	struct iovec iov[IOV_MAX_N];
	int i, k, n;

	spans_reset(&c->in);
	buf_reset(&c->data);
	if (!r || (r->flags & SCF_NOCMP))
		return 0;
	for (i = 0; i < r->nargs; i++) {
		const struct sc_arg *a = &r->arg[i];
		uint64_t len;

		if (!c->arg[i])
			continue; /* NULL-ness is compared with the scalars */
		switch (a->kind) {
		case A_STR:
			read_string(c, i, c->arg[i], a->size.n);
			break;
		case A_STRV:
			read_strv(c, i, c->arg[i]);
			break;
		case A_IN:
		case A_INOUT:
			len = size_at_entry(c, a);
			if (len)
				span_read(c, &c->in, i, c->arg[i], len);
			break;
		case A_IOV_IN:
		case A_IOV_OUT:
			n = read_iov(c, i, iov);
			span_inline(c, i, &n, sizeof(n));
			for (k = 0; k < n; k++) {
				uint64_t l = iov[k].iov_len;

				span_inline(c, i, &l, sizeof(l));
				if (a->kind == A_IOV_IN && l)
					span_read(c, &c->in, i,
						  (uintptr_t)iov[k].iov_base,
						  l);
			}
			break;
		case A_SOCKADDR:
			sockaddr_input(c, i, c->arg[i], size_at_entry(c, a));
			break;
		default:
			break;
		}
	}
	if (r->handler && r->handler->inputs)
		r->handler->inputs(c);
	return c->in.n;
}

/* the leader's output spans, with real sizes */
static void leader_outputs(struct call *c, long ret)
{
	const struct sc_row *r = c->row;
	struct iovec iov[IOV_MAX_N];
	uint64_t left;
	int i, k, n;

	for (i = 0; i < r->nargs; i++) {
		const struct sc_arg *a = &r->arg[i];
		uint64_t len;

		if (!c->arg[i])
			continue;
		switch (a->kind) {
		case A_OUT:
		case A_INOUT:
			len = size_at_entry(c, a);
			if (a->size.how == SZ_RET) {
				uint64_t real = (uint64_t)ret *
						(a->size.n ? a->size.n : 1);
				len = real < len ? real : len;
			} else if (a->size.how == SZ_DEREF) {
				/* at entry the bound is what the entry value
				 * said; the leader's stored value now is the
				 * real size */
				uint32_t bound = 0;

				for (k = 0; k < c->in.n; k++)
					if (c->in.s[k].arg == a->size.idx &&
					    c->in.s[k].len == 4)
						memcpy(&bound,
						       span_data(c,
								 &c->in.s[k]),
						       4);
				if (len > bound)
					len = bound;
			}
			if (len)
				span_read(c, &c->out, i, c->arg[i], len);
			break;
		case A_FDPAIR:
			span_read(c, &c->out, i, c->arg[i], 8);
			break;
		case A_IOV_OUT:
			n = read_iov(c, i, iov);
			left = ret > 0 ? (uint64_t)ret : 0;
			for (k = 0; k < n && left; k++) {
				uint64_t l = iov[k].iov_len < left ?
						     iov[k].iov_len :
						     left;

				/* one span per element, empty ones too: the
				 * followers' k-th span is their k-th element */
				if (l)
					span_read(c, &c->out, i,
						  (uintptr_t)iov[k].iov_base,
						  l);
				else
					spans_add(c, &c->out, i,
						  (uintptr_t)iov[k].iov_base, 0,
						  0);
				left -= l;
			}
			break;
		default:
			break;
		}
	}
}

/* a follower's output spans: its own addresses, the leader's lengths */
static void follower_outputs(struct call *c, const struct call *leader)
{
	const struct sc_row *r = c->row;
	struct iovec iov[IOV_MAX_N];
	int i, k = 0, j, n;

	for (i = 0; i < r->nargs; i++) {
		const struct sc_arg *a = &r->arg[i];

		if (a->kind != A_IOV_OUT) {
			if (a->kind == A_OUT || a->kind == A_INOUT ||
			    a->kind == A_FDPAIR) {
				for (; k < leader->out.n &&
				       leader->out.s[k].arg == i;
				     k++)
					spans_add(c, &c->out, i, c->arg[i],
						  leader->out.s[k].len, 0);
			}
			continue;
		}
		n = read_iov(c, i, iov);
		for (j = 0; k < leader->out.n && leader->out.s[k].arg == i;
		     k++, j++) {
			BUG_ON(j >= n);
			spans_add(c, &c->out, i, (uintptr_t)iov[j].iov_base,
				  leader->out.s[k].len, 0);
		}
	}
}

int call_outputs(struct call *c, long ret, const struct call *leader)
{
	const struct sc_row *r = c->row;

	spans_reset(&c->out);
	/* a failed call replicates no buffer, except the time left that
	 * nanosleep and clock_nanosleep write only when interrupted (and
	 * never when they succeed: that memory may not even be there) */
	if (c->nr == __NR_nanosleep || c->nr == __NR_clock_nanosleep) {
		if (ret != -EINTR || !r)
			return 0;
		ret = 0;
	} else if (!r || ret < 0) {
		return 0;
	}
	if (leader)
		follower_outputs(c, leader);
	else
		leader_outputs(c, ret);
	if (leader && c->out.n > leader->out.n)
		bug(__FILE__, __LINE__,
		    "%s: follower has %d output spans, leader %d", r->name,
		    c->out.n, leader->out.n);
	if (r->handler && r->handler->outputs)
		r->handler->outputs(c, ret, leader);
	if (leader && c->out.n != leader->out.n)
		for (int k = 0; k < c->out.n; k++)
			if (k >= leader->out.n &&
			    !(c->out.s[k].flags & SPAN_OWN))
				bug(__FILE__, __LINE__,
				    "%s: follower has %d output spans, leader %d",
				    r->name, c->out.n, leader->out.n);
	return c->out.n;
}

/* the leader's output spans for a call mvee ran itself: their bytes are
 * data (ret of them for a read), not the leader's memory */
void call_outputs_given(struct call *c, long ret, const void *data)
{
	given = data;
	call_outputs(c, ret, NULL);
	given = NULL;
}
