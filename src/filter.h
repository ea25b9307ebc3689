/* filter.h - the seccomp filter derived from the table. */
#ifndef MVEE_FILTER_H
#define MVEE_FILTER_H

#include <linux/filter.h>

/* the filter as BPF, for seccomp(SECCOMP_SET_MODE_FILTER) */
void filter_build(struct sock_fprog *prog);

#endif
