/* filter.c - the seccomp filter every variant installs before execve,
 * derived from the system-call table with libseccomp: every call stops
 * once at its entry (SECCOMP_RET_TRACE, the row's policy in the event
 * data), the unsynchronised ones (SCF_UNSYNC: futex, sched_yield) too:
 * their stop is where a thread gives up its turn (sched.c); numbers
 * without a row stop too, so the monitor refuses them by name; calls of another ABI (int 0x80, x32
 * numbers) fail with ENOSYS in the kernel, before any variant runs them:
 * what a kernel without x32 does natively, and no way around the monitor
 * for int 0x80. With the fast path on (notify.c), the rows notify_row()
 * picks notify mvee through a listener instead (SCMP_ACT_NOTIFY).
 *
 * The program is exported as BPF and installed by the launcher with
 * seccomp(2) itself: libseccomp 2.5 cannot ask for the listener flags. */
#include "filter.h"
#include "monitor.h"

#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define MSG_UNKNOWN 0xffff

static scmp_filter_ctx build(void)
{
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_TRACE(MSG_UNKNOWN));
	long nr;

	if (!ctx)
		die(EXIT_STARTUP, "libseccomp cannot create a filter");
	if (seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH,
			     SCMP_ACT_ERRNO(ENOSYS)) ||
	    seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2))
		die(EXIT_STARTUP,
		    "seccomp filters are unavailable here (libseccomp refuses the filter attributes; mvee needs a kernel with CONFIG_SECCOMP_FILTER and, in a container, a seccomp profile that allows seccomp(2), e.g. docker run --security-opt seccomp=unconfined)");
	for (nr = 0; nr < SC_MAX_NR; nr++) {
		const struct sc_row *r = systable_row(nr);

		if (!r)
			continue;
		if (seccomp_rule_add(ctx,
				     cfg.notify && notify_row(r) ?
					     SCMP_ACT_NOTIFY :
					     SCMP_ACT_TRACE(r->policy),
				     (int)nr, 0))
			die(EXIT_STARTUP, "libseccomp refuses a rule for %s",
			    r->name);
	}
	return ctx;
}

void filter_build(struct sock_fprog *prog)
{
	scmp_filter_ctx ctx = build();
	int fd = memfd_create("mvee-filter", MFD_CLOEXEC);
	off_t size;

	if (fd < 0 || seccomp_export_bpf(ctx, fd))
		die(EXIT_STARTUP, "libseccomp cannot export the filter");
	size = lseek(fd, 0, SEEK_END);
	if (size <= 0 || size % sizeof(struct sock_filter))
		die(EXIT_STARTUP, "libseccomp exported no filter");
	prog->len = (unsigned short)(size / sizeof(struct sock_filter));
	prog->filter = xcalloc((size_t)prog->len, sizeof(struct sock_filter));
	if (pread(fd, prog->filter, (size_t)size, 0) != size)
		die(EXIT_STARTUP, "cannot read the exported filter");
	close(fd);
	seccomp_release(ctx);
}
