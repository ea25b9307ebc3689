/* fdmap.h - who owns each file descriptor number of a logical process.
 *
 * fd numbers are identical in all variants (an invariant the lockstep
 * keeps). An fd is either owned by every variant (each has its own open of
 * the same read-only file, directory or harmless device) or by the leader
 * (sockets, pipes, ttys, written files, devices): then the followers hold a
 * placeholder at the same number and every operation on it is executed by
 * the leader alone.
 */
#ifndef MVEE_FDMAP_H
#define MVEE_FDMAP_H

#include <sys/types.h>

enum fd_owner {
	FD_FREE = 0,
	FD_VARIANTS, /* each variant has its own */
	FD_LEADER, /* the leader's object, placeholders in followers */
};

struct fdmap {
	unsigned char *own;
	int cap;
};

void fdmap_init(struct fdmap *m);
void fdmap_free(struct fdmap *m);
int fdmap_copy(struct fdmap *dst, const struct fdmap *src);
enum fd_owner fdmap_get(const struct fdmap *m, long fd);
void fdmap_set(struct fdmap *m, long fd, enum fd_owner own);
void fdmap_close_range(struct fdmap *m, unsigned long lo, unsigned long hi);
/* drop every fd that /proc/PID/fd no longer lists (after exec) */
void fdmap_sync(struct fdmap *m, pid_t pid);

#endif
