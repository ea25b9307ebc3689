/* layout.c - --diversity disjoint, verified: no executable address range
 * is mapped in more than one variant, so an absolute code address works
 * in at most one of them. The layouts come from elsewhere (the kernel's
 * randomisation, forced on in followers by launch.c and the personality
 * handler; congruent placement of later mappings, lockstep.c); this file
 * checks the result from /proc/PID/maps whenever it may have changed (an
 * exec, a call that maps or makes something executable, a placement the
 * kernel refused), at the process's next rendezvous: before any further
 * call can have an effect. An overlap is a divergence. Non-PIE executables
 * are at the same address in every variant by construction: a warning,
 * and their own ranges are left out of the check, as is the kernel's
 * vsyscall page. */
#include "monitor.h"

#include <elf.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <unistd.h>

struct xrange {
	uint64_t lo, hi;
	int variant;
	char path[96];
};

bool layout_changes(const struct call *c)
{
	switch (c->nr) {
	case __NR_mmap:
	case __NR_mprotect:
	case __NR_pkey_mprotect:
		return c->arg[2] & PROT_EXEC;
	case __NR_shmat:
		return c->arg[2] & SHM_EXEC;
	default:
		return false;
	}
}

/* warn once per executable that cannot move */
static void warn_nonpie(const char *path)
{
	static char **warned;
	static int nwarned;
	int i;

	for (i = 0; i < nwarned; i++)
		if (!strcmp(warned[i], path))
			return;
	warned = xrealloc(warned, (size_t)(nwarned + 1) * sizeof(*warned));
	warned[nwarned++] = xstrdup(path);
	fprintf(stderr,
		"mvee: warning: %s is not position-independent: its code is at the same address in every variant, so code reuse within it is not stopped (rebuild it with -fPIE -pie)\n",
		path);
}

void layout_exec(struct task *t)
{
	struct lproc *p = t->proc;
	char link[64], path[PATH_MAX];
	Elf64_Ehdr eh;
	ssize_t n;
	int fd;

	p->layout_dirty = true;
	free(p->nonpie[t->variant]);
	p->nonpie[t->variant] = NULL;
	if (cfg.diversity != DIV_DISJOINT)
		return;
	snprintf(link, sizeof(link), "/proc/%d/exe", (int)t->tid);
	n = readlink(link, path, sizeof(path) - 1);
	fd = open(link, O_RDONLY | O_CLOEXEC);
	if (n <= 0 || fd < 0 || pread(fd, &eh, sizeof(eh), 0) != sizeof(eh) ||
	    eh.e_type != ET_EXEC) {
		if (fd >= 0)
			close(fd);
		return;
	}
	close(fd);
	path[n] = 0;
	p->nonpie[t->variant] = xstrdup(path);
	warn_nonpie(path);
}

void layout_fork(struct lproc *p, const struct lproc *parent)
{
	int v;

	for (v = 0; v < MAX_VARIANTS; v++)
		p->nonpie[v] = parent->nonpie[v] ? xstrdup(parent->nonpie[v]) :
						   NULL;
}

void layout_free(struct lproc *p)
{
	int v;

	for (v = 0; v < MAX_VARIANTS; v++)
		free(p->nonpie[v]);
}

void layout_fallback(struct task *t)
{
	t->proc->layout_dirty = true;
}

/* a call of the process that changes its layout has not finished in
 * every variant: checking now could miss its result */
static bool in_flight(const struct lproc *p)
{
	int i, v;

	for (i = 0; i < nsets; i++) {
		if (sets[i]->proc != p)
			continue;
		for (v = 0; v < sets[i]->n; v++) {
			const struct task *t = sets[i]->task[v];

			if (t->state != TS_INCALL && t->state != TS_EXITED &&
			    t->state != TS_HELD && t->state != TS_PLACEHOLDER &&
			    t->state != TS_INJECTED)
				continue;
			if (layout_changes(&t->call) ||
			    (t->call.row && (t->call.row->flags & SCF_PLACE)))
				return true;
		}
	}
	return false;
}

/* the executable ranges of variant v's task, appended to *r */
static void read_ranges(const struct task *t, const char *nonpie,
			struct xrange **r, size_t *n, size_t *cap)
{
	char file[64], line[512];
	FILE *f;

	snprintf(file, sizeof(file), "/proc/%d/maps", (int)t->tid);
	f = fopen(file, "re");
	if (!f)
		return; /* gone: its death is reported on its own */
	while (fgets(line, sizeof(line), f)) {
		unsigned long lo, hi;
		char perms[8];
		int off = 0;
		const char *path;

		if (sscanf(line, "%lx-%lx %7s %*s %*s %*s %n", &lo, &hi, perms,
			   &off) < 3 ||
		    !strchr(perms, 'x'))
			continue;
		path = off ? line + off : "";
		line[strcspn(line, "\n")] = 0;
		/* the vsyscall page is at one address in every process;
		 * its three entry points make system calls, which mvee sees */
		if ((nonpie && !strcmp(path, nonpie)) ||
		    !strcmp(path, "[vsyscall]"))
			continue;
		if (*n == *cap) {
			*cap = *cap ? 2 * *cap : 64;
			*r = xrealloc(*r, *cap * sizeof(**r));
		}
		(*r)[*n].lo = lo;
		(*r)[*n].hi = hi;
		(*r)[*n].variant = t->variant;
		snprintf((*r)[*n].path, sizeof((*r)[*n].path), "%s",
			 *path ? path : "[anonymous]");
		(*n)++;
	}
	fclose(f);
}

static int by_start(const void *a, const void *b)
{
	const struct xrange *x = a, *y = b;

	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

void layout_check(struct taskset *s)
{
	struct lproc *p = s->proc;
	struct xrange *r = NULL;
	size_t n = 0, cap = 0, i, top = 0;
	int v;

	if (cfg.diversity != DIV_DISJOINT || !p->layout_dirty || in_flight(p))
		return;
	p->layout_dirty = false;
	for (v = 0; v < s->n; v++)
		read_ranges(s->task[v], p->nonpie[v], &r, &n, &cap);
	qsort(r, n, sizeof(*r), by_start);
	/* ranges of one variant never overlap each other: any overlap with
	 * the furthest-reaching range so far is between two variants */
	for (i = 1; i < n; i++) {
		if (r[i].lo < r[top].hi) {
			const struct xrange *a =
				r[top].variant < r[i].variant ? &r[top] : &r[i];
			const struct xrange *b = a == &r[top] ? &r[i] : &r[top];
			struct divergence d;

			divergence_init(&d, DIVK_LAYOUT, s->id, b->variant, -1,
					(long)a->lo, (long)b->lo);
			snprintf(
				d.what, sizeof(d.what),
				"executable %#lx-%#lx (%.40s) of variant %d overlaps %#lx-%#lx (%.40s) of variant %d",
				(unsigned long)a->lo, (unsigned long)a->hi,
				a->path, a->variant, (unsigned long)b->lo,
				(unsigned long)b->hi, b->path, b->variant);
			free(r);
			monitor_diverged(s, &d);
		}
		if (r[i].hi > r[top].hi)
			top = i;
	}
	free(r);
}
