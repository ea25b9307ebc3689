/* report.c - the divergence report: one block on stderr that a person
 * reads in seconds (what diverged, each variant's call decoded side by
 * side, the argument and bytes that differ, the task's last calls, what
 * mvee did), and the same as JSON for --report FILE (jansson; schema
 * "mvee-report" version 1, documented in docs/REPORT.md). */
#include "monitor.h"

#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#define REPORT_VERSION 1

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
	case DIVK_LAYOUT:
		return "layouts overlap";
	case DIVK_TIMEOUT:
		return "rendezvous timeout";
	default:
		return "different signals";
	}
}

static const char *kind_key(enum div_kind k)
{
	static const char *const keys[] = {
		[DIVK_CALL] = "call",	    [DIVK_ARG] = "argument",
		[DIVK_RESULT] = "result",   [DIVK_DEATH] = "death",
		[DIVK_SIGNAL] = "signal",   [DIVK_LAYOUT] = "layout",
		[DIVK_TIMEOUT] = "timeout",
	};

	return keys[k];
}

/* where one variant's task stands when the divergence is reported */
struct task_view {
	const char *state; /* "call", "exited", "killed", "running" */
	char call[2048]; /* the decoded call, when at one */
	int status; /* exit status, or the signal that killed it */
};

static void view_task(const struct task *t, int mark, struct task_view *tv)
{
	memset(tv, 0, sizeof(*tv));
	if (t->state == TS_DEAD && WIFEXITED(t->wstatus)) {
		tv->state = "exited";
		tv->status = WEXITSTATUS(t->wstatus);
	} else if (t->state == TS_DEAD) {
		tv->state = "killed";
		tv->status = WIFSIGNALED(t->wstatus) ? WTERMSIG(t->wstatus) : 0;
	} else if (t->state == TS_ENTRY || t->state == TS_HELD) {
		tv->state = "call";
		format_call(tv->call, sizeof(tv->call), &t->call, true, mark);
	} else {
		tv->state = "running";
	}
}

static const char *sig_name(int sig)
{
	return sigabbrev_np(sig) ? sigabbrev_np(sig) : "?";
}

static const char *diverging_call(const struct taskset *s,
				  const struct divergence *d)
{
	const struct task *l = s->task[0];
	int v;

	if (d->kind == DIVK_TIMEOUT) /* the call the others wait at */
		for (v = 0; v < s->n; v++)
			if (s->task[v]->state == TS_ENTRY)
				return call_name(s->task[v]->call.nr);
	return l->state == TS_ENTRY ? call_name(l->call.nr) :
				      call_name(s->task[d->variant]->call.nr);
}

static void hex(char *out, const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", p[i]);
	out[2 * n] = 0;
}

void report_divergence(const struct taskset *s, const struct divergence *d)
{
	unsigned long i, first;
	struct task_view tv;
	char hx[2][40];
	int v;

	fflush(stdout);
	fprintf(stderr, "mvee: divergence in %s (task set %d, %s): %s\n",
		diverging_call(s, d), s->id, kind_name(d->kind), d->what);
	for (v = 0; v < s->n; v++) {
		fprintf(stderr, "  %s variant %d (pid %d): ",
			v == d->variant ? "*" : " ", v, (int)s->task[v]->tid);
		view_task(s->task[v], d->kind == DIVK_ARG ? d->arg : -1, &tv);
		if (!strcmp(tv.state, "exited"))
			fprintf(stderr, "exited with status %d\n", tv.status);
		else if (!strcmp(tv.state, "killed"))
			fprintf(stderr, "killed by SIG%s\n",
				sig_name(tv.status));
		else if (!strcmp(tv.state, "call"))
			fprintf(stderr, "%s\n", tv.call);
		else
			fprintf(stderr, "running\n");
	}
	if (d->arg >= 0)
		fprintf(stderr, "  differing: argument %d", d->arg);
	if (d->arg >= 0 && d->in_buffer)
		fprintf(stderr, ", first differing byte at offset %zu",
			d->offset);
	if (d->arg >= 0)
		fprintf(stderr, "\n");
	if (d->nbytes[0] || d->nbytes[1]) {
		hex(hx[0], d->bytes[0], d->nbytes[0]);
		hex(hx[1], d->bytes[1], d->nbytes[1]);
		fprintf(stderr,
			"  bytes from offset %zu: variant 0: %s\n"
			"                        variant %d: %s\n",
			d->offset, hx[0][0] ? hx[0] : "(none)", d->variant,
			hx[1][0] ? hx[1] : "(none)");
	}
	first = s->ncalls > HISTORY ? s->ncalls - HISTORY : 0;
	if (s->ncalls) {
		fprintf(stderr, "  last %lu synchronised calls of this task:\n",
			s->ncalls - first);
		for (i = first; i < s->ncalls; i++) {
			const struct history_entry *h = &s->hist[i % HISTORY];
			char line[512];

			format_args(line, sizeof(line), h->nr, h->arg);
			if (h->has_ret)
				fprintf(stderr, "    %s = %ld <%s>\n", line,
					h->ret, policy_name(h->policy));
			else
				fprintf(stderr, "    %s = ? <%s>\n", line,
					policy_name(h->policy));
		}
	}
	fprintf(stderr,
		"mvee: all variants killed before the call ran; exit status %d\n",
		cfg.divergence_exit);
}

static json_t *json_divergence(const struct taskset *s,
			       const struct divergence *d)
{
	json_t *o, *vs, *hist;
	unsigned long i, first;
	struct task_view tv;
	char hx[40];
	int v;

	vs = json_array();
	for (v = 0; v < s->n; v++) {
		json_t *e;

		view_task(s->task[v], d->kind == DIVK_ARG ? d->arg : -1, &tv);
		e = json_pack("{s:i, s:i, s:s}", "variant", v, "pid",
			      (int)s->task[v]->tid, "state", tv.state);
		if (!strcmp(tv.state, "call"))
			json_object_set_new(e, "call", json_string(tv.call));
		if (!strcmp(tv.state, "exited"))
			json_object_set_new(e, "status",
					    json_integer(tv.status));
		if (!strcmp(tv.state, "killed"))
			json_object_set_new(e, "signal",
					    json_sprintf("SIG%s",
							 sig_name(tv.status)));
		json_array_append_new(vs, e);
	}
	hist = json_array();
	first = s->ncalls > HISTORY ? s->ncalls - HISTORY : 0;
	for (i = first; i < s->ncalls; i++) {
		const struct history_entry *h = &s->hist[i % HISTORY];
		char line[512];

		format_args(line, sizeof(line), h->nr, h->arg);
		json_array_append_new(
			hist,
			json_pack("{s:s, s:o, s:s}", "call", line, "ret",
				  h->has_ret ?
					  json_integer((json_int_t)h->ret) :
					  json_null(),
				  "policy", policy_name(h->policy)));
	}
	o = json_pack("{s:s, s:s, s:i, s:i, s:s, s:o, s:o, s:s}", "kind",
		      kind_key(d->kind), "syscall", diverging_call(s, d),
		      "task_set", s->id, "variant", d->variant, "what", d->what,
		      "variants", vs, "history", hist, "action",
		      "killed all variants before the call ran");
	json_object_set_new(o, "argument",
			    d->arg >= 0 ? json_integer(d->arg) : json_null());
	json_object_set_new(o, "offset",
			    d->in_buffer ? json_integer((json_int_t)d->offset) :
					   json_null());
	if (d->nbytes[0] || d->nbytes[1]) {
		json_t *b = json_array();

		hex(hx, d->bytes[0], d->nbytes[0]);
		json_array_append_new(b, json_pack("{s:i, s:s}", "variant", 0,
						   "hex", hx));
		hex(hx, d->bytes[1], d->nbytes[1]);
		json_array_append_new(b, json_pack("{s:i, s:s}", "variant",
						   d->variant, "hex", hx));
		json_object_set_new(o, "bytes", b);
	}
	return o;
}

/* --report FILE: the run's outcome, written once as mvee exits; a
 * failure to write it is said on stderr (the exit status stays) */
void report_json(const struct taskset *s, const struct divergence *d,
		 int status)
{
	json_t *root, *prog, *exes;
	char *text;
	bool ok;
	FILE *f;
	int i;

	if (!cfg.report_path)
		return;
	prog = json_array();
	for (i = 0; cfg.argv[i]; i++)
		json_array_append_new(prog, json_string(cfg.argv[i]));
	exes = json_array();
	for (i = 0; i < cfg.nvariants; i++)
		json_array_append_new(exes, json_string(cfg.exe[i]));
	root = json_pack("{s:s, s:i, s:o, s:i, s:o, s:i, s:o}", "schema",
			 "mvee-report", "version", REPORT_VERSION, "program",
			 prog, "variants", cfg.nvariants, "executables", exes,
			 "exit_status", status, "divergence",
			 d ? json_divergence(s, d) : json_null());
	text = root ? json_dumps(root, JSON_INDENT(2) | JSON_ENSURE_ASCII) :
		      NULL;
	f = text ? fopen(cfg.report_path, "we") : NULL;
	ok = f && fprintf(f, "%s\n", text) >= 0;
	if (f && fclose(f))
		ok = false;
	if (!ok)
		fprintf(stderr, "mvee: cannot write the report to %s\n",
			cfg.report_path);
	free(text);
	json_decref(root);
}
