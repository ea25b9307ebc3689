/* summary.c - -c/--summary: at exit, a table like strace -c of every
 * synchronised call (per system call and policy: calls, errors, time from
 * the rendezvous to the result), then where the time went: waiting for
 * variants to arrive vs running calls, wall clock, the
 * monitor's CPU time and the variants' CPU time, and the divergence count. */
#include "monitor.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

struct row_count {
	long nr;
	int policy;
	unsigned long calls, errors;
	uint64_t ns;
};

static struct row_count *counts;
static size_t ncounts, capcounts;
static uint64_t t_start;
static uint64_t wait_total; /* first arrival to rendezvous, all calls */

void summary_start(void)
{
	t_start = now_ns();
}

static struct row_count *slot(long nr, int policy)
{
	size_t i;

	for (i = 0; i < ncounts; i++)
		if (counts[i].nr == nr && counts[i].policy == policy)
			return &counts[i];
	if (ncounts == capcounts) {
		capcounts = capcounts ? 2 * capcounts : 64;
		counts = xrealloc(counts, capcounts * sizeof(*counts));
	}
	memset(&counts[ncounts], 0, sizeof(counts[ncounts]));
	counts[ncounts].nr = nr;
	counts[ncounts].policy = policy;
	return &counts[ncounts++];
}

void summary_add(long nr, int policy, long ret, bool have_ret, uint64_t ns,
		 uint64_t wait_ns)
{
	struct row_count *c;

	if (!cfg.summary)
		return;
	c = slot(nr, policy);
	c->calls++;
	c->errors += have_ret && ret < 0 && ret > -4096;
	c->ns += ns;
	wait_total += wait_ns;
}

static int by_time(const void *a, const void *b)
{
	const struct row_count *x = a, *y = b;

	if (x->ns != y->ns)
		return x->ns < y->ns ? 1 : -1;
	return x->calls < y->calls ? 1 : x->calls > y->calls ? -1 : 0;
}

static double tv_s(struct timeval tv)
{
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

void summary_print(int divergences)
{
	unsigned long calls = 0, errors = 0;
	uint64_t ns = 0;
	struct rusage self, kids;
	size_t i;

	if (!cfg.summary)
		return;
	qsort(counts, ncounts, sizeof(*counts), by_time);
	for (i = 0; i < ncounts; i++) {
		calls += counts[i].calls;
		errors += counts[i].errors;
		ns += counts[i].ns;
	}
	fprintf(stderr,
		"mvee: summary of %d variants\n"
		"%% time     seconds  usecs/call     calls    errors policy  syscall\n"
		"------ ----------- ----------- --------- --------- ------- ----------------\n",
		cfg.nvariants);
	for (i = 0; i < ncounts; i++) {
		const struct row_count *c = &counts[i];

		fprintf(stderr, "%6.2f %11.6f %11.0f %9lu %9.0lu %-7s %s\n",
			ns ? 100.0 * (double)c->ns / (double)ns : 0.0,
			(double)c->ns / 1e9,
			(double)c->ns / 1e3 / (double)c->calls, c->calls,
			c->errors, policy_name(c->policy), call_name(c->nr));
	}
	fprintf(stderr,
		"------ ----------- ----------- --------- --------- ------- ----------------\n"
		"100.00 %11.6f %11.0f %9lu %9.0lu         total\n",
		(double)ns / 1e9,
		calls ? (double)ns / 1e3 / (double)calls : 0.0, calls, errors);
	fprintf(stderr,
		"rendezvous: %.6f s waiting for the last variant to arrive, %.6f s from rendezvous to result\n",
		(double)wait_total / 1e9, (double)ns / 1e9);
	getrusage(RUSAGE_SELF, &self);
	getrusage(RUSAGE_CHILDREN, &kids);
	fprintf(stderr,
		"wall %.3f s; CPU: monitor %.3f s (user %.3f, system %.3f), variants %.3f s (user %.3f, system %.3f); divergences: %d\n",
		(double)(now_ns() - t_start) / 1e9,
		tv_s(self.ru_utime) + tv_s(self.ru_stime), tv_s(self.ru_utime),
		tv_s(self.ru_stime), tv_s(kids.ru_utime) + tv_s(kids.ru_stime),
		tv_s(kids.ru_utime), tv_s(kids.ru_stime), divergences);
}
