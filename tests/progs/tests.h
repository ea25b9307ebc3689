/* tests.h - what the test programs share: a scratch directory, calls shown
 * the strace way ("name = ret" or "name = -1 ENAME"), and checks that stop
 * the program with a FAIL line when a result is not the expected one.
 *
 * Every program prints only facts that are the same on every run: no
 * addresses, pids, times, inode numbers or paths. */
#ifndef MVEE_TESTS_H
#define MVEE_TESTS_H

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* junk for arguments the kernel ignores */
#define JUNK ((long)0xbadc0ffee0ddf00dUL)

static inline const char *ename(int e)
{
	const char *s = strerrorname_np(e);

	return s ? s : "E?";
}

static inline void __attribute__((noreturn, format(printf, 2, 3)))
fail_at(int line, const char *fmt, ...)
{
	va_list ap;

	printf("FAIL (line %d): ", line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	exit(1);
}

#define fail(...) fail_at(__LINE__, __VA_ARGS__)

/* print "label = ret", or "label = -1 ENAME" when the call failed */
static inline long show_ret(const char *label, long ret, int err)
{
	if (ret == -1)
		printf("%s = -1 %s\n", label, ename(err));
	else
		printf("%s = %ld\n", label, ret);
	return ret;
}

#define SHOW(label, expr)                \
	({                               \
		long r_;                 \
		int e_;                  \
		errno = 0;               \
		r_ = (long)(expr);       \
		e_ = errno;              \
		show_ret(label, r_, e_); \
		errno = e_;              \
		r_;                      \
	})

/* a call that must succeed; its result is returned, not printed */
#define OK(expr)                                                 \
	({                                                       \
		long r_ = (long)(expr);                          \
		if (r_ == -1)                                    \
			fail("%s = -1 %s", #expr, ename(errno)); \
		r_;                                              \
	})

/* a call that must fail with errno e; prints "label = -1 ENAME" */
#define ERR(label, e, expr)                                            \
	({                                                             \
		long r_;                                               \
		int e_;                                                \
		errno = 0;                                             \
		r_ = (long)(expr);                                     \
		e_ = errno;                                            \
		if (r_ != -1 || e_ != (e))                             \
			fail("%s = %ld %s, expected -1 %s", label, r_, \
			     r_ == -1 ? ename(e_) : "", ename(e));     \
		printf("%s = -1 %s\n", label, ename(e_));              \
	})

#define EXPECT(cond)                                \
	do {                                        \
		if (!(cond))                        \
			fail("expected %s", #cond); \
	} while (0)

static inline const char *yesno(int b)
{
	return b ? "yes" : "no";
}

/* print len bytes, escaping what is not printable */
static inline void show_bytes(const char *label, const void *buf, long len)
{
	const unsigned char *p = buf;
	long i;

	printf("%s \"", label);
	for (i = 0; i < len; i++) {
		if (p[i] == '\n')
			printf("\\n");
		else if (p[i] == '"' || p[i] == '\\')
			printf("\\%c", p[i]);
		else if (p[i] >= 32 && p[i] < 127)
			putchar(p[i]);
		else
			printf("\\%03o", p[i]);
	}
	printf("\"\n");
}

/* FNV-1a, 32 bits */
static inline uint32_t fnv1a(uint32_t h, const void *buf, size_t len)
{
	const unsigned char *p = buf;

	while (len--) {
		h ^= *p++;
		h *= 16777619u;
	}
	return h;
}

#define FNV_INIT 2166136261u

static char scratch_made[4096];
static char scratch_sub[256];

/*
 * Work in a fresh directory NAME.d inside argv[1] (the runner gives each
 * case its own empty directory), or inside a new directory under $TMPDIR
 * when run by hand. stdout is line buffered so that every line is one
 * write and the order against stderr is the order of the calls.
 */
static inline void scratch_enter(int argc, char **argv, const char *name)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	umask(022);
	if (argc > 1 && argv[1][0]) {
		if (chdir(argv[1]))
			fail("chdir to scratch dir: %s", ename(errno));
	} else {
		const char *tmp = getenv("TMPDIR");

		snprintf(scratch_made, sizeof(scratch_made),
			 "%s/mvee-test.XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(scratch_made) || chdir(scratch_made))
			fail("mkdtemp: %s", ename(errno));
	}
	snprintf(scratch_sub, sizeof(scratch_sub), "%s.d", name);
	if (mkdir(scratch_sub, 0755) || chdir(scratch_sub))
		fail("mkdir %s: %s", scratch_sub, ename(errno));
}

/* leave and remove the directory; it must be empty by now */
static inline void scratch_leave(void)
{
	if (chdir(".."))
		fail("chdir ..: %s", ename(errno));
	if (rmdir(scratch_sub))
		fail("rmdir %s: %s", scratch_sub, ename(errno));
	if (scratch_made[0] && rmdir(scratch_made))
		fail("rmdir scratch: %s", ename(errno));
}

#endif
