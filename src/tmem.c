/* tmem.c - tracee memory access: process_vm_readv/writev, with
 * PTRACE_PEEKDATA/POKEDATA only as the fallback (10x-400x slower, see
 * DESIGN.md). Reads never cross into a fault silently: a short count says
 * where the readable part ends. */
#include "tmem.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

#define PAGE 4096UL

static ssize_t peek_read(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		uint64_t a = addr + done;
		uint64_t base = a & ~7UL;
		long word;
		size_t off = a - base, n = 8 - off;

		errno = 0;
		word = ptrace(PTRACE_PEEKDATA, tid, base, 0);
		if (errno)
			return done ? (ssize_t)done : -EFAULT;
		if (n > len - done)
			n = len - done;
		memcpy((char *)buf + done, (char *)&word + off, n);
		done += n;
	}
	return (ssize_t)done;
}

static ssize_t vm_read(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	struct iovec l = { buf, len };
	struct iovec r = { (void *)(uintptr_t)addr, len };

	return process_vm_readv(tid, &l, 1, &r, 1, 0);
}

/* read on from done, a page at a time, until a page fails; the bytes read
 * in all, or -EFAULT for none */
static ssize_t by_page(ssize_t (*rd)(pid_t, uint64_t, void *, size_t),
		       pid_t tid, uint64_t addr, void *buf, size_t len,
		       size_t done)
{
	while (done < len) {
		size_t chunk = PAGE - ((addr + done) & (PAGE - 1));
		ssize_t n;

		if (chunk > len - done)
			chunk = len - done;
		n = rd(tid, addr + done, (char *)buf + done, chunk);
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	return done ? (ssize_t)done : -EFAULT;
}

/* process_vm_readv never splits one iovec element at a fault: try the
 * whole range, and after a failure go page by page to find its end */
ssize_t tmem_read(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	size_t done = 0;
	ssize_t n;

	if (len == 0)
		return 0;
	n = vm_read(tid, addr, buf, len);
	if (n == (ssize_t)len)
		return n;
	if (n < 0 && (errno == ENOSYS || errno == EPERM))
		return peek_read(tid, addr, buf, len);
	if (n > 0)
		done = (size_t)n;
	return by_page(vm_read, tid, addr, buf, len, done);
}

static ssize_t poke_write(pid_t tid, uint64_t addr, const void *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		uint64_t a = addr + done;
		uint64_t base = a & ~7UL;
		size_t off = a - base, n = 8 - off;
		long word = 0;

		if (n > len - done)
			n = len - done;
		if (off || n < 8) {
			errno = 0;
			word = ptrace(PTRACE_PEEKDATA, tid, base, 0);
			if (errno)
				return -EFAULT;
		}
		memcpy((char *)&word + off, (const char *)buf + done, n);
		if (ptrace(PTRACE_POKEDATA, tid, base, word))
			return -EFAULT;
		done += n;
	}
	return (ssize_t)done;
}

/* process_vm_writev, and ptrace's forced writes where it cannot be used
 * (ENOSYS, EPERM) or, with force, wherever it fails */
static ssize_t write_mem(pid_t tid, uint64_t addr, const void *buf, size_t len,
			 bool force)
{
	struct iovec l = { (void *)buf, len };
	struct iovec r = { (void *)(uintptr_t)addr, len };
	ssize_t n;

	if (len == 0)
		return 0;
	n = process_vm_writev(tid, &l, 1, &r, 1, 0);
	if (n == (ssize_t)len)
		return n;
	if (force || (n < 0 && (errno == ENOSYS || errno == EPERM)))
		return poke_write(tid, addr, buf, len);
	return n < 0 ? -EFAULT : n;
}

/* mvee's own writes: read-only pages too (a follower's output buffer
 * never is, but the stack/auxv at exec may be) */
ssize_t tmem_write(pid_t tid, uint64_t addr, const void *buf, size_t len)
{
	return write_mem(tid, addr, buf, len, true);
}

/* Write as the kernel would for a call: a read-only or PROT_NONE page is
 * a fault (EFAULT for the call), not something to force through. */
ssize_t tmem_write_user(pid_t tid, uint64_t addr, const void *buf, size_t len)
{
	return write_mem(tid, addr, buf, len, false);
}

ssize_t tmem_string(pid_t tid, uint64_t addr, char *buf, size_t max)
{
	size_t done = 0;

	while (done < max) {
		size_t chunk = PAGE - ((addr + done) & (PAGE - 1));
		ssize_t n;
		char *nul;

		if (chunk > max - done)
			chunk = max - done;
		n = tmem_read(tid, addr + done, buf + done, chunk);
		if (n <= 0)
			return -EFAULT;
		nul = memchr(buf + done, 0, (size_t)n);
		if (nul)
			return nul - buf;
		done += (size_t)n;
		if ((size_t)n < chunk)
			return -EFAULT;
	}
	if (max)
		buf[max - 1] = 0;
	return -ENAMETOOLONG;
}

/* What a call wrote into tracee memory: as tmem_read, but a page that
 * process_vm_readv refuses is read through ptrace, whose forced access
 * also reads a write-only mapping (PROT_WRITE alone: no VM_READ), which
 * the kernel writes for a call. Only for bytes the kernel wrote: forced
 * access would read PROT_NONE pages as well. */
ssize_t tmem_read_written(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	ssize_t n = tmem_read(tid, addr, buf, len);

	if (len == 0)
		return 0;
	return by_page(peek_read, tid, addr, buf, len, n > 0 ? (size_t)n : 0);
}
