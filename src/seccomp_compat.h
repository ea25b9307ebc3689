/* seccomp_compat.h - the seccomp user-notification constants of Linux 5.19
 * and 6.6 that older kernel headers lack, for notify.c and for the
 * standalone bench/notify_floor.c. */
#ifndef MVEE_SECCOMP_COMPAT_H
#define MVEE_SECCOMP_COMPAT_H

#include <linux/seccomp.h>

#ifndef SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV
#define SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV (1UL << 5)
#endif
#ifndef SECCOMP_IOCTL_NOTIF_SET_FLAGS
#define SECCOMP_IOCTL_NOTIF_SET_FLAGS SECCOMP_IOW(4, __u64)
#endif
#ifndef SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP
#define SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP (1UL << 0)
#endif

#endif
