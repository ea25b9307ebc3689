/* report.c - the divergence report: one block on stderr that a person
 * reads in seconds: what diverged, each variant's call decoded side by
 * side, the argument that differs, and the task's last calls. */
#include "monitor.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

static const char *kind_name(enum div_kind k)
{
	switch (k) {
	case DIVK_CALL:
		return "different system calls";
	case DIVK_ARG:
		return "different arguments";
	case DIVK_RESULT:
		return "different results";
	case DIVK_DEATH:
		return "variants ended differently";
	default:
		return "different signals";
	}
}

static void describe_task(FILE *f, const struct task *t)
{
	char line[2048];

	if (t->state == TS_DEAD) {
		if (WIFEXITED(t->wstatus))
			fprintf(f, "exited with status %d\n",
				WEXITSTATUS(t->wstatus));
		else if (WIFSIGNALED(t->wstatus))
			fprintf(f, "killed by SIG%s\n",
				sigabbrev_np(WTERMSIG(t->wstatus)) ?
					sigabbrev_np(WTERMSIG(t->wstatus)) :
					"?");
		else
			fprintf(f, "ended (wait status 0x%x)\n", t->wstatus);
		return;
	}
	if (t->state == TS_ENTRY || t->state == TS_HELD) {
		format_call(line, sizeof(line), &t->call, true);
		fprintf(f, "%s\n", line);
		return;
	}
	fprintf(f, "running\n");
}

void report_divergence(const struct taskset *s, const struct divergence *d)
{
	const struct task *l = s->task[0];
	const char *name = l->state == TS_ENTRY ?
				   call_name(l->call.nr) :
				   call_name(s->task[d->variant]->call.nr);
	unsigned long i, first;
	int v;

	fflush(stdout);
	fprintf(stderr, "mvee: divergence in %s (task set %d, %s): %s\n", name,
		s->id, kind_name(d->kind), d->what);
	for (v = 0; v < s->n; v++) {
		fprintf(stderr, "  %s variant %d (pid %d): ",
			v == d->variant ? "*" : " ", v, (int)s->task[v]->tid);
		describe_task(stderr, s->task[v]);
	}
	if (d->arg >= 0 && l->call.row && d->arg < l->call.row->nargs)
		fprintf(stderr, "  differing: argument %d%s", d->arg,
			d->kind == DIVK_ARG ? "" : "\n");
	if (d->arg >= 0 && d->kind == DIVK_ARG)
		fprintf(stderr, ", first differing byte at offset %zu\n",
			d->offset);
	first = s->ncalls > HISTORY ? s->ncalls - HISTORY : 0;
	if (s->ncalls) {
		fprintf(stderr, "  last %lu synchronised calls of this task:\n",
			s->ncalls - first);
		for (i = first; i < s->ncalls; i++) {
			const struct history_entry *h = &s->hist[i % HISTORY];
			char line[512];

			format_args(line, sizeof(line), h->nr, h->arg);
			fprintf(stderr, "    %s = %ld <%s>\n", line, h->ret,
				policy_name(h->policy));
		}
	}
	fprintf(stderr,
		"mvee: all variants killed before the call ran; exit status %d\n",
		cfg.divergence_exit);
}
