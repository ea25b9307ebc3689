/* waitid.c - waitid: every variant waits for its own child, and the
 * siginfo it fills names that child by its own pid; followers are given
 * the leader's number for it, as for every other pid they see. */
#include "monitor.h"
#include "tmem.h"

#include <signal.h>
#include <stddef.h>

static void waitid_after(struct taskset *s, long ret)
{
	int v;

	if (ret != 0)
		return;
	for (v = 1; v < s->n; v++) {
		const struct call *c = &s->task[v]->call;
		uint64_t at = c->arg[2] + offsetof(siginfo_t, si_pid);
		pid_t pid;

		if (!c->arg[2] ||
		    tmem_read(c->tid, at, &pid, sizeof(pid)) != sizeof(pid) ||
		    pid <= 0)
			continue;
		pid = (pid_t)pid_to_leader(v, pid);
		tmem_write(c->tid, at, &pid, sizeof(pid));
	}
}

const struct sc_handler handler_waitid = {
	.name = "waitid",
	.after = waitid_after,
};
