/* replicate.c - give a follower the leader's results: every output span
 * the leader's call filled, written at the follower's own addresses (or,
 * for SPAN_OWN spans, bytes a handler translated for this follower). The
 * return register is set by the caller (lockstep.c). */
#include "monitor.h"
#include "tmem.h"

/* returns the number of spans that could not be written */
int replicate_to(const struct call *leader, struct call *f)
{
	int k, failed = 0;

	for (k = 0; k < f->out.n; k++) {
		const struct span *fs = &f->out.s[k];
		const void *src;

		if (!fs->len || (fs->flags & SPAN_INLINE))
			continue;
		src = (fs->flags & SPAN_OWN) ?
			      span_data(f, fs) :
			      span_data(leader, &leader->out.s[k]);
		if (tmem_write_user(f->tid, fs->addr, src, fs->len) !=
		    (ssize_t)fs->len)
			failed++;
	}
	return failed;
}
