/* futex.c - futex: which of the arguments after the op mean anything
 * depends on the op (FUTEX_WAKE ignores the timeout, uaddr2 and val3,
 * whose registers then hold whatever the caller left there). Only the
 * meaningful ones are compared: val, the timeout by value, uaddr2 by
 * NULL-ness, val3. Every variant runs its own futex call. */
#include "monitor.h"
#include "tmem.h"

#include <linux/futex.h>

enum {
	F_VAL = 1, /* argument 2 is a count or expected value */
	F_TIMEOUT = 2, /* argument 3 is a struct timespec * */
	F_VAL2 = 4, /* argument 3 is a second count */
	F_UADDR2 = 8, /* argument 4 is a second futex word */
	F_VAL3 = 16, /* argument 5 is a value or bitset */
};

static unsigned meaning(int cmd)
{
	switch (cmd) {
	case FUTEX_WAIT:
		return F_VAL | F_TIMEOUT;
	case FUTEX_WAKE:
		return F_VAL;
	case FUTEX_FD:
		return F_VAL;
	case FUTEX_REQUEUE:
		return F_VAL | F_VAL2 | F_UADDR2;
	case FUTEX_CMP_REQUEUE:
		return F_VAL | F_VAL2 | F_UADDR2 | F_VAL3;
	case FUTEX_WAKE_OP:
		return F_VAL | F_VAL2 | F_UADDR2 | F_VAL3;
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
		return F_TIMEOUT;
	case FUTEX_TRYLOCK_PI:
	case FUTEX_UNLOCK_PI:
		return 0;
	case FUTEX_WAIT_BITSET:
		return F_VAL | F_TIMEOUT | F_VAL3;
	case FUTEX_WAKE_BITSET:
		return F_VAL | F_VAL3;
	case FUTEX_WAIT_REQUEUE_PI:
		return F_VAL | F_TIMEOUT | F_UADDR2;
	case FUTEX_CMP_REQUEUE_PI:
		return F_VAL | F_VAL2 | F_UADDR2 | F_VAL3;
	default:
		return F_VAL | F_VAL2 | F_UADDR2 | F_VAL3; /* unknown: all */
	}
}

static void futex_inputs(struct call *c)
{
	unsigned m = meaning((int)c->arg[1] & FUTEX_CMD_MASK);
	uint64_t v;

	if (m & F_VAL) {
		v = (uint32_t)c->arg[2];
		span_inline(c, 2, &v, sizeof(v));
	}
	if ((m & F_TIMEOUT) && c->arg[3])
		span_read(c, &c->in, 3, c->arg[3], 16);
	else if (m & (F_TIMEOUT | F_VAL2)) {
		v = (m & F_VAL2) ? (uint32_t)c->arg[3] : 0;
		span_inline(c, 3, &v, sizeof(v));
	}
	if (m & F_UADDR2) {
		v = !c->arg[4];
		span_inline(c, 4, &v, sizeof(v));
	}
	if (m & F_VAL3) {
		v = (uint32_t)c->arg[5];
		span_inline(c, 5, &v, sizeof(v));
	}
}

const struct sc_handler handler_futex = {
	.name = "futex",
	.inputs = futex_inputs,
};
