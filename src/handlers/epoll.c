/* epoll.c - epoll_ctl and epoll_wait: the leader owns the epoll instance,
 * but the 64-bit data each variant registers is often a pointer into its
 * own heap. mvee records every variant's data per (epfd, fd) at epoll_ctl
 * and, when the leader's epoll_wait returns events, gives each follower
 * its own data for the same registration. Only the events field is
 * compared at epoll_ctl. */
#include "monitor.h"
#include "tmem.h"

#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>

struct reg {
	int epfd, fd;
	uint64_t data[MAX_VARIANTS];
};

struct epmap {
	struct reg *r;
	int n, cap;
};

#define EVENT_SIZE 12 /* packed struct epoll_event on x86_64 */

static struct epmap *map_of(struct lproc *p)
{
	if (!p->epoll)
		p->epoll = xcalloc(1, sizeof(struct epmap));
	return p->epoll;
}

void epoll_forget(struct lproc *p)
{
	struct epmap *m = p->epoll;

	if (m)
		free(m->r);
	free(m);
	p->epoll = NULL;
}

static struct reg *find(struct epmap *m, int epfd, int fd)
{
	int i;

	for (i = 0; i < m->n; i++)
		if (m->r[i].epfd == epfd && m->r[i].fd == fd)
			return &m->r[i];
	return NULL;
}

static void epoll_ctl_inputs(struct call *c)
{
	uint32_t events;

	if (!c->arg[3])
		return;
	if (tmem_read(c->tid, c->arg[3], &events, 4) != 4) {
		span_inline(c, 3, "fault", 5);
		return;
	}
	span_inline(c, 3, &events, sizeof(events));
}

static void epoll_ctl_after(struct taskset *s, long ret)
{
	const struct call *c = &s->task[0]->call;
	struct epmap *m = map_of(s->proc);
	int epfd = (int)c->arg[0], op = (int)c->arg[1], fd = (int)c->arg[2];
	struct reg *r = find(m, epfd, fd);
	int v;

	if (ret)
		return;
	if (op == EPOLL_CTL_DEL) {
		if (r)
			*r = m->r[--m->n];
		return;
	}
	if (!r) {
		if (m->n == m->cap) {
			m->cap = m->cap ? 2 * m->cap : 16;
			m->r = xrealloc(m->r, (size_t)m->cap * sizeof(*m->r));
		}
		r = &m->r[m->n++];
		r->epfd = epfd;
		r->fd = fd;
	}
	for (v = 0; v < s->n; v++) {
		const struct call *vc = &s->task[v]->call;

		r->data[v] = 0;
		tmem_read(vc->tid, vc->arg[3] + 4, &r->data[v], 8);
	}
}

const struct sc_handler handler_epoll_ctl = {
	.name = "epoll_ctl",
	.policy = policy_by_fd,
	.inputs = epoll_ctl_inputs,
	.after = epoll_ctl_after,
};

/* a follower's events: the leader's, with its own data put back */
static void epoll_wait_outputs(struct call *c, long ret, const struct call *l)
{
	struct epmap *m = map_of(c->task->proc);
	int epfd = (int)c->arg[0], v = c->variant;
	unsigned char *ev;
	const struct span *ls = NULL;
	long i;
	int k;

	if (!l || ret <= 0)
		return;
	for (k = 0; k < l->out.n; k++)
		if (l->out.s[k].arg == 1)
			ls = &l->out.s[k];
	if (!ls || ls->len < (size_t)ret * EVENT_SIZE)
		return;
	ev = buf_reserve(&c->data, ls->len);
	memcpy(ev, span_data(l, ls), ls->len);
	for (i = 0; i < ret; i++) {
		uint64_t data;
		int j;

		memcpy(&data, ev + i * EVENT_SIZE + 4, 8);
		for (j = 0; j < m->n; j++)
			if (m->r[j].epfd == epfd && m->r[j].data[0] == data) {
				memcpy(ev + i * EVENT_SIZE + 4,
				       &m->r[j].data[v], 8);
				break;
			}
	}
	spans_add(c, &c->out, 1, c->arg[1], ls->len, SPAN_OWN);
	c->data.len += ls->len;
}

const struct sc_handler handler_epoll_wait = {
	.name = "epoll_wait",
	.policy = policy_by_fd,
	.outputs = epoll_wait_outputs,
};
