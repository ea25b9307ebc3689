/* systable.c - THE system-call table of mvee for x86_64: one row per
 * syscall number saying who executes the call (policy), what it returns
 * and what each argument is, with the size of every buffer. Comparison,
 * replication, formatting and the seccomp filter are all derived from it
 * (see systable.h for the row types and macros).
 *
 * Rules followed below:
 * - structs holding pointers (sigaction, stack_t, msghdr, sigevent,
 *   epoll_event, clone_args, sock_fprog, robust_list_head, rseq, siginfo
 *   with its sigval, futex_waitv, xattr_args) are never IN/INOUT: PTR
 *   (NULL-ness only) or CUSTOM with a handler;
 * - outputs are sized exactly as the kernel writes them;
 * - policy_at reads the last FLAGS argument as the AT_* flags, so other
 *   bit masks of those rows (statx's mask) are UINT or INT.
 */
#include "systable.h"

#include <asm/unistd_64.h>
#include <errno.h>
#include <stddef.h>

/* syscalls newer than Debian 12's kernel headers (6.1); numbers checked
 * against the kernel's arch/x86/entry/syscalls/syscall_64.tbl */
#ifndef __NR_cachestat
#define __NR_cachestat 451
#endif
#ifndef __NR_fchmodat2
#define __NR_fchmodat2 452
#endif
#ifndef __NR_map_shadow_stack
#define __NR_map_shadow_stack 453
#endif
#ifndef __NR_futex_wake
#define __NR_futex_wake 454
#endif
#ifndef __NR_futex_wait
#define __NR_futex_wait 455
#endif
#ifndef __NR_futex_requeue
#define __NR_futex_requeue 456
#endif
#ifndef __NR_statmount
#define __NR_statmount 457
#endif
#ifndef __NR_listmount
#define __NR_listmount 458
#endif
#ifndef __NR_lsm_get_self_attr
#define __NR_lsm_get_self_attr 459
#endif
#ifndef __NR_lsm_set_self_attr
#define __NR_lsm_set_self_attr 460
#endif
#ifndef __NR_lsm_list_modules
#define __NR_lsm_list_modules 461
#endif
#ifndef __NR_mseal
#define __NR_mseal 462
#endif
#ifndef __NR_setxattrat
#define __NR_setxattrat 463
#endif
#ifndef __NR_getxattrat
#define __NR_getxattrat 464
#endif
#ifndef __NR_listxattrat
#define __NR_listxattrat 465
#endif
#ifndef __NR_removexattrat
#define __NR_removexattrat 466
#endif
#ifndef __NR_open_tree_attr
#define __NR_open_tree_attr 467
#endif
#ifndef __NR_file_getattr
#define __NR_file_getattr 468 /* 6.17 */
#endif
#ifndef __NR_file_setattr
#define __NR_file_setattr 469 /* 6.17 */
#endif

/* the table is one row per line, by number: keep clang-format out of it */
/* clang-format off */
const struct sc_row systable[SC_MAX_NR] = {
	ROWD(read, policy_by_fd, RET_SIZE, SCF_BLOCKS | SCF_MONIO, FD, OUT(SZR(2)), UINT),
	/* blocks on a full pipe or socket */
	ROWD(write, policy_by_fd, RET_SIZE, SCF_BLOCKS | SCF_MONIO, FD, IN(SZA(2)), UINT),
	/* opening a FIFO blocks until its other end is opened */
	ROWD(open, policy_open, RET_FD, SCF_BLOCKS | SCF_TMPNAME, STR, FLAGS, OMODE),
	ROW(close, POL_ALL, RET_INT, SCF_FDTABLE, FD),
	ROWD(stat, policy_own_proc, RET_INT, 0, STR, OUT(SZC(144))),
	ROWD(fstat, policy_by_fd, RET_INT, 0, FD, OUT(SZC(144))),
	ROWD(lstat, policy_own_proc, RET_INT, 0, STR, OUT(SZC(144))),
	/* readiness waits are the leader's: it owns pipes and sockets, and
	 * variant-owned files are always ready */
	ROW(poll, POL_LEADER, RET_INT, SCF_BLOCKS, INOUT(SZAX(1, 8)), UINT, INT),
	ROWD(lseek, policy_by_fd, RET_SIZE, 0, FD, INT, INT),
	/* a file mapping needs the variant's own fd: leader-owned fds (files
	 * open for writing, devices) fail in the followers' placeholders */
	/* SCF_PLACE: variants map at congruent addresses (lockstep.c) */
	ROW(mmap, POL_ALL, RET_ADDR, SCF_PLACE, PTR, UINT, FLAGS, FLAGS, FD, UINT),
	ROW(mprotect, POL_ALL, RET_INT, 0, PTR, UINT, FLAGS),
	ROW(munmap, POL_ALL, RET_INT, 0, PTR, UINT),
	ROW(brk, POL_ALL, RET_ADDR, 0, PTR),
	ROWH(rt_sigaction, handler_sigaction, POL_ALL, RET_INT, 0, SIG, CUSTOM, PTR, UINT),
	ROW(rt_sigprocmask, POL_ALL, RET_INT, 0, INT, IN(SZA(3)), OUT(SZA(3)), UINT),
	ROW0(rt_sigreturn, POL_ALL, RET_NORETURN, SCF_NOCMP),
	ROWH(ioctl, handler_ioctl, POL_LEADER, RET_INT, 0, FD, FLAGS, CUSTOM),
	ROWD(pread64, policy_by_fd, RET_SIZE, SCF_MONIO, FD, OUT(SZR(2)), UINT, INT),
	ROWD(pwrite64, policy_by_fd, RET_SIZE, SCF_MONIO, FD, IN(SZA(2)), UINT, INT),
	ROWD(readv, policy_by_fd, RET_SIZE, SCF_BLOCKS | SCF_MONIO, FD, IOV_OUT(2), UINT),
	ROWD(writev, policy_by_fd, RET_SIZE, SCF_BLOCKS | SCF_MONIO, FD, IOV_IN(2), UINT),
	ROW(access, POL_ALL, RET_INT, 0, STR, FLAGS),
	ROW(pipe, POL_ALL, RET_INT, SCF_LEADER_FD, FDPAIR),
	/* Linux writes the time left back into the timeval */
	ROW(select, POL_LEADER, RET_INT, SCF_BLOCKS,
		INT, INOUT(SZFDS(0)), INOUT(SZFDS(0)), INOUT(SZFDS(0)), INOUT(SZC(16))),
	ROW0(sched_yield, POL_ALL, RET_INT, SCF_UNSYNC), /* spin loops */
	ROW(mremap, POL_ALL, RET_ADDR, SCF_PLACE, PTR, UINT, UINT, FLAGS, PTR),
	ROW(msync, POL_ALL, RET_INT, 0, PTR, UINT, FLAGS),
	/* vec has one byte per page of len: no size source, and per variant */
	ROW(mincore, POL_ALL, RET_INT, 0, PTR, UINT, PTR),
	/* SCF_LOCAL: purge and access hints are each variant's own */
	ROW(madvise, POL_ALL, RET_INT, SCF_LOCAL, PTR, UINT, INT),
	/* SysV IPC objects are system-wide: created and controlled once by
	 * the leader; every variant attaches a segment to its own memory */
	ROW(shmget, POL_LEADER, RET_INT, 0, INT, UINT, FLAGS),
	ROW(shmat, POL_ALL, RET_ADDR, 0, INT, PTR, FLAGS),
	/* buf is in or out by cmd (struct shmid_ds, shminfo, shm_info): PTR,
	 * so IPC_STAT/IPC_INFO results do not reach the followers */
	ROW(shmctl, POL_LEADER, RET_INT, 0, INT, INT, PTR),
	ROW(dup, POL_ALL, RET_FD, 0, DUPFD),
	ROW(dup2, POL_ALL, RET_FD, SCF_FDTABLE, DUPFD, FD),
	ROW0(pause, POL_ALL, RET_INT, SCF_BLOCKS | SCF_SIGWAIT),
	ROW(nanosleep, POL_LEADER, RET_INT, SCF_BLOCKS, IN(SZC(16)), OUT(SZC(16))),
	/* the time left depends on when each variant asks: one answer */
	ROW(getitimer, POL_LEADER, RET_INT, 0, INT, OUT(SZC(32))),
	/* timers live in the leader only: a follower's own timer signal could
	 * not be told from the copy mvee sends it (signals.c) */
	ROW(alarm, POL_LEADER, RET_ANY, 0, UINT),
	ROW(setitimer, POL_LEADER, RET_INT, 0, INT, IN(SZC(32)), OUT(SZC(32))),
	ROW0(getpid, POL_MONITOR, RET_PID, 0),
	/* policy_by_fd: the leader's when either fd is leader-owned */
	ROWD(sendfile, policy_by_fd, RET_SIZE, SCF_BLOCKS, FD, FD, INOUT(SZC(8)), UINT),
	ROW(socket, POL_ALL, RET_FD, SCF_LEADER_FD, INT, FLAGS, INT),
	ROWD(connect, policy_by_fd, RET_INT, SCF_BLOCKS, FD, SOCKADDR(2), UINT),
	ROWD(accept, policy_by_fd, RET_FD, SCF_BLOCKS, FD, OUT(SZP(2)), INOUT(SZC(4))),
	ROWD(sendto, policy_by_fd, RET_SIZE, SCF_BLOCKS,
		FD, IN(SZA(2)), UINT, FLAGS, SOCKADDR(5), UINT),
	ROWD(recvfrom, policy_by_fd, RET_SIZE, SCF_BLOCKS,
		FD, OUT(SZR(2)), UINT, FLAGS, OUT(SZP(5)), INOUT(SZC(4))),
	ROWH(sendmsg, handler_sendmsg, POL_LEADER, RET_SIZE, SCF_BLOCKS, FD, CUSTOM, FLAGS),
	ROWH(recvmsg, handler_recvmsg, POL_LEADER, RET_SIZE, SCF_BLOCKS, FD, CUSTOM, FLAGS),
	ROWD(shutdown, policy_by_fd, RET_INT, 0, FD, INT),
	ROWD(bind, policy_by_fd, RET_INT, 0, FD, SOCKADDR(2), UINT),
	ROWD(listen, policy_by_fd, RET_INT, 0, FD, INT),
	ROWD(getsockname, policy_by_fd, RET_INT, 0, FD, OUT(SZP(2)), INOUT(SZC(4))),
	ROWD(getpeername, policy_by_fd, RET_INT, 0, FD, OUT(SZP(2)), INOUT(SZC(4))),
	ROW(socketpair, POL_ALL, RET_INT, SCF_LEADER_FD, INT, FLAGS, INT, FDPAIR),
	ROWD(setsockopt, policy_by_fd, RET_INT, 0, FD, INT, INT, IN(SZA(4)), UINT),
	ROWD(getsockopt, policy_by_fd, RET_INT, 0, FD, INT, INT, OUT(SZP(4)), INOUT(SZC(4))),
	/* flags, stack, parent_tid, child_tid, tls */
	ROWH(clone, handler_clone, POL_ALL, RET_PID, 0, FLAGS, PTR, PTR, PTR, PTR),
	ROWH(fork, handler_clone, POL_ALL, RET_PID, 0),
	/* the parent waits until the child execs or exits */
	ROWH(vfork, handler_clone, POL_ALL, RET_PID, SCF_BLOCKS),
	/* returns only on failure */
	ROW(execve, POL_ALL, RET_INT, SCF_EXEC, STR, STRV, STRV),
	ROW(exit, POL_ALL, RET_NORETURN, 0, INT),
	ROW(wait4, POL_LEADER, RET_PID, SCF_BLOCKS | SCF_CHILDWAIT, PID, OUT(SZC(4)), FLAGS, OUT(SZC(144))),
	ROWD(kill, policy_kill, RET_INT, 0, PID, SIG),
	ROW(uname, POL_ALL, RET_INT, 0, OUT(SZC(390))),
	ROW(semget, POL_LEADER, RET_INT, 0, INT, INT, FLAGS),
	/* struct sembuf is 6 bytes */
	ROW(semop, POL_LEADER, RET_INT, SCF_BLOCKS, INT, IN(SZAX(2, 6)), UINT),
	/* the fourth argument is a union semun by value: an int or a pointer */
	ROW(semctl, POL_LEADER, RET_INT, 0, INT, INT, INT, PTR),
	ROW(shmdt, POL_ALL, RET_INT, 0, PTR),
	ROW(msgget, POL_LEADER, RET_INT, 0, INT, FLAGS),
	/* msgp is {long mtype; char mtext[msgsz]}: the last 8 bytes of mtext
	 * are not compared (no size source for msgsz + 8) */
	ROW(msgsnd, POL_LEADER, RET_INT, SCF_BLOCKS, INT, IN(SZA(2)), UINT, FLAGS),
	/* the kernel writes 8 + ret bytes (mtype, then the text): no size
	 * source can say so, and the queue is shared, so no variant may
	 * execute it alone; needs a handler */
	DENY(msgrcv, ENOSYS, 5),
	/* struct msqid_ds in or out by cmd: PTR */
	ROW(msgctl, POL_LEADER, RET_INT, 0, INT, INT, PTR),
	/* RET_INT: only F_DUPFD* return an fd; the handler records it */
	ROWH(fcntl, handler_fcntl, POL_LEADER, RET_INT, SCF_BLOCKS, FD, INT, CUSTOM),
	/* the lock is seen by other processes, and variants locking their own
	 * descriptions of one file would wait for each other: leader only */
	ROW(flock, POL_LEADER, RET_INT, SCF_BLOCKS, FD, FLAGS),
	ROWD(fsync, policy_by_fd, RET_INT, 0, FD),
	ROWD(fdatasync, policy_by_fd, RET_INT, 0, FD),
	ROW(truncate, POL_LEADER, RET_INT, 0, STR, INT),
	/* by fd: a memfd (variant-owned) is sized by every variant */
	ROWD(ftruncate, policy_by_fd, RET_INT, 0, FD, INT),
	ROWD(getdents, policy_by_fd, RET_SIZE, 0, FD, OUT(SZR(2)), UINT),
	/* returns the length including the NUL */
	ROW(getcwd, POL_ALL, RET_SIZE, 0, OUT(SZR(1)), UINT),
	ROW(chdir, POL_ALL, RET_INT, 0, STR),
	ROW(fchdir, POL_ALL, RET_INT, 0, FD),
	ROW(rename, POL_LEADER, RET_INT, 0, STR, STR),
	ROW(mkdir, POL_LEADER, RET_INT, SCF_TMPNAME, STR, OCT),
	ROW(rmdir, POL_LEADER, RET_INT, 0, STR),
	ROWD(creat, policy_open, RET_FD, SCF_BLOCKS, STR, OCT),
	ROW(link, POL_LEADER, RET_INT, 0, STR, STR),
	ROW(unlink, POL_LEADER, RET_INT, 0, STR),
	ROW(symlink, POL_LEADER, RET_INT, 0, STR, STR),
	/* /proc/self links name the leader's objects (pid, fds) */
	ROWD(readlink, policy_own_proc, RET_SIZE, 0, STR, OUT(SZR(2)), UINT),
	ROW(chmod, POL_LEADER, RET_INT, 0, STR, OCT),
	/* mutates the file: once, through the leader's fd to the same file
	 * (a read-only fd is enough, so every variant could) */
	ROW(fchmod, POL_LEADER, RET_INT, 0, FD, OCT),
	ROW(chown, POL_LEADER, RET_INT, 0, STR, INT, INT),
	ROW(fchown, POL_LEADER, RET_INT, 0, FD, INT, INT), /* as fchmod */
	ROW(lchown, POL_LEADER, RET_INT, 0, STR, INT, INT),
	ROW(umask, POL_ALL, RET_INT, 0, OCT),
	ROW(gettimeofday, POL_LEADER, RET_INT, SCF_PURE | SCF_CLOCK, OUT(SZC(16)), OUT(SZC(8))),
	ROW(getrlimit, POL_ALL, RET_INT, 0, INT, OUT(SZC(16))),
	ROW(getrusage, POL_LEADER, RET_INT, 0, INT, OUT(SZC(144))),
	ROW(sysinfo, POL_LEADER, RET_INT, 0, OUT(SZC(112))),
	ROW(times, POL_LEADER, RET_ANY, 0, OUT(SZC(32))),
	DENY(ptrace, EPERM, 4), /* would let a variant tamper with another */
	ROW0(getuid, POL_ALL, RET_INT, 0),
	/* buf is filled by the READ actions (ret bytes) */
	ROW(syslog, POL_LEADER, RET_INT, 0, INT, OUT(SZR(2)), INT),
	ROW0(getgid, POL_ALL, RET_INT, 0),
	/* credentials are per process: every variant changes its own */
	ROW(setuid, POL_ALL, RET_INT, 0, INT),
	ROW(setgid, POL_ALL, RET_INT, 0, INT),
	ROW0(geteuid, POL_ALL, RET_INT, 0),
	ROW0(getegid, POL_ALL, RET_INT, 0),
	ROW(setpgid, POL_ALL, RET_INT, 0, PID, PID),
	ROW0(getppid, POL_MONITOR, RET_PID, 0),
	ROW0(getpgrp, POL_ALL, RET_PID, 0),
	ROW0(setsid, POL_ALL, RET_PID, 0),
	ROW(setreuid, POL_ALL, RET_INT, 0, INT, INT),
	ROW(setregid, POL_ALL, RET_INT, 0, INT, INT),
	ROW(getgroups, POL_ALL, RET_INT, 0, INT, OUT(SZRX(0, 4))),
	ROW(setgroups, POL_ALL, RET_INT, 0, INT, IN(SZAX(0, 4))),
	ROW(setresuid, POL_ALL, RET_INT, 0, INT, INT, INT),
	ROW(getresuid, POL_ALL, RET_INT, 0, OUT(SZC(4)), OUT(SZC(4)), OUT(SZC(4))),
	ROW(setresgid, POL_ALL, RET_INT, 0, INT, INT, INT),
	ROW(getresgid, POL_ALL, RET_INT, 0, OUT(SZC(4)), OUT(SZC(4)), OUT(SZC(4))),
	ROW(getpgid, POL_ALL, RET_PID, 0, PID),
	ROW(setfsuid, POL_ALL, RET_INT, 0, INT),
	ROW(setfsgid, POL_ALL, RET_INT, 0, INT),
	ROW(getsid, POL_ALL, RET_PID, 0, PID),
	/* header {version, pid}: its pid is not translated (0 in practice);
	 * data is 12 or 24 bytes by version, PTR (each variant's own) */
	ROW(capget, POL_ALL, RET_INT, 0, INOUT(SZC(8)), PTR),
	/* only the first 12-byte data struct is compared (v1 has one) */
	ROW(capset, POL_ALL, RET_INT, 0, IN(SZC(8)), IN(SZC(12))),
	ROW(rt_sigpending, POL_ALL, RET_INT, 0, OUT(SZA(1)), UINT),
	ROW(rt_sigtimedwait, POL_ALL, RET_INT, SCF_BLOCKS | SCF_SIGWAIT,
		IN(SZA(3)), OUT(SZC(128)), IN(SZC(16)), UINT),
	/* siginfo carries a sigval that may be a pointer: PTR */
	ROW(rt_sigqueueinfo, POL_ALL, RET_INT, 0, PID, SIG, PTR),
	ROW(rt_sigsuspend, POL_ALL, RET_INT, SCF_BLOCKS | SCF_SIGWAIT, IN(SZA(1)), UINT),
	ROWH(sigaltstack, handler_sigaltstack, POL_ALL, RET_INT, 0, CUSTOM, PTR),
	ROW(utime, POL_LEADER, RET_INT, 0, STR, IN(SZC(16))),
	ROW(mknod, POL_LEADER, RET_INT, 0, STR, OCT, UINT),
	DENY(uselib, ENOSYS, 1), /* obsolete a.out loader */
	ROWH(personality, handler_personality, POL_ALL, RET_INT, 0, FLAGS),
	/* obsolete, still there; free counts change with time: one answer */
	ROW(ustat, POL_LEADER, RET_INT, 0, UINT, OUT(SZC(32))),
	/* free block and inode counts change with time: one answer for all */
	ROW(statfs, POL_LEADER, RET_INT, 0, STR, OUT(SZC(120))),
	ROW(fstatfs, POL_LEADER, RET_INT, 0, FD, OUT(SZC(120))), /* as statfs */
	/* arguments are an int or a string or an out buffer by option: PTR;
	 * read-only and the same for all */
	ROW(sysfs, POL_ALL, RET_INT, 0, INT, PTR, PTR),
	/* who is a pid for PRIO_PROCESS (a pgid or uid otherwise; foreign
	 * numbers make it the leader's) */
	ROW(getpriority, POL_ALL, RET_INT, 0, INT, PID),
	ROW(setpriority, POL_ALL, RET_INT, 0, INT, PID, INT),
	ROW(sched_setparam, POL_ALL, RET_INT, 0, PID, IN(SZC(4))),
	ROW(sched_getparam, POL_ALL, RET_INT, 0, PID, OUT(SZC(4))),
	ROW(sched_setscheduler, POL_ALL, RET_INT, 0, PID, INT, IN(SZC(4))),
	ROW(sched_getscheduler, POL_ALL, RET_INT, 0, PID),
	ROW(sched_get_priority_max, POL_ALL, RET_INT, 0, INT),
	ROW(sched_get_priority_min, POL_ALL, RET_INT, 0, INT),
	ROW(sched_rr_get_interval, POL_ALL, RET_INT, 0, PID, OUT(SZC(16))),
	ROW(mlock, POL_ALL, RET_INT, 0, PTR, UINT),
	ROW(munlock, POL_ALL, RET_INT, 0, PTR, UINT),
	ROW(mlockall, POL_ALL, RET_INT, 0, FLAGS),
	ROW0(munlockall, POL_ALL, RET_INT, 0),
	ROW0(vhangup, POL_LEADER, RET_INT, 0), /* acts on the terminal */
	DENY(modify_ldt, EPERM, 3), /* segments would bypass the layout */
	ROW(pivot_root, POL_LEADER, RET_INT, 0, STR, STR), /* whole namespace */
	DENY(_sysctl, ENOSYS, 1), /* removed in 5.5 */
	/* arguments 2-5 are values or pointers by option: NULL-ness only */
	ROWH(prctl, handler_prctl, POL_ALL, RET_INT, 0, INT, PTR, PTR, PTR, PTR),
	/* ARCH_SET_FS and friends take layout-dependent addresses */
	ROW(arch_prctl, POL_ALL, RET_INT, 0, INT, PTR),
	ROW(adjtimex, POL_LEADER, RET_INT, 0, INOUT(SZC(208))),
	ROW(setrlimit, POL_ALL, RET_INT, 0, INT, IN(SZC(16))),
	ROW(chroot, POL_ALL, RET_INT, 0, STR), /* per process, like chdir */
	ROW0(sync, POL_LEADER, RET_INT, 0),
	ROW(acct, POL_LEADER, RET_INT, 0, STR),
	ROW(settimeofday, POL_LEADER, RET_INT, 0, IN(SZC(16)), IN(SZC(8))),
	/* data is file-system specific (usually a string): PTR */
	ROW(mount, POL_LEADER, RET_INT, 0, STR, STR, STR, FLAGS, PTR),
	ROW(umount2, POL_LEADER, RET_INT, 0, STR, FLAGS),
	ROW(swapon, POL_LEADER, RET_INT, 0, STR, FLAGS),
	ROW(swapoff, POL_LEADER, RET_INT, 0, STR),
	ROW(reboot, POL_LEADER, RET_INT, 0, UINT, UINT, UINT, PTR),
	ROW(sethostname, POL_LEADER, RET_INT, 0, IN(SZA(1)), UINT),
	ROW(setdomainname, POL_LEADER, RET_INT, 0, IN(SZA(1)), UINT),
	DENY(iopl, EPERM, 1), /* raw port access */
	DENY(ioperm, EPERM, 3),
	DENY(create_module, ENOSYS, 2), /* removed in 2.6 */
	DENY(init_module, EPERM, 3), /* kernel code */
	DENY(delete_module, EPERM, 2),
	DENY(get_kernel_syms, ENOSYS, 1), /* removed in 2.6 */
	DENY(query_module, ENOSYS, 5), /* removed in 2.6 */
	/* addr is a struct of the command's choosing: PTR, so the
	 * followers do not get Q_GET* results */
	ROW(quotactl, POL_LEADER, RET_INT, 0, FLAGS, STR, INT, PTR),
	DENY(nfsservctl, ENOSYS, 3), /* removed in 3.1 */
	DENY(getpmsg, ENOSYS, 5), /* never implemented */
	DENY(putpmsg, ENOSYS, 5),
	DENY(afs_syscall, ENOSYS, 5),
	DENY(tuxcall, ENOSYS, 3),
	DENY(security, ENOSYS, 3),
	ROW0(gettid, POL_MONITOR, RET_PID, 0),
	ROWD(readahead, policy_by_fd, RET_INT, 0, FD, INT, UINT),
	ROW(setxattr, POL_LEADER, RET_INT, 0, STR, STR, IN(SZA(3)), UINT, FLAGS),
	ROW(lsetxattr, POL_LEADER, RET_INT, 0, STR, STR, IN(SZA(3)), UINT, FLAGS),
	/* as fchmod; every variant's XATTR_CREATE would not succeed */
	ROW(fsetxattr, POL_LEADER, RET_INT, 0, FD, STR, IN(SZA(3)), UINT, FLAGS),
	ROW(getxattr, POL_ALL, RET_SIZE, 0, STR, STR, OUT(SZR(3)), UINT),
	ROW(lgetxattr, POL_ALL, RET_SIZE, 0, STR, STR, OUT(SZR(3)), UINT),
	ROWD(fgetxattr, policy_by_fd, RET_SIZE, 0, FD, STR, OUT(SZR(3)), UINT),
	ROW(listxattr, POL_ALL, RET_SIZE, 0, STR, OUT(SZR(2)), UINT),
	ROW(llistxattr, POL_ALL, RET_SIZE, 0, STR, OUT(SZR(2)), UINT),
	ROWD(flistxattr, policy_by_fd, RET_SIZE, 0, FD, OUT(SZR(2)), UINT),
	ROW(removexattr, POL_LEADER, RET_INT, 0, STR, STR),
	ROW(lremovexattr, POL_LEADER, RET_INT, 0, STR, STR),
	ROW(fremovexattr, POL_LEADER, RET_INT, 0, FD, STR), /* as fchmod */
	ROW(tkill, POL_ALL, RET_INT, 0, PID, SIG),
	ROW(time, POL_LEADER, RET_ANY, SCF_PURE | SCF_CLOCK, OUT(SZC(8))),
	/* uaddr, op, val, timeout or val2, uaddr2, val3 */
	/* which of arguments 2-5 mean anything depends on the op */
	/* how often threads wait and wake depends on how they were scheduled,
	 * not on the program: each variant runs its own, unsynchronised */
	ROW(futex, POL_ALL, RET_ANY, SCF_BLOCKS | SCF_UNSYNC, PTR, FLAGS, UINT, PTR, PTR, UINT),
	ROW(sched_setaffinity, POL_ALL, RET_INT, 0, PID, UINT, IN(SZA(1))),
	/* returns the bytes of mask written */
	ROW(sched_getaffinity, POL_ALL, RET_SIZE, 0, PID, UINT, OUT(SZR(1))),
	DENY(set_thread_area, ENOSYS, 1), /* i386 TLS, not on x86_64 */
	/* kernel AIO: completions outside the lockstep */
	DENY(io_setup, ENOSYS, 2),
	DENY(io_destroy, ENOSYS, 1),
	DENY(io_getevents, ENOSYS, 5),
	DENY(io_submit, ENOSYS, 3),
	DENY(io_cancel, ENOSYS, 3),
	DENY(get_thread_area, ENOSYS, 1),
	DENY(lookup_dcookie, EPERM, 3), /* profiling, removed in 6.10 */
	ROW(epoll_create, POL_ALL, RET_FD, SCF_LEADER_FD, INT),
	DENY(epoll_ctl_old, ENOSYS, 4), /* never implemented */
	DENY(epoll_wait_old, ENOSYS, 4),
	ROW(remap_file_pages, POL_ALL, RET_INT, 0, PTR, UINT, FLAGS, UINT, FLAGS),
	ROWD(getdents64, policy_by_fd, RET_SIZE, 0, FD, OUT(SZR(2)), UINT),
	ROW(set_tid_address, POL_ALL, RET_PID, 0, PTR),
	/* the kernel's continuation of an interrupted call (nanosleep,
	 * futex, poll...): the monitor must match it to that call */
	ROW0(restart_syscall, POL_ALL, RET_ANY, SCF_BLOCKS),
	ROW(semtimedop, POL_LEADER, RET_INT, SCF_BLOCKS, INT, IN(SZAX(2, 6)), UINT, IN(SZC(16))),
	ROWD(fadvise64, policy_by_fd, RET_INT, 0, FD, INT, UINT, INT),
	/* POSIX timers live in the leader only, like alarm and setitimer */
	ROWH(timer_create, handler_sigevent, POL_LEADER, RET_INT, 0, INT, CUSTOM, OUT(SZC(4))),
	ROW(timer_settime, POL_LEADER, RET_INT, 0, INT, FLAGS, IN(SZC(32)), OUT(SZC(32))),
	ROW(timer_gettime, POL_LEADER, RET_INT, 0, INT, OUT(SZC(32))), /* time left */
	ROW(timer_getoverrun, POL_LEADER, RET_ANY, 0, INT), /* timing */
	ROW(timer_delete, POL_LEADER, RET_INT, 0, INT),
	ROW(clock_settime, POL_LEADER, RET_INT, 0, INT, IN(SZC(16))),
	ROW(clock_gettime, POL_LEADER, RET_INT, SCF_PURE | SCF_CLOCK, INT, OUT(SZC(16))),
	ROW(clock_getres, POL_LEADER, RET_INT, SCF_PURE, INT, OUT(SZC(16))),
	ROW(clock_nanosleep, POL_LEADER, RET_INT, SCF_BLOCKS,
		INT, FLAGS, IN(SZC(16)), OUT(SZC(16))),
	ROW(exit_group, POL_ALL, RET_NORETURN, 0, INT),
	/* struct epoll_event is 12 bytes, packed */
	ROWH(epoll_wait, handler_epoll_wait, POL_LEADER, RET_INT, SCF_BLOCKS,
		FD, OUT(SZRX(2, 12)), INT, INT),
	/* the event's data is often a pointer: the handler compares events */
	ROWH(epoll_ctl, handler_epoll_ctl, POL_LEADER, RET_INT, 0, FD, INT, FD, CUSTOM),
	ROW(tgkill, POL_ALL, RET_INT, 0, PID, PID, SIG),
	ROW(utimes, POL_LEADER, RET_INT, 0, STR, IN(SZC(32))),
	DENY(vserver, ENOSYS, 5), /* never implemented */
	/* nodemask is maxnode bits in longs: no exact size source, PTR */
	ROW(mbind, POL_ALL, RET_INT, 0, PTR, UINT, INT, PTR, UINT, FLAGS),
	ROW(set_mempolicy, POL_ALL, RET_INT, 0, INT, PTR, UINT),
	ROW(get_mempolicy, POL_ALL, RET_INT, 0, OUT(SZC(4)), PTR, UINT, PTR, FLAGS),
	/* a named queue, outside the program: the leader's (followers get
	 * placeholder fds) */
	ROW(mq_open, POL_LEADER, RET_FD, 0, STR, FLAGS, OCT, IN(SZC(64))),
	ROW(mq_unlink, POL_LEADER, RET_INT, 0, STR),
	ROWD(mq_timedsend, policy_by_fd, RET_INT, SCF_BLOCKS,
		FD, IN(SZA(2)), UINT, UINT, IN(SZC(16))),
	ROWD(mq_timedreceive, policy_by_fd, RET_SIZE, SCF_BLOCKS,
		FD, OUT(SZR(2)), UINT, OUT(SZC(4)), IN(SZC(16))),
	/* the queue lives in the leader */
	ROWH(mq_notify, handler_sigevent, POL_LEADER, RET_INT, 0, FD, CUSTOM),
	ROWD(mq_getsetattr, policy_by_fd, RET_INT, 0, FD, IN(SZC(64)), OUT(SZC(64))),
	DENY(kexec_load, EPERM, 4), /* replaces the kernel */
	/* the child's pid in the siginfo is each variant's own; with P_PIDFD
	 * the id is an fd, not a pid */
	ROW(waitid, POL_LEADER, RET_INT, SCF_BLOCKS | SCF_CHILDWAIT, INT, PID, OUT(SZC(128)), FLAGS, OUT(SZC(144))),
	/* keys are kernel objects shared by the session: once */
	ROW(add_key, POL_LEADER, RET_INT, 0, STR, STR, IN(SZA(3)), UINT, INT),
	ROW(request_key, POL_LEADER, RET_INT, 0, STR, STR, STR, INT),
	/* arguments are serials, lengths or pointers by operation: PTR, so
	 * the followers do not get KEYCTL_READ/DESCRIBE buffers */
	ROW(keyctl, POL_LEADER, RET_INT, 0, INT, PTR, PTR, PTR, PTR),
	ROW(ioprio_set, POL_ALL, RET_INT, 0, INT, PID, INT),
	ROW(ioprio_get, POL_ALL, RET_INT, 0, INT, PID),
	ROW0(inotify_init, POL_ALL, RET_FD, SCF_LEADER_FD),
	ROWD(inotify_add_watch, policy_by_fd, RET_INT, 0, FD, STR, FLAGS),
	ROWD(inotify_rm_watch, policy_by_fd, RET_INT, 0, FD, INT),
	ROW(migrate_pages, POL_ALL, RET_INT, 0, PID, UINT, PTR, PTR),
	ROWD(openat, policy_open, RET_FD, SCF_BLOCKS | SCF_TMPNAME, FD, STR, FLAGS, OMODE),
	ROW(mkdirat, POL_LEADER, RET_INT, SCF_TMPNAME, FD, STR, OCT),
	ROW(mknodat, POL_LEADER, RET_INT, 0, FD, STR, OCT, UINT),
	ROW(fchownat, POL_LEADER, RET_INT, 0, FD, STR, INT, INT, FLAGS),
	ROW(futimesat, POL_LEADER, RET_INT, 0, FD, STR, IN(SZC(32))),
	ROWD(newfstatat, policy_at, RET_INT, 0, FD, STR, OUT(SZC(144)), FLAGS),
	ROW(unlinkat, POL_LEADER, RET_INT, 0, FD, STR, FLAGS),
	ROW(renameat, POL_LEADER, RET_INT, 0, FD, STR, FD, STR),
	ROW(linkat, POL_LEADER, RET_INT, 0, FD, STR, FD, STR, FLAGS),
	ROW(symlinkat, POL_LEADER, RET_INT, 0, STR, FD, STR),
	ROWD(readlinkat, policy_own_proc, RET_SIZE, 0, FD, STR, OUT(SZR(3)), UINT),
	ROW(fchmodat, POL_LEADER, RET_INT, 0, FD, STR, OCT),
	ROW(faccessat, POL_ALL, RET_INT, 0, FD, STR, FLAGS),
	/* the sixth argument is {sigset pointer, size}: the handler's */
	ROWH(pselect6, handler_pselect, POL_LEADER, RET_INT, SCF_BLOCKS,
		INT, INOUT(SZFDS(0)), INOUT(SZFDS(0)), INOUT(SZFDS(0)), INOUT(SZC(16)), CUSTOM),
	ROW(ppoll, POL_LEADER, RET_INT, SCF_BLOCKS,
		INOUT(SZAX(1, 8)), UINT, INOUT(SZC(16)), IN(SZA(4)), UINT),
	ROW(unshare, POL_ALL, RET_INT, 0, FLAGS),
	ROW(set_robust_list, POL_ALL, RET_INT, 0, PTR, UINT),
	/* the head is a pointer into each variant's own memory */
	ROW(get_robust_list, POL_ALL, RET_INT, 0, PID, PTR, OUT(SZC(8))),
	ROWD(splice, policy_by_fd, RET_SIZE, SCF_BLOCKS,
		FD, INOUT(SZC(8)), FD, INOUT(SZC(8)), UINT, FLAGS),
	ROWD(tee, policy_by_fd, RET_SIZE, SCF_BLOCKS, FD, FD, UINT, FLAGS),
	ROWD(sync_file_range, policy_by_fd, RET_INT, 0, FD, INT, INT, FLAGS),
	/* the buffers are read when fd is a pipe's write end (the usual
	 * case); on a read end vmsplice fills them and they are not
	 * replicated */
	ROWD(vmsplice, policy_by_fd, RET_SIZE, SCF_BLOCKS, FD, IOV_IN(2), UINT, FLAGS),
	/* pages is an array of pointers */
	ROW(move_pages, POL_ALL, RET_INT, 0,
		PID, UINT, PTR, IN(SZAX(1, 4)), OUT(SZAX(1, 4)), FLAGS),
	ROW(utimensat, POL_LEADER, RET_INT, 0, FD, STR, IN(SZC(32)), FLAGS),
	ROWH(epoll_pwait, handler_epoll_wait, POL_LEADER, RET_INT, SCF_BLOCKS,
		FD, OUT(SZRX(2, 12)), INT, INT, IN(SZA(5)), UINT),
	ROW(signalfd, POL_ALL, RET_FD, SCF_LEADER_FD, FD, IN(SZA(2)), UINT),
	ROW(timerfd_create, POL_ALL, RET_FD, SCF_LEADER_FD, INT, FLAGS),
	ROW(eventfd, POL_ALL, RET_FD, SCF_LEADER_FD, UINT),
	ROWD(fallocate, policy_by_fd, RET_INT, 0, FD, FLAGS, INT, INT),
	ROWD(timerfd_settime, policy_by_fd, RET_INT, 0, FD, FLAGS, IN(SZC(32)), OUT(SZC(32))),
	ROWD(timerfd_gettime, policy_by_fd, RET_INT, 0, FD, OUT(SZC(32))),
	ROWD(accept4, policy_by_fd, RET_FD, SCF_BLOCKS, FD, OUT(SZP(2)), INOUT(SZC(4)), FLAGS),
	ROW(signalfd4, POL_ALL, RET_FD, SCF_LEADER_FD, FD, IN(SZA(2)), UINT, FLAGS),
	ROW(eventfd2, POL_ALL, RET_FD, SCF_LEADER_FD, UINT, FLAGS),
	ROW(epoll_create1, POL_ALL, RET_FD, SCF_LEADER_FD, FLAGS),
	ROW(dup3, POL_ALL, RET_FD, SCF_FDTABLE, DUPFD, FD, FLAGS),
	ROW(pipe2, POL_ALL, RET_INT, SCF_LEADER_FD, FDPAIR, FLAGS),
	ROW(inotify_init1, POL_ALL, RET_FD, SCF_LEADER_FD, FLAGS),
	ROWD(preadv, policy_by_fd, RET_SIZE, SCF_MONIO, FD, IOV_OUT(2), UINT, INT, INT),
	ROWD(pwritev, policy_by_fd, RET_SIZE, SCF_MONIO, FD, IOV_IN(2), UINT, INT, INT),
	ROW(rt_tgsigqueueinfo, POL_ALL, RET_INT, 0, PID, PID, SIG, PTR), /* sigval */
	DENY(perf_event_open, EPERM, 5), /* counters see the monitor */
	ROWH(recvmmsg, handler_recvmmsg, POL_LEADER, RET_INT, SCF_BLOCKS,
		FD, CUSTOM, UINT, FLAGS, INOUT(SZC(16))),
	ROW(fanotify_init, POL_ALL, RET_FD, SCF_LEADER_FD, FLAGS, FLAGS),
	ROWD(fanotify_mark, policy_by_fd, RET_INT, 0, FD, FLAGS, FLAGS, FD, STR),
	ROW(prlimit64, POL_ALL, RET_INT, 0, PID, INT, IN(SZC(16)), OUT(SZC(16))),
	/* handle_bytes is in-band, handle_type is uninitialised at entry, and
	 * mount_id may be 4 or 8 bytes: PTR; every variant reads its own
	 * handle (a placeholder reopens the same file) */
	ROW(name_to_handle_at, POL_ALL, RET_INT, 0, FD, STR, PTR, PTR, FLAGS),
	/* opens by handle with any flags: the leader's, as for writing;
	 * handle_bytes bytes of the handle are compared */
	ROW(open_by_handle_at, POL_LEADER, RET_FD, 0, FD, IN(SZP(1)), FLAGS),
	ROW(clock_adjtime, POL_LEADER, RET_INT, 0, INT, INOUT(SZC(208))),
	ROWD(syncfs, policy_by_fd, RET_INT, 0, FD),
	ROWH(sendmmsg, handler_sendmmsg, POL_LEADER, RET_INT, SCF_BLOCKS, FD, CUSTOM, UINT, FLAGS),
	ROW(setns, POL_ALL, RET_INT, 0, FD, FLAGS),
	/* the CPU a variant runs on is not deterministic: one answer */
	ROW(getcpu, POL_LEADER, RET_INT, 0, OUT(SZC(4)), OUT(SZC(4)), PTR),
	DENY(process_vm_readv, EPERM, 6), /* would read another variant */
	DENY(process_vm_writev, EPERM, 6),
	ROW(kcmp, POL_ALL, RET_INT, 0, PID, PID, INT, UINT, UINT),
	DENY(finit_module, EPERM, 3),
	/* the struct's first field is its size */
	ROW(sched_setattr, POL_ALL, RET_INT, 0, PID, IN(SZP(1)), FLAGS),
	ROW(sched_getattr, POL_ALL, RET_INT, 0, PID, OUT(SZA(2)), UINT, FLAGS),
	ROW(renameat2, POL_LEADER, RET_INT, 0, FD, STR, FD, STR, FLAGS),
	/* struct sock_fprog holds a pointer; NEW_LISTENER's fd is each
	 * variant's own */
	ROW(seccomp, POL_ALL, RET_INT, 0, INT, FLAGS, PTR),
	ROW(getrandom, POL_LEADER, RET_SIZE, SCF_PURE, OUT(SZR(1)), UINT, FLAGS),
	ROW(memfd_create, POL_ALL, RET_FD, 0, STR, FLAGS), /* private memory */
	DENY(kexec_file_load, EPERM, 5),
	DENY(bpf, EPERM, 3), /* kernel programs, maps shared outside */
	ROW(execveat, POL_ALL, RET_INT, SCF_EXEC, FD, STR, STRV, STRV, FLAGS),
	DENY(userfaultfd, EPERM, 1), /* page faults served outside lockstep */
	ROW(membarrier, POL_ALL, RET_INT, 0, INT, FLAGS, INT),
	ROW(mlock2, POL_ALL, RET_INT, 0, PTR, UINT, FLAGS),
	ROWD(copy_file_range, policy_by_fd, RET_SIZE, 0,
		FD, INOUT(SZC(8)), FD, INOUT(SZC(8)), UINT, FLAGS),
	/* offset -1 reads at the file position, pipes and sockets too */
	ROWD(preadv2, policy_by_fd, RET_SIZE, SCF_BLOCKS | SCF_MONIO, FD, IOV_OUT(2), UINT, INT, INT, FLAGS),
	ROWD(pwritev2, policy_by_fd, RET_SIZE, SCF_BLOCKS | SCF_MONIO, FD, IOV_IN(2), UINT, INT, INT, FLAGS),
	ROW(pkey_mprotect, POL_ALL, RET_INT, 0, PTR, UINT, FLAGS, INT),
	ROW(pkey_alloc, POL_ALL, RET_INT, 0, FLAGS, FLAGS),
	ROW(pkey_free, POL_ALL, RET_INT, 0, INT),
	/* mask is UINT: policy_at takes the last FLAGS for the AT_* flags */
	ROWD(statx, policy_at, RET_INT, 0, FD, STR, FLAGS, UINT, OUT(SZC(256))),
	DENY(io_pgetevents, ENOSYS, 6),
	/* struct rseq is per thread and its address differs by layout */
	ROW(rseq, POL_ALL, RET_INT, 0, PTR, UINT, FLAGS, UINT),
	/* the pidfd is leader-owned (pidfd_open): the leader signals once */
	ROWD(pidfd_send_signal, policy_by_fd, RET_INT, 0, FD, SIG, PTR, FLAGS),
	/* io_uring: requests run outside the lockstep */
	DENY(io_uring_setup, ENOSYS, 2),
	DENY(io_uring_enter, ENOSYS, 6),
	DENY(io_uring_register, ENOSYS, 4),
	/* the new mount API: mount objects outside the program, once */
	ROW(open_tree, POL_LEADER, RET_FD, 0, FD, STR, FLAGS),
	ROW(move_mount, POL_LEADER, RET_INT, 0, FD, STR, FD, STR, FLAGS),
	ROW(fsopen, POL_LEADER, RET_FD, 0, STR, FLAGS),
	/* value is a string, a blob, a path or nothing by cmd: PTR */
	ROW(fsconfig, POL_LEADER, RET_INT, 0, FD, UINT, STR, PTR, INT),
	ROW(fsmount, POL_LEADER, RET_FD, 0, FD, FLAGS, FLAGS),
	ROW(fspick, POL_LEADER, RET_FD, 0, FD, STR, FLAGS),
	ROW(pidfd_open, POL_ALL, RET_FD, SCF_LEADER_FD, PID, FLAGS),
	/* struct clone_args holds pointers: the handler's */
	ROWH(clone3, handler_clone, POL_ALL, RET_PID, 0, CUSTOM, UINT),
	ROW(close_range, POL_ALL, RET_INT, SCF_FDTABLE, UINT, UINT, FLAGS),
	/* struct open_how: flags, mode, resolve (no pointers) */
	ROWD(openat2, policy_open, RET_FD, SCF_BLOCKS, FD, STR, IN(SZA(3)), UINT),
	DENY(pidfd_getfd, EPERM, 3), /* steals another process's fd */
	/* honours AT_EMPTY_PATH; mode is INT so flags is the last FLAGS */
	ROWD(faccessat2, policy_at, RET_INT, 0, FD, STR, INT, FLAGS),
	DENY(process_madvise, EPERM, 5), /* acts on another process */
	ROWH(epoll_pwait2, handler_epoll_wait, POL_LEADER, RET_INT, SCF_BLOCKS,
		FD, OUT(SZRX(2, 12)), INT, IN(SZC(16)), IN(SZA(5)), UINT),
	/* struct mount_attr: four u64, no pointers */
	ROW(mount_setattr, POL_LEADER, RET_INT, 0, FD, STR, FLAGS, IN(SZA(4)), UINT),
	ROW(quotactl_fd, POL_LEADER, RET_INT, 0, FD, FLAGS, INT, PTR), /* as quotactl */
	/* a ruleset is private to the process that builds it: every
	 * variant builds and enforces its own */
	ROW(landlock_create_ruleset, POL_ALL, RET_FD, 0, IN(SZA(1)), UINT, FLAGS),
	/* path-beneath attr is 12 bytes packed; the 16-byte net-port attr
	 * is compared on its first 12 */
	ROW(landlock_add_rule, POL_ALL, RET_INT, 0, FD, INT, IN(SZC(12)), FLAGS),
	ROW(landlock_restrict_self, POL_ALL, RET_INT, 0, FD, FLAGS),
	ROW(memfd_secret, POL_ALL, RET_FD, 0, FLAGS), /* private memory */
	ROWD(process_mrelease, policy_by_fd, RET_INT, 0, FD, FLAGS),
	/* struct futex_waitv holds the futex addresses */
	ROW(futex_waitv, POL_ALL, RET_ANY, SCF_BLOCKS | SCF_UNSYNC, PTR, UINT, FLAGS, IN(SZC(16)), INT),
	ROW(set_mempolicy_home_node, POL_ALL, RET_INT, 0, PTR, UINT, UINT, FLAGS),
	/* page-cache counts change with time: one answer (struct cachestat
	 * is five u64) */
	ROW(cachestat, POL_LEADER, RET_INT, 0, FD, IN(SZC(16)), OUT(SZC(40)), FLAGS),
	ROW(fchmodat2, POL_LEADER, RET_INT, 0, FD, STR, OCT, FLAGS),
	ROW(map_shadow_stack, POL_ALL, RET_ADDR, 0, PTR, UINT, FLAGS),
	ROW(futex_wake, POL_ALL, RET_ANY, SCF_UNSYNC, PTR, UINT, INT, FLAGS),
	ROW(futex_wait, POL_ALL, RET_ANY, SCF_BLOCKS | SCF_UNSYNC, PTR, UINT, UINT, FLAGS, IN(SZC(16)), INT),
	ROW(futex_requeue, POL_ALL, RET_ANY, SCF_UNSYNC, PTR, FLAGS, INT, INT), /* waitv[2] */
	/* the request's first field is its size; the reply's length is in
	 * the reply: PTR (each variant reads its own) */
	ROW(statmount, POL_ALL, RET_INT, 0, IN(SZP(0)), PTR, UINT, FLAGS),
	ROW(listmount, POL_ALL, RET_INT, 0, IN(SZP(0)), OUT(SZRX(2, 8)), UINT, FLAGS),
	ROW(lsm_get_self_attr, POL_ALL, RET_INT, 0, UINT, PTR, INOUT(SZC(4)), FLAGS),
	ROW(lsm_set_self_attr, POL_ALL, RET_INT, 0, UINT, IN(SZA(2)), UINT, FLAGS),
	ROW(lsm_list_modules, POL_ALL, RET_INT, 0, PTR, INOUT(SZC(4)), FLAGS),
	ROW(mseal, POL_ALL, RET_INT, 0, PTR, UINT, FLAGS),
	/* struct xattr_args holds the value's address: PTR */
	ROW(setxattrat, POL_LEADER, RET_INT, 0, FD, STR, FLAGS, STR, PTR, UINT),
	/* as getxattr; the value goes through xattr_args: every variant
	 * reads its own */
	ROW(getxattrat, POL_ALL, RET_SIZE, 0, FD, STR, FLAGS, STR, PTR, UINT),
	ROWD(listxattrat, policy_at, RET_SIZE, 0, FD, STR, FLAGS, OUT(SZR(4)), UINT),
	ROW(removexattrat, POL_LEADER, RET_INT, 0, FD, STR, FLAGS, STR),
	ROW(open_tree_attr, POL_LEADER, RET_FD, 0, FD, STR, FLAGS, IN(SZA(4)), UINT),
	/* struct file_attr is written up to usize (zero-filled) */
	ROWD(file_getattr, policy_at, RET_INT, 0, FD, STR, OUT(SZA(3)), UINT, FLAGS),
	ROW(file_setattr, POL_LEADER, RET_INT, 0, FD, STR, IN(SZA(3)), UINT, FLAGS),
};
/* clang-format on */

const struct sc_row *systable_row(long nr)
{
	if (nr < 0 || nr >= SC_MAX_NR || !systable[nr].name)
		return NULL;
	return &systable[nr];
}

int arg_of(const struct sc_row *r, int kind)
{
	int i;

	for (i = 0; r && i < r->nargs; i++)
		if (r->arg[i].kind == kind)
			return i;
	return -1;
}

bool row_has(const struct sc_row *r, int kind)
{
	return arg_of(r, kind) >= 0;
}
