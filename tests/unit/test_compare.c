/* test_compare.c - unit tests of the comparator (compare.c) and of the
 * fd ownership map: calls built by hand, no ptrace. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "monitor.h"

static struct task tasks[3];
static struct taskset set;
static struct lproc proc;

static struct call *mkcall(int v, long nr)
{
	struct task *t = &tasks[v];
	struct call *c = &t->call;

	t->variant = v;
	t->tid = 1000 + v;
	t->set = &set;
	t->proc = &proc;
	t->state = TS_ENTRY;
	set.task[v] = t;
	c->task = t;
	c->variant = v;
	c->tid = t->tid;
	c->nr = nr;
	c->row = systable_row(nr);
	memset(c->arg, 0, sizeof(c->arg));
	spans_reset(&c->in);
	spans_reset(&c->out);
	buf_reset(&c->data);
	return c;
}

/* an input span holding bytes, as call_inputs would have read them */
static void add_bytes(struct call *c, int arg, const void *p, size_t len,
		      unsigned flags)
{
	struct span *s = spans_add(c, &c->in, arg, 0x1000, len, flags);

	memcpy(buf_reserve(&c->data, len), p, len);
	c->data.len += len;
	(void)s;
}

static struct call *mkwrite(int v, int fd, const char *text, uint64_t addr)
{
	struct call *c = mkcall(v, __NR_write);

	c->arg[0] = (uint64_t)fd;
	c->arg[1] = addr;
	c->arg[2] = strlen(text);
	add_bytes(c, 1, text, strlen(text), 0);
	return c;
}

static int setup(void **state)
{
	(void)state;
	memset(&set, 0, sizeof(set));
	set.n = 2;
	set.proc = &proc;
	return 0;
}

static void identical_writes_agree(void **state)
{
	struct divergence d;

	(void)state;
	/* different buffer addresses, same content: no divergence */
	mkwrite(0, 1, "hello\n", 0x7ffd0000);
	mkwrite(1, 1, "hello\n", 0x7ffe1000);
	assert_true(compare_calls(&set, &d));
}

static void buffer_content_differs(void **state)
{
	struct divergence d;

	(void)state;
	mkwrite(0, 1, "0x7ffd12\n", 0x1000);
	mkwrite(1, 1, "0x7ffe12\n", 0x2000);
	assert_false(compare_calls(&set, &d));
	assert_int_equal(d.kind, DIVK_ARG);
	assert_int_equal(d.arg, 1);
	assert_int_equal(d.offset, 5);
	assert_int_equal(d.variant, 1);
	assert_non_null(strstr(d.what, "byte 5"));
}

static void buffer_length_differs(void **state)
{
	struct divergence d;

	(void)state;
	mkwrite(0, 1, "abc", 0x1000);
	mkwrite(1, 1, "abcd", 0x1000);
	assert_false(compare_calls(&set, &d));
	assert_int_equal(d.kind, DIVK_ARG);
	/* the length argument (2) is a scalar and differs first */
	assert_int_equal(d.arg, 2);
}

static void different_calls(void **state)
{
	struct divergence d;

	(void)state;
	mkwrite(0, 1, "x", 0x1000);
	mkcall(1, __NR_getpid);
	assert_false(compare_calls(&set, &d));
	assert_int_equal(d.kind, DIVK_CALL);
	assert_int_equal(d.a, __NR_write);
	assert_int_equal(d.b, __NR_getpid);
	assert_non_null(strstr(d.what, "write"));
	assert_non_null(strstr(d.what, "getpid"));
}

static void scalar_fd_differs(void **state)
{
	struct divergence d;

	(void)state;
	mkwrite(0, 1, "x", 0x1000);
	mkwrite(1, 2, "x", 0x1000);
	assert_false(compare_calls(&set, &d));
	assert_int_equal(d.kind, DIVK_ARG);
	assert_int_equal(d.arg, 0);
	assert_int_equal(d.a, 1);
	assert_int_equal(d.b, 2);
}

static void pointers_compare_by_nullness(void **state)
{
	struct divergence d;
	struct call *a, *b;

	(void)state;
	/* brk's argument is a layout-dependent address */
	a = mkcall(0, __NR_brk);
	b = mkcall(1, __NR_brk);
	a->arg[0] = 0x55550000;
	b->arg[0] = 0x56660000;
	assert_true(compare_calls(&set, &d));
	b->arg[0] = 0;
	assert_false(compare_calls(&set, &d));
	assert_int_equal(d.kind, DIVK_ARG);
	assert_int_equal(d.arg, 0);
	assert_non_null(strstr(d.what, "NULL"));
}

static void fault_in_one_variant(void **state)
{
	struct divergence d;
	struct call *a, *b;

	(void)state;
	a = mkcall(0, __NR_write);
	b = mkcall(1, __NR_write);
	a->arg[0] = b->arg[0] = 1;
	a->arg[1] = b->arg[1] = 0x1000;
	a->arg[2] = b->arg[2] = 4;
	add_bytes(a, 1, "ab", 2, SPAN_FAULT);
	add_bytes(b, 1, "abcd", 4, 0);
	assert_false(compare_calls(&set, &d));
	assert_int_equal(d.kind, DIVK_ARG);
	assert_int_equal(d.arg, 1);
}

static void third_variant_differs(void **state)
{
	struct divergence d;

	(void)state;
	set.n = 3;
	mkwrite(0, 1, "same", 0x1000);
	mkwrite(1, 1, "same", 0x2000);
	mkwrite(2, 1, "diff", 0x3000);
	assert_false(compare_calls(&set, &d));
	assert_int_equal(d.variant, 2);
	assert_int_equal(d.offset, 0);
}

static void string_paths_compare_by_content(void **state)
{
	struct divergence d;
	struct call *a, *b;

	(void)state;
	a = mkcall(0, __NR_unlink);
	b = mkcall(1, __NR_unlink);
	a->arg[0] = 0x1000;
	b->arg[0] = 0x9000;
	add_bytes(a, 0, "/tmp/x", 6, 0);
	add_bytes(b, 0, "/tmp/x", 6, 0);
	assert_true(compare_calls(&set, &d));
	buf_reset(&b->data);
	spans_reset(&b->in);
	add_bytes(b, 0, "/tmp/y", 6, 0);
	assert_false(compare_calls(&set, &d));
	assert_int_equal(d.arg, 0);
	assert_int_equal(d.offset, 5);
}

static void fdmap_owners(void **state)
{
	struct fdmap m, copy;

	(void)state;
	fdmap_init(&m);
	assert_int_equal(fdmap_get(&m, 3), FD_FREE);
	fdmap_set(&m, 3, FD_LEADER);
	fdmap_set(&m, 700, FD_VARIANTS);
	assert_int_equal(fdmap_get(&m, 3), FD_LEADER);
	assert_int_equal(fdmap_get(&m, 700), FD_VARIANTS);
	assert_int_equal(fdmap_get(&m, -1), FD_FREE);
	fdmap_copy(&copy, &m);
	fdmap_close_range(&m, 4, ~0UL);
	assert_int_equal(fdmap_get(&m, 3), FD_LEADER);
	assert_int_equal(fdmap_get(&m, 700), FD_FREE);
	assert_int_equal(fdmap_get(&copy, 700), FD_VARIANTS);
	fdmap_free(&m);
	fdmap_free(&copy);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(identical_writes_agree, setup),
		cmocka_unit_test_setup(buffer_content_differs, setup),
		cmocka_unit_test_setup(buffer_length_differs, setup),
		cmocka_unit_test_setup(different_calls, setup),
		cmocka_unit_test_setup(scalar_fd_differs, setup),
		cmocka_unit_test_setup(pointers_compare_by_nullness, setup),
		cmocka_unit_test_setup(fault_in_one_variant, setup),
		cmocka_unit_test_setup(third_variant_differs, setup),
		cmocka_unit_test_setup(string_paths_compare_by_content, setup),
		cmocka_unit_test(fdmap_owners),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
