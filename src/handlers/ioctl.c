/* ioctl.c - ioctl: the request decides the size and direction of the
 * third argument. Known terminal/file requests are listed; other requests
 * use their _IOC encoding. On a leader-owned fd (tty, socket, device) the
 * leader executes and followers get its output; on a variant-owned fd all
 * execute. A request mvee cannot describe on a leader-owned fd is refused
 * with ENOTTY in all variants (named in the trace). */
#include "monitor.h"

#include <asm/ioctls.h>
#include <linux/ioctl.h>
#include <string.h>

enum { IO_NONE, IO_VAL, IO_IN, IO_OUT, IO_INOUT };

struct ioreq {
	unsigned long req;
	int dir;
	unsigned size;
};

/* requests not in the _IOC encoding, or that need a different meaning */
static const struct ioreq known[] = {
	{ TCGETS, IO_OUT, 36 }, /* struct termios (kernel, 36 bytes) */
	{ TCSETS, IO_IN, 36 },	   { TCSETSW, IO_IN, 36 },
	{ TCSETSF, IO_IN, 36 },	   { TCSBRK, IO_VAL, 0 },
	{ TCXONC, IO_VAL, 0 },	   { TCFLSH, IO_VAL, 0 },
	{ TIOCSCTTY, IO_VAL, 0 },  { TIOCGPGRP, IO_OUT, 4 },
	{ TIOCSPGRP, IO_IN, 4 },   { TIOCOUTQ, IO_OUT, 4 },
	{ TIOCGWINSZ, IO_OUT, 8 }, { TIOCSWINSZ, IO_IN, 8 },
	{ FIONREAD, IO_OUT, 4 },   { FIONBIO, IO_IN, 4 },
	{ TIOCNOTTY, IO_NONE, 0 }, { FIOASYNC, IO_IN, 4 },
	{ TIOCGSID, IO_OUT, 4 },   { TIOCGPTN, IO_OUT, 4 },
	{ TIOCSPTLCK, IO_IN, 4 },  { FIONCLEX, IO_NONE, 0 },
	{ FIOCLEX, IO_NONE, 0 },
};

#define IOC_MAX_SIZE 4096

static bool describe(unsigned long req, struct ioreq *out)
{
	size_t i;
	unsigned dir;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (known[i].req == req) {
			*out = known[i];
			return true;
		}
	dir = _IOC_DIR(req);
	out->req = req;
	out->size = _IOC_SIZE(req);
	if (!_IOC_TYPE(req) || out->size > IOC_MAX_SIZE)
		return false;
	if (dir == _IOC_NONE) {
		/* no data by its encoding; the argument may still be a
		 * pointer, so it is not compared */
		out->dir = IO_NONE;
		return true;
	}
	if (dir == (_IOC_READ | _IOC_WRITE))
		out->dir = IO_INOUT;
	else if (dir == _IOC_READ)
		out->dir = IO_OUT;
	else if (dir == _IOC_WRITE)
		out->dir = IO_IN;
	else
		out->dir = IO_VAL;
	return true;
}

static enum sc_policy ioctl_policy(const struct call *c)
{
	struct ioreq io;
	unsigned long req = (unsigned)c->arg[1];

	if (req == FIOCLEX || req == FIONCLEX)
		return POL_ALL; /* close-on-exec lives in each fd table */
	if (policy_by_fd(c) != POL_LEADER)
		return POL_ALL;
	return describe(req, &io) ? POL_LEADER : POL_DENY;
}

static void ioctl_inputs(struct call *c)
{
	struct ioreq io;

	if (!describe((unsigned)c->arg[1], &io))
		return;
	if (io.dir == IO_VAL)
		span_inline(c, 2, &c->arg[2], sizeof(c->arg[2]));
	else if ((io.dir == IO_IN || io.dir == IO_INOUT) && c->arg[2])
		span_read(c, &c->in, 2, c->arg[2], io.size);
	else if (io.dir == IO_OUT) {
		bool null = !c->arg[2];

		span_inline(c, 2, &null, sizeof(null));
	}
}

static void ioctl_outputs(struct call *c, long ret, const struct call *l)
{
	struct ioreq io;

	if (ret < 0 || !c->arg[2] || !describe((unsigned)c->arg[1], &io) ||
	    (io.dir != IO_OUT && io.dir != IO_INOUT))
		return;
	if (l)
		spans_add(c, &c->out, 2, c->arg[2], io.size, 0);
	else
		span_read(c, &c->out, 2, c->arg[2], io.size);
}

const struct sc_handler handler_ioctl = {
	.name = "ioctl",
	.policy = ioctl_policy,
	.inputs = ioctl_inputs,
	.outputs = ioctl_outputs,
	.deny_err = 25, /* ENOTTY */
};
