/* tmem.h - all reads and writes of tracee memory go through here. */
#ifndef MVEE_TMEM_H
#define MVEE_TMEM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* bytes read (short on a fault), or -errno when nothing could be read */
ssize_t tmem_read(pid_t tid, uint64_t addr, void *buf, size_t len);
ssize_t tmem_read_written(pid_t tid, uint64_t addr, void *buf, size_t len);
ssize_t tmem_write_user(pid_t tid, uint64_t addr, const void *buf, size_t len);
/* bytes written, or -errno */
ssize_t tmem_write(pid_t tid, uint64_t addr, const void *buf, size_t len);
/* NUL-terminated string of at most max bytes (NUL included) into buf:
 * its length without the NUL, -ENAMETOOLONG when no NUL within max, or
 * -EFAULT */
ssize_t tmem_string(pid_t tid, uint64_t addr, char *buf, size_t max);

#endif
