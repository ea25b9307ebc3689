/* fdmap.c - the fd ownership map of one logical process (see fdmap.h). */
#include "fdmap.h"
#include "util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fdmap_init(struct fdmap *m)
{
	m->own = NULL;
	m->cap = 0;
}

void fdmap_free(struct fdmap *m)
{
	free(m->own);
	fdmap_init(m);
}

int fdmap_copy(struct fdmap *dst, const struct fdmap *src)
{
	fdmap_init(dst);
	if (!src->cap)
		return 0;
	dst->own = xmalloc((size_t)src->cap);
	memcpy(dst->own, src->own, (size_t)src->cap);
	dst->cap = src->cap;
	return 0;
}

enum fd_owner fdmap_get(const struct fdmap *m, long fd)
{
	if (fd < 0 || fd >= m->cap)
		return FD_FREE;
	return (enum fd_owner)m->own[fd];
}

void fdmap_set(struct fdmap *m, long fd, enum fd_owner own)
{
	if (fd < 0 || fd > (1L << 24))
		return;
	if (fd >= m->cap) {
		int cap = m->cap ? m->cap : 64;

		if (own == FD_FREE)
			return;
		while (cap <= fd)
			cap *= 2;
		m->own = xrealloc(m->own, (size_t)cap);
		memset(m->own + m->cap, 0, (size_t)(cap - m->cap));
		m->cap = cap;
	}
	m->own[fd] = (unsigned char)own;
}

void fdmap_close_range(struct fdmap *m, unsigned long lo, unsigned long hi)
{
	unsigned long fd;

	for (fd = lo; fd <= hi && fd < (unsigned long)m->cap; fd++)
		m->own[fd] = FD_FREE;
}

void fdmap_sync(struct fdmap *m, pid_t pid)
{
	char path[64];
	unsigned char *seen;
	struct dirent *e;
	DIR *d;
	int fd;

	if (!m->cap)
		return;
	snprintf(path, sizeof(path), "/proc/%d/fd", (int)pid);
	d = opendir(path);
	if (!d)
		return;
	seen = xcalloc((size_t)m->cap, 1);
	while ((e = readdir(d))) {
		long n = strtol(e->d_name, NULL, 10);

		if (e->d_name[0] != '.' && n >= 0 && n < m->cap)
			seen[n] = 1;
	}
	closedir(d);
	for (fd = 0; fd < m->cap; fd++)
		if (!seen[fd])
			m->own[fd] = FD_FREE;
	free(seen);
}
