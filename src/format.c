/* format.c - decode a call for people: name(args) from the table's
 * argument kinds, strings and buffers quoted from the spans read at
 * entry. Used by the trace log and the divergence report. */
#include "monitor.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define QUOTE_MAX 48 /* bytes of a buffer shown */

const char *policy_name(int policy)
{
	static const char *const names[] = { "all", "leader", "monitor",
					     "deny" };

	return policy >= 0 && policy <= POL_DENY ? names[policy] : "?";
}

const char *call_name(long nr)
{
	static char buf[32];
	const struct sc_row *r = systable_row(nr);

	if (nr == NR_RDTSC)
		return "rdtsc";
	if (r)
		return r->name;
	snprintf(buf, sizeof(buf), "syscall_%ld", nr);
	return buf;
}

struct out {
	char *p;
	size_t size, len;
};

__attribute__((format(printf, 2, 3))) static void put(struct out *o,
						      const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->len >= o->size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->p + o->len, o->size - o->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->len += (size_t)n;
	if (o->len >= o->size)
		o->len = o->size - 1;
}

static void quote(struct out *o, const unsigned char *p, size_t len, bool fault)
{
	size_t i, n = len < QUOTE_MAX ? len : QUOTE_MAX;

	put(o, "\"");
	for (i = 0; i < n; i++) {
		unsigned char ch = p[i];

		if (ch == '"' || ch == '\\')
			put(o, "\\%c", ch);
		else if (ch == '\n')
			put(o, "\\n");
		else if (ch == '\t')
			put(o, "\\t");
		else if (isprint(ch))
			put(o, "%c", ch);
		else
			put(o, "\\x%02x", ch);
	}
	put(o, "\"%s%s", len > n ? "..." : "", fault ? "<fault>" : "");
}

static void scalar(struct out *o, int kind, uint64_t v)
{
	switch (kind) {
	case A_INT:
	case A_FD:
	case A_DUPFD:
	case A_PID:
		put(o, "%ld", (long)(int)v == (long)v ? (long)v : (long)(int)v);
		break;
	case A_UINT:
		put(o, "%lu", (unsigned long)v);
		break;
	case A_OCT:
	case A_OMODE:
		put(o, "0%lo", (unsigned long)v);
		break;
	case A_SIG:
		put(o, "%s%s", v ? "SIG" : "",
		    v ? (sigabbrev_np((int)v) ? sigabbrev_np((int)v) : "?") :
			"0");
		break;
	default:
		put(o, "%#lx", (unsigned long)v);
		break;
	}
}

static void arg_spans(struct out *o, const struct call *c, int i)
{
	const struct sc_arg *a = &c->row->arg[i];
	int k, shown = 0;

	for (k = 0; k < c->in.n; k++) {
		const struct span *s = &c->in.s[k];

		if (s->arg != i)
			continue;
		if (s->flags & SPAN_INLINE) {
			if (a->kind == A_CUSTOM) {
				put(o, "%s{", shown++ ? ", " : "");
				quote(o, span_data(c, s), s->len, false);
				put(o, "}");
			}
			continue;
		}
		put(o, "%s", shown++ ? ", " : "");
		quote(o, span_data(c, s), s->len, s->flags & SPAN_FAULT);
	}
	if (!shown)
		put(o, "%#lx", (unsigned long)c->arg[i]);
}

int format_call(char *buf, size_t size, const struct call *c, bool data,
		int mark)
{
	struct out o = { buf, size, 0 };
	const struct sc_row *r = c->row;
	int i;

	buf[0] = 0;
	if (!r) {
		put(&o, "%s(%#lx, %#lx, %#lx, %#lx, %#lx, %#lx)",
		    call_name(c->nr), (unsigned long)c->arg[0],
		    (unsigned long)c->arg[1], (unsigned long)c->arg[2],
		    (unsigned long)c->arg[3], (unsigned long)c->arg[4],
		    (unsigned long)c->arg[5]);
		return (int)o.len;
	}
	put(&o, "%s(", r->name);
	for (i = 0; i < r->nargs; i++) {
		int kind = r->arg[i].kind;

		if (i)
			put(&o, ", ");
		if (i == mark)
			put(&o, ">>");
		if (!c->arg[i] && kind >= A_PTR) {
			put(&o, "NULL");
		} else if (kind < A_PTR) {
			scalar(&o, kind, c->arg[i]);
		} else if (data && kind != A_OUT && kind != A_PTR &&
			   kind != A_FDPAIR) {
			if (kind == A_STRV || kind == A_IOV_IN ||
			    kind == A_IOV_OUT)
				put(&o, "[");
			arg_spans(&o, c, i);
			if (kind == A_STRV || kind == A_IOV_IN ||
			    kind == A_IOV_OUT)
				put(&o, "]");
		} else {
			put(&o, "%#lx", (unsigned long)c->arg[i]);
		}
		if (i == mark)
			put(&o, "<<");
	}
	put(&o, ")");
	return (int)o.len;
}

int format_args(char *buf, size_t size, long nr, const uint64_t arg[6])
{
	struct call c;

	memset(&c, 0, sizeof(c));
	c.nr = nr;
	c.row = systable_row(nr);
	memcpy(c.arg, arg, sizeof(c.arg));
	return format_call(buf, size, &c, false, -1);
}
