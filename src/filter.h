/* filter.h - the seccomp filter derived from the table. */
#ifndef MVEE_FILTER_H
#define MVEE_FILTER_H

#include <seccomp.h>

scmp_filter_ctx filter_build(void);

#endif
