/* msg.c - sendmsg, recvmsg, sendmmsg, recvmmsg: struct msghdr holds
 * pointers (name, iovec array, control), so it is compared and replicated
 * field by field. File descriptors the leader receives with SCM_RIGHTS
 * become the leader's, and the followers get placeholders at the same
 * numbers (lockstep.c) before they get the leader's message. */
#include "monitor.h"
#include "tmem.h"

#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

#define IOV_MAX_N 1024
#define MMSG_MAX 1024

/* a msghdr's inputs: name and control bytes (send) or sizes (recv), and
 * the iovec lengths and, for send, their contents */
static void msghdr_inputs(struct call *c, int arg, uint64_t addr, bool send)
{
	struct msghdr m;
	struct iovec iov[IOV_MAX_N];
	uint64_t v[4];
	size_t k, n;

	if (tmem_read(c->tid, addr, &m, sizeof(m)) != sizeof(m)) {
		span_inline(c, arg, "fault", 5);
		return;
	}
	v[0] = m.msg_namelen;
	v[1] = m.msg_iovlen;
	v[2] = m.msg_controllen;
	v[3] = (!m.msg_name) | (!m.msg_control) << 1;
	span_inline(c, arg, v, sizeof(v));
	if (send && m.msg_name && m.msg_namelen) {
		struct span *s;

		span_read(c, &c->in, arg, (uintptr_t)m.msg_name, m.msg_namelen);
		s = &c->in.s[c->in.n - 1];
		s->len = sockaddr_meaning(span_data(c, s), s->len);
	}
	if (send && m.msg_control && m.msg_controllen)
		span_read(c, &c->in, arg, (uintptr_t)m.msg_control,
			  m.msg_controllen);
	n = m.msg_iovlen < IOV_MAX_N ? m.msg_iovlen : IOV_MAX_N;
	if (tmem_read(c->tid, (uintptr_t)m.msg_iov, iov, n * sizeof(*iov)) !=
	    (ssize_t)(n * sizeof(*iov)))
		return;
	for (k = 0; k < n; k++) {
		uint64_t l = iov[k].iov_len;

		span_inline(c, arg, &l, sizeof(l));
		if (send && l)
			span_read(c, &c->in, arg, (uintptr_t)iov[k].iov_base,
				  l);
	}
}

/* the leader received fds (SCM_RIGHTS): they are the leader's, and the
 * followers get placeholders at the same numbers (lockstep.c) */
static void msghdr_rights(const struct call *c, const struct msghdr *m,
			  int flags)
{
	struct taskset *s = c->task->set;
	unsigned char ctl[4096];
	struct msghdr h = { 0 };
	struct cmsghdr *cm;
	size_t n = m->msg_controllen < sizeof(ctl) ? m->msg_controllen :
						     sizeof(ctl);

	if (!m->msg_control || !n ||
	    tmem_read(c->tid, (uintptr_t)m->msg_control, ctl, n) != (ssize_t)n)
		return;
	h.msg_control = ctl;
	h.msg_controllen = n;
	for (cm = CMSG_FIRSTHDR(&h); cm; cm = CMSG_NXTHDR(&h, cm)) {
		size_t i, n;

		if (cm->cmsg_level != SOL_SOCKET || cm->cmsg_type != SCM_RIGHTS)
			continue;
		n = (cm->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		for (i = 0; i < n && s->nrights < MAX_RIGHTS; i++) {
			int fd;

			memcpy(&fd, CMSG_DATA(cm) + i * sizeof(int),
			       sizeof(fd));
			s->rights[s->nrights++] = fd;
			fdmap_set(&s->proc->fds, fd, FD_LEADER);
		}
		s->rights_cloexec = flags & MSG_CMSG_CLOEXEC;
	}
}

/* a received msghdr's outputs: the name, the data scattered over the
 * iovecs up to len, the control bytes, and the fields the kernel updates */
static void msghdr_outputs(struct call *c, int arg, uint64_t addr, size_t len,
			   const struct call *l, int *k)
{
	struct msghdr m;
	struct iovec iov[IOV_MAX_N];
	size_t i, n;
	uint64_t left = len;

	if (tmem_read(c->tid, addr, &m, sizeof(m)) != sizeof(m))
		return;
	if (!l)
		msghdr_rights(c, &m,
			      (int)c->arg[c->nr == __NR_recvmsg ? 2 : 3]);
#define OUT_SPAN(a, sz)                                                       \
	do {                                                                  \
		if (l)                                                        \
			spans_add(c, &c->out, arg, (a), l->out.s[(*k)++].len, \
				  0);                                         \
		else                                                          \
			span_read(c, &c->out, arg, (a), (sz));                \
	} while (0)
	OUT_SPAN(addr + offsetof(struct msghdr, msg_namelen), 4);
	OUT_SPAN(addr + offsetof(struct msghdr, msg_controllen), 8);
	OUT_SPAN(addr + offsetof(struct msghdr, msg_flags), 4);
	if (m.msg_name)
		OUT_SPAN((uintptr_t)m.msg_name, m.msg_namelen);
	if (m.msg_control)
		OUT_SPAN((uintptr_t)m.msg_control, m.msg_controllen);
	n = m.msg_iovlen < IOV_MAX_N ? m.msg_iovlen : IOV_MAX_N;
	if (tmem_read(c->tid, (uintptr_t)m.msg_iov, iov, n * sizeof(*iov)) !=
	    (ssize_t)(n * sizeof(*iov)))
		n = 0;
	for (i = 0; i < n && left; i++) {
		uint64_t take = iov[i].iov_len < left ? iov[i].iov_len : left;

		if (take)
			OUT_SPAN((uintptr_t)iov[i].iov_base, take);
		left -= take;
	}
#undef OUT_SPAN
}

static void sendmsg_inputs(struct call *c)
{
	if (c->arg[1])
		msghdr_inputs(c, 1, c->arg[1], true);
}

static void recvmsg_inputs(struct call *c)
{
	if (c->arg[1])
		msghdr_inputs(c, 1, c->arg[1], false);
}

static void recvmsg_outputs(struct call *c, long ret, const struct call *l)
{
	int k = l ? c->out.n : 0;

	if (ret >= 0 && c->arg[1])
		msghdr_outputs(c, 1, c->arg[1], (size_t)ret, l, &k);
}

/* struct mmsghdr is a msghdr followed by the length the kernel stores */
#define MMSG_SIZE 64
#define MMSG_LEN_OFF 56

static void mmsg_inputs(struct call *c, bool send)
{
	uint64_t vlen = (unsigned)c->arg[2], i;

	if (vlen > MMSG_MAX)
		vlen = MMSG_MAX;
	for (i = 0; c->arg[1] && i < vlen; i++)
		msghdr_inputs(c, 1, c->arg[1] + i * MMSG_SIZE, send);
}

static void sendmmsg_inputs(struct call *c)
{
	mmsg_inputs(c, true);
}

static void recvmmsg_inputs(struct call *c)
{
	mmsg_inputs(c, false);
}

/* ret messages were handled: their msg_len, and for recvmmsg their data */
static void mmsg_outputs(struct call *c, long ret, const struct call *l,
			 bool recv)
{
	int k = l ? c->out.n : 0;
	long i;

	for (i = 0; c->arg[1] && i < ret; i++) {
		uint64_t m = c->arg[1] + (uint64_t)i * MMSG_SIZE;
		uint32_t len = 0;

		if (l)
			spans_add(c, &c->out, 1, m + MMSG_LEN_OFF,
				  l->out.s[k++].len, 0);
		else
			span_read(c, &c->out, 1, m + MMSG_LEN_OFF, 4);
		if (!recv)
			continue;
		{
			/* the length the leader's kernel stored */
			const struct call *src = l ? l : c;
			const struct span *s = l ? &l->out.s[k - 1] :
						   &c->out.s[c->out.n - 1];

			if (s->len == 4)
				memcpy(&len, span_data(src, s), 4);
		}
		msghdr_outputs(c, 1, m, len, l, &k);
	}
}

static void sendmmsg_outputs(struct call *c, long ret, const struct call *l)
{
	mmsg_outputs(c, ret, l, false);
}

static void recvmmsg_outputs(struct call *c, long ret, const struct call *l)
{
	mmsg_outputs(c, ret, l, true);
}

const struct sc_handler handler_sendmsg = {
	.name = "sendmsg",
	.policy = policy_by_fd,
	.inputs = sendmsg_inputs,
};

const struct sc_handler handler_recvmsg = {
	.name = "recvmsg",
	.policy = policy_by_fd,
	.inputs = recvmsg_inputs,
	.outputs = recvmsg_outputs,
};

const struct sc_handler handler_sendmmsg = {
	.name = "sendmmsg",
	.policy = policy_by_fd,
	.inputs = sendmmsg_inputs,
	.outputs = sendmmsg_outputs,
};

const struct sc_handler handler_recvmmsg = {
	.name = "recvmmsg",
	.policy = policy_by_fd,
	.inputs = recvmmsg_inputs,
	.outputs = recvmmsg_outputs,
};
