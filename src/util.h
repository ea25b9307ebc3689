/* util.h - allocation that cannot fail silently, growable byte buffers,
 * and the two ways mvee itself stops: die() for start-up and usage errors,
 * BUG_ON()/bug() for broken monitor invariants (loud, with context). */
#ifndef MVEE_UTIL_H
#define MVEE_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* "mvee: <message>" on stderr, exit with status */
__attribute__((noreturn, format(printf, 2, 3))) void die(int status,
							 const char *fmt, ...);
/* a monitor invariant failed: report with context, kill variants, abort */
__attribute__((noreturn, format(printf, 3, 4))) void
bug(const char *file, int line, const char *fmt, ...);
#define BUG_ON(cond)                                          \
	do {                                                  \
		if (cond)                                     \
			bug(__FILE__, __LINE__, "%s", #cond); \
	} while (0)

/* a growable byte buffer, reused from call to call */
struct buf {
	unsigned char *p;
	size_t len, cap;
};
void *buf_reserve(struct buf *b, size_t n); /* room for n more bytes */
void buf_reset(struct buf *b);
void buf_free(struct buf *b);

uint64_t now_ns(void);
extern bool clock_by_syscall; /* not the vDSO's clock (emulate.c) */

#endif
