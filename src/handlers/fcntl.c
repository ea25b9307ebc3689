/* fcntl.c - fcntl: the command decides what the third argument is.
 * Descriptor flags and duplicates are per fd table (all variants); file
 * status flags, locks, owners and leases act on the open file, so the
 * owner of the fd decides. Commands mvee does not know are refused with
 * EINVAL in all variants. */
#include "monitor.h"
#include "tmem.h"

#include <fcntl.h>
#include <string.h>

#define FLOCK_SIZE 32 /* struct flock on x86_64 */
#define OWNER_EX_SIZE 8 /* struct f_owner_ex */

enum { FC_NONE, FC_VAL, FC_IN, FC_OUT, FC_INOUT, FC_UNKNOWN };

static int kind(long cmd, unsigned *size)
{
	*size = 0;
	switch (cmd) {
	case F_GETFD: /* the third argument is unused: not compared */
	case F_GETFL:
	case F_GETOWN:
	case F_GETSIG:
	case F_GETLEASE:
	case F_GETPIPE_SZ:
	case F_GET_SEALS:
		return FC_NONE;
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
	case F_SETFD:
	case F_SETFL:
	case F_SETOWN:
	case F_SETSIG:
	case F_SETLEASE:
	case F_NOTIFY:
	case F_SETPIPE_SZ:
	case F_ADD_SEALS:
		return FC_VAL;
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		*size = FLOCK_SIZE;
		return FC_IN;
	case F_GETLK:
	case F_OFD_GETLK:
		*size = FLOCK_SIZE;
		return FC_INOUT;
	case F_SETOWN_EX:
		*size = OWNER_EX_SIZE;
		return FC_IN;
	case F_GETOWN_EX:
		*size = OWNER_EX_SIZE;
		return FC_OUT;
	case F_GET_RW_HINT:
	case F_GET_FILE_RW_HINT:
		*size = 8;
		return FC_OUT;
	case F_SET_RW_HINT:
	case F_SET_FILE_RW_HINT:
		*size = 8;
		return FC_IN;
	default:
		return FC_UNKNOWN;
	}
}

static enum sc_policy fcntl_policy(const struct call *c)
{
	long cmd = (long)(int)c->arg[1];
	unsigned size;

	if (kind(cmd, &size) == FC_UNKNOWN)
		return POL_DENY;
	if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC || cmd == F_GETFD ||
	    cmd == F_SETFD)
		return POL_ALL;
	/* record locks are seen by every process: the variants' own opens
	 * would see each other's, so the leader alone takes them */
	if (size == FLOCK_SIZE)
		return POL_LEADER;
	return policy_by_fd(c);
}

/* a struct flock means its type, whence, start and length; l_pid is an
 * output and the padding is whatever the caller's stack held */
static void flock_input(struct call *c)
{
	struct flock fl;
	int64_t v[4];

	if (tmem_read(c->tid, c->arg[2], &fl, sizeof(fl)) != sizeof(fl)) {
		span_inline(c, 2, "fault", 5);
		return;
	}
	v[0] = fl.l_type;
	v[1] = fl.l_whence;
	v[2] = fl.l_start;
	v[3] = fl.l_len;
	span_inline(c, 2, v, sizeof(v));
}

static void fcntl_inputs(struct call *c)
{
	unsigned size;
	int k = kind((long)(int)c->arg[1], &size);

	if (k == FC_VAL)
		span_inline(c, 2, &c->arg[2], sizeof(c->arg[2]));
	else if (size == FLOCK_SIZE && c->arg[2])
		flock_input(c);
	else if ((k == FC_IN || k == FC_INOUT) && c->arg[2])
		span_read(c, &c->in, 2, c->arg[2], size);
	else if (k == FC_OUT) {
		bool null = !c->arg[2];

		span_inline(c, 2, &null, sizeof(null));
	}
}

static void fcntl_outputs(struct call *c, long ret, const struct call *l)
{
	unsigned size;
	int k = kind((long)(int)c->arg[1], &size);

	if (ret < 0 || !c->arg[2] || (k != FC_OUT && k != FC_INOUT))
		return;
	if (l)
		spans_add(c, &c->out, 2, c->arg[2], size, 0);
	else
		span_read(c, &c->out, 2, c->arg[2], size);
}

/* a duplicate belongs to whoever owns the original */
static void fcntl_after(struct taskset *s, long ret)
{
	const struct call *c = &s->task[0]->call;
	long cmd = (long)(int)c->arg[1];

	if (ret < 0 || (cmd != F_DUPFD && cmd != F_DUPFD_CLOEXEC))
		return;
	fdmap_set(&s->proc->fds, ret,
		  fdmap_get(&s->proc->fds, (long)(int)c->arg[0]));
}

const struct sc_handler handler_fcntl = {
	.name = "fcntl",
	.policy = fcntl_policy,
	.inputs = fcntl_inputs,
	.outputs = fcntl_outputs,
	.after = fcntl_after,
	.deny_err = 22, /* EINVAL */
};
