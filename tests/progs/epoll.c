/* epoll.c - epoll_create1, epoll_ctl (ADD, MOD, DEL, errors), epoll_wait,
 * epoll_pwait, epoll_pwait2 on pipes and a socketpair. Each registration's
 * data.ptr is a heap pointer, different in every variant; the program
 * learns which object is ready only by dereferencing it, so a monitor that
 * hands followers the leader's pointers makes them read garbage. */
#include "tests.h"

#include <signal.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/syscall.h>

struct obj {
	char name[16];
	int rfd, wfd;
	int hits;
};

static struct obj *objs[4];

static struct obj *make(const char *name, int rfd, int wfd)
{
	struct obj *o = calloc(1, sizeof(*o));

	EXPECT(o);
	snprintf(o->name, sizeof(o->name), "%s", name);
	o->rfd = rfd;
	o->wfd = wfd;
	return o;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* print the ready objects, by name, sorted, with their events */
static void show_ready(const char *label, struct epoll_event *ev, int n)
{
	char items[8][32];
	char *sorted[8];
	int i, k;

	printf("%s = %d:", label, n);
	for (i = 0; i < n; i++) {
		struct obj *o = ev[i].data.ptr;

		for (k = 0; k < 4 && objs[k] != o; k++)
			;
		if (k == 4)
			fail("data.ptr is not one of ours");
		o->hits++;
		snprintf(items[i], sizeof(items[i]), "%s[%s%s%s]", o->name,
			 ev[i].events & EPOLLIN ? "IN" : "",
			 ev[i].events & EPOLLOUT ? "OUT" : "",
			 ev[i].events & EPOLLHUP ? "|HUP" : "");
		sorted[i] = items[i];
	}
	qsort(sorted, n, sizeof(*sorted), cmp);
	for (i = 0; i < n; i++)
		printf(" %s", sorted[i]);
	printf("\n");
}

int main(int argc, char **argv)
{
	struct timespec ts = { 0, 1000000 };
	struct epoll_event ev, out[8];
	char buf[16];
	int ep, p[2], i, n;
	sigset_t mask;

	scratch_enter(argc, argv, "epoll");
	ep = SHOW("epoll_create1(EPOLL_CLOEXEC)", epoll_create1(EPOLL_CLOEXEC));
	ERR("epoll_create1(0x1)", EINVAL, epoll_create1(0x1));
	for (i = 0; i < 3; i++) {
		char name[8];

		OK(pipe(p));
		snprintf(name, sizeof(name), "pipe%c", 'A' + i);
		objs[i] = make(name, p[0], p[1]);
	}
	OK(socketpair(AF_UNIX, SOCK_STREAM, 0, p));
	objs[3] = make("sock", p[0], p[1]);

	for (i = 0; i < 4; i++) {
		memset(&ev, 0, sizeof(ev));
		ev.events = EPOLLIN;
		ev.data.ptr = objs[i];
		SHOW("epoll_ctl(ADD)",
		     epoll_ctl(ep, EPOLL_CTL_ADD, objs[i]->rfd, &ev));
	}
	ERR("epoll_ctl(ADD) again", EEXIST,
	    epoll_ctl(ep, EPOLL_CTL_ADD, objs[0]->rfd, &ev));
	ERR("epoll_ctl(ADD, epfd itself)", EINVAL,
	    epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev));
	ERR("epoll_ctl(MOD, not added)", ENOENT,
	    epoll_ctl(ep, EPOLL_CTL_MOD, objs[0]->wfd, &ev));
	ERR("epoll_ctl(ADD, regular fd 0=/dev/null)", EPERM,
	    epoll_ctl(ep, EPOLL_CTL_ADD, 0, &ev));

	n = epoll_wait(ep, out, 8, 0);
	show_ready("epoll_wait(nothing ready, 0)", out, n);

	OK(write(objs[1]->wfd, "b", 1));
	n = epoll_wait(ep, out, 8, 1000);
	show_ready("epoll_wait(pipeB written)", out, n);

	OK(write(objs[3]->wfd, "s", 1));
	OK(write(objs[0]->wfd, "a", 1));
	n = epoll_wait(ep, out, 8, 1000);
	show_ready("epoll_wait(sock, pipeA written)", out, n);
	n = epoll_wait(ep, out, 1, 1000);
	show_ready("epoll_wait(maxevents 1)", out, n);
	ERR("epoll_wait(maxevents 0)", EINVAL, epoll_wait(ep, out, 0, 0));

	/* drain pipeB; level-triggered others stay ready */
	OK(read(objs[1]->rfd, buf, sizeof(buf)));
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR1);
	n = epoll_pwait(ep, out, 8, 1000, &mask);
	show_ready("epoll_pwait(pipeB drained)", out, n);

	/* edge-triggered: reported once per new write */
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLIN | EPOLLET;
	ev.data.ptr = objs[2];
	SHOW("epoll_ctl(MOD pipeC, EPOLLIN|EPOLLET)",
	     epoll_ctl(ep, EPOLL_CTL_MOD, objs[2]->rfd, &ev));
	SHOW("epoll_ctl(DEL pipeA)",
	     epoll_ctl(ep, EPOLL_CTL_DEL, objs[0]->rfd, NULL));
	SHOW("epoll_ctl(DEL sock)",
	     epoll_ctl(ep, EPOLL_CTL_DEL, objs[3]->rfd, NULL));
	OK(write(objs[2]->wfd, "c", 1));
	n = epoll_wait(ep, out, 8, 1000);
	show_ready("epoll_wait(pipeC written, ET)", out, n);
	n = syscall(SYS_epoll_pwait2, ep, out, 8, &ts, NULL, 8);
	show_ready("epoll_pwait2(pipeC not drained, ET, 1ms)", out, n);
	OK(write(objs[2]->wfd, "c", 1));
	n = epoll_wait(ep, out, 8, 1000);
	show_ready("epoll_wait(pipeC written again)", out, n);

	/* one-shot, then re-armed with MOD */
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLOUT | EPOLLONESHOT;
	ev.data.ptr = objs[1];
	SHOW("epoll_ctl(MOD pipeB, EPOLLOUT|EPOLLONESHOT) on the write end", ({
		     int r = epoll_ctl(ep, EPOLL_CTL_DEL, objs[1]->rfd, NULL);
		     if (!r)
			     r = epoll_ctl(ep, EPOLL_CTL_ADD, objs[1]->wfd,
					   &ev);
		     r;
	     }));
	n = epoll_wait(ep, out, 8, 1000);
	show_ready("epoll_wait(oneshot armed)", out, n);
	n = epoll_wait(ep, out, 8, 0);
	show_ready("epoll_wait(oneshot fired)", out, n);
	SHOW("epoll_ctl(MOD pipeB, re-arm)",
	     epoll_ctl(ep, EPOLL_CTL_MOD, objs[1]->wfd, &ev));
	n = epoll_wait(ep, out, 8, 0);
	show_ready("epoll_wait(re-armed)", out, n);

	/* closing the writer of a registered pipe: HUP */
	OK(close(objs[2]->wfd));
	n = epoll_wait(ep, out, 8, 0);
	show_ready("epoll_wait(pipeC writer closed)", out, n);

	for (i = 0; i < 4; i++)
		printf("%s reported %d times\n", objs[i]->name, objs[i]->hits);
	for (i = 0; i < 4; i++) {
		close(objs[i]->rfd);
		if (i != 2)
			close(objs[i]->wfd);
		free(objs[i]);
	}
	OK(close(ep));
	scratch_leave();
	printf("done\n");
	return 0;
}
