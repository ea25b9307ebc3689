/* notify_floor.c - the floor of mvee's fast path on this machine: N
 * children make getppid() calls that a seccomp filter hands to this
 * supervisor as user notifications; the supervisor reads one from each
 * child, then answers each (the children wait in lockstep, as mvee's
 * variants do). Nothing else is done per call: no comparison, no memory
 * read. Prints the time per call.
 *
 *   cc -O2 -o build/bench/notify_floor bench/notify_floor.c
 *   build/bench/notify_floor N CALLS SYNC TSC
 *
 * SYNC 1 sets SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP on the listeners (the
 * woken side runs on the waker's CPU); TSC 1 turns rdtsc off in the
 * children (PR_TSC_SIGSEGV, as mvee does for its variants), TSC 2 in the
 * supervisor too (as mvee does for itself). docs/PERFORMANCE.md has the
 * figures. */
#define _GNU_SOURCE
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../src/seccomp_compat.h"

#define MAXN 8

static int install(void)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getppid, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog p = { sizeof(f) / sizeof(f[0]), f };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return -1;
	return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
			    SECCOMP_FILTER_FLAG_NEW_LISTENER, &p);
}

/* not the vDSO's clock: it reads the TSC, which TSC 2 turns off here */
static double now(void)
{
	struct timespec t;

	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	struct seccomp_notif req[MAXN];
	struct seccomp_notif_resp resp;
	int n, calls, sync, tsc, i, v, lfd[MAXN];
	pid_t pid[MAXN];
	double t0;

	if (argc != 5 || (n = atoi(argv[1])) < 1 || n > MAXN ||
	    (calls = atoi(argv[2])) < 1) {
		fprintf(stderr, "usage: notify_floor N(1-8) CALLS SYNC TSC\n");
		return 2;
	}
	sync = atoi(argv[3]);
	tsc = atoi(argv[4]);
	for (v = 0; v < n; v++) {
		int p[2], l, pidfd;

		if (pipe(p))
			return 1;
		pid[v] = fork();
		if (pid[v] < 0)
			return 1;
		if (pid[v] == 0) {
			if (tsc)
				prctl(PR_SET_TSC, PR_TSC_SIGSEGV, 0, 0, 0);
			l = install();
			if (write(p[1], &l, sizeof(l)) != sizeof(l) || l < 0)
				_exit(1);
			usleep(10000); /* the supervisor takes the listener */
			for (i = 0; i < calls; i++)
				syscall(SYS_getppid);
			_exit(0);
		}
		if (read(p[0], &l, sizeof(l)) != sizeof(l) || l < 0)
			return 1;
		pidfd = (int)syscall(SYS_pidfd_open, pid[v], 0);
		lfd[v] = (int)syscall(SYS_pidfd_getfd, pidfd, l, 0);
		if (lfd[v] < 0) {
			perror("pidfd_getfd");
			return 1;
		}
		if (sync) {
			__u64 fl = SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP;

			if (ioctl(lfd[v], SECCOMP_IOCTL_NOTIF_SET_FLAGS, fl))
				perror("SECCOMP_IOCTL_NOTIF_SET_FLAGS");
		}
	}
	if (tsc == 2)
		prctl(PR_SET_TSC, PR_TSC_SIGSEGV, 0, 0, 0);
	t0 = now();
	for (i = 0; i < calls; i++) {
		for (v = 0; v < n; v++) {
			memset(&req[v], 0, sizeof(req[v]));
			if (ioctl(lfd[v], SECCOMP_IOCTL_NOTIF_RECV, &req[v])) {
				perror("SECCOMP_IOCTL_NOTIF_RECV");
				return 1;
			}
		}
		for (v = 0; v < n; v++) {
			memset(&resp, 0, sizeof(resp));
			resp.id = req[v].id;
			resp.val = getpid();
			if (ioctl(lfd[v], SECCOMP_IOCTL_NOTIF_SEND, &resp)) {
				perror("SECCOMP_IOCTL_NOTIF_SEND");
				return 1;
			}
		}
	}
	printf("n=%d sync=%d tsc=%d: %.2f us per call\n", n, sync, tsc,
	       (now() - t0) / calls * 1e6);
	for (v = 0; v < n; v++)
		waitpid(pid[v], NULL, 0);
	return 0;
}
