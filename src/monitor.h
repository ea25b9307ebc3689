/* monitor.h - the monitor's state: configuration, variants, logical
 * processes, task sets and tasks, and the calls they stop at.
 *
 * A task set is the i-th task of every variant (matched by creation
 * order). Each set rendezvouses on its own: all its live tasks stop at the
 * same call, the call is compared and then dispatched by policy.
 */
#ifndef MVEE_MONITOR_H
#define MVEE_MONITOR_H

#include "arch.h"
#include "fdmap.h"
#include "systable.h"
#include "util.h"

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#define MAX_VARIANTS 16
#define MAX_SETS 4096 /* live tasks of one variant */
#define HISTORY 16
#define MAX_RIGHTS 256 /* fds one call can receive (SCM_MAX_FD is 253) */

/* exit statuses of mvee itself (documented in README.md and mvee.1) */
#define EXIT_DIVERGENCE 86
#define EXIT_USAGE 125
#define EXIT_STARTUP 124
#define EXIT_NOEXEC 126
#define EXIT_NOTFOUND 127

enum diversity { DIV_DISJOINT, DIV_ASLR, DIV_NONE };

struct config {
	int nvariants;
	char **argv; /* the program and its arguments */
	const char *exe[MAX_VARIANTS]; /* resolved executable per variant */
	int nexe_given; /* --variant count */
	enum diversity diversity;
	const char *trace_path;
	FILE *trace;
	const char *report_path;
	int divergence_exit;
	bool summary;
	bool split; /* the variants run different executables (split.c) */
	double rendezvous_timeout;
	int poll_us; /* --poll-us: polling for the next stop before sleeping */
	bool monitor_io; /* the monitor runs the leader's reads and writes */
	bool notify; /* the fast path: seccomp user notifications (notify.c) */
};
#define POLL_US_DEFAULT 50
extern struct config cfg;

/* pseudo syscall numbers for events that rendezvous like calls */
#define NR_RDTSC (-10)

/* a piece of memory a call reads or writes, or a value a handler derived
 * from it (SPAN_INLINE); its bytes are in the call's data buffer */
struct span {
	uint64_t addr;
	size_t len;
	size_t off; /* where its bytes are in call.data */
	int arg; /* argument index it belongs to */
	unsigned flags;
};
#define SPAN_FAULT 0x1 /* only len bytes could be read */
#define SPAN_INLINE 0x2 /* derived value, not tracee memory */
#define SPAN_OWN \
	0x4 /* output: write this call's own bytes, not the
			leader's (a follower's translated epoll data) */

struct spanlist {
	struct span *s;
	int n, cap;
};

struct task;
struct pollfd;
struct seccomp_notif;

/* one variant's call at a stop */
struct call {
	long nr;
	uint64_t arg[6];
	long ret; /* at exit */
	const struct sc_row *row;
	struct task *task;
	int variant;
	pid_t tid;
	struct spanlist in; /* inputs, compared at entry */
	struct spanlist out; /* outputs, settled at exit */
	struct buf data; /* bytes of the spans */
	int unify_arg; /* >= 0: a temporary name the leader's replaces */
};

/* where a task stands when mvee resumes it (sched.c decides from it
 * whether it is about to run user code) */
enum stop_kind {
	STOP_KERNEL, /* a ptrace event inside a call (clone, exec) */
	STOP_ENTRY, /* a call's entry */
	STOP_EXIT, /* a call's exit */
	STOP_USER, /* a signal stop or a new task's first stop */
};

enum task_state {
	TS_RUNNING, /* in user space or in a call with no exit stop */
	TS_ENTRY, /* stopped at a call, waiting for the rendezvous */
	TS_INCALL, /* executing a call, exit stop expected */
	TS_EXITED, /* at its exit stop, waiting for the others' */
	TS_HELD, /* follower waiting for the leader's result */
	TS_PLACEHOLDER, /* follower creating a placeholder fd */
	TS_INJECTED, /* follower executing a call mvee injected */
	TS_DEAD,
	TS_UNBORN, /* its variant has not created it yet */
};

struct lproc;
struct taskset;

struct task {
	pid_t tid;
	int variant;
	struct taskset *set;
	struct lproc *proc;
	enum task_state state;
	struct arch_regs regs; /* as fetched at the current stop */
	struct arch_regs entry_regs; /* at the entry of the current call */
	struct call call;
	bool restarting; /* the current call was interrupted, will restart */
	bool resume_exit; /* last resumed towards an exit stop */
	bool restart_exit; /* the interrupted call had an exit stop */
	bool exec_seen; /* past the first execve */
	bool fresh; /* created, its first stop not seen yet */
	int wstatus; /* when dead */
	long expect; /* what the call mvee substituted must return */
	bool keep_ret; /* ...and the task keeps its own result */
	int next_right; /* placeholders for received fds made so far */
	uint64_t injected; /* signals mvee sent it, to pass through */
	uint64_t inject_loose; /* ...absorbed by one already pending */
	siginfo_t inject_info[65]; /* with the leader's siginfo */
	uint64_t stashed; /* held signals it gets when its wait is done */
	int release_sig; /* signal to resume with when released */
	enum stop_kind stop;
	/* sched.c: waiting for its process's turn, and how to resume then */
	bool ready;
	int pend_exit, pend_sig;
	bool pend_preempt; /* a blocking call that holds the turn */
	uint64_t ready_stamp;
	bool sched_exit; /* the exit stop is only for asking the turn */
	bool preempt; /* holds the turn in a call mvee may interrupt */
	bool interrupt_sent; /* PTRACE_INTERRUPT sent, not yet seen */
	bool forceable; /* a follower in a futex wait mvee may end */
	bool unsync_exit; /* ...and now at its exit stop */
	int wait_sig; /* the leader: a signal it took in a futex wait, for
		       * its next grant (signals_arrived) */
	bool clock_alone; /* the leader reading a clock alone (clocks.c) */
	/* notify.c: at a notified call (not stopped: waiting in seccomp) */
	bool notified;
	uint64_t notif_id;
	bool demoting; /* interrupted to become stopped, the stop not seen */
	bool demoted; /* at that stop, which is its call's entry stop */
	bool passthrough; /* its call restarts and runs: let it through */
	bool restart_entry; /* ...first a syscall-entry stop (for an exit) */
	bool cancelled; /* a signal cancelled its call before mvee read it */
	uint64_t answered_ns; /* when mvee last answered its notification */
};

/* sched.c: the turn of a multi-threaded process in each variant */
struct sched {
	bool active; /* more than one thread */
	int holder[MAX_VARIANTS]; /* set id holding the turn, -1: none */
	struct sched_grant {
		int set; /* the task set that got the turn */
		long nr; /* the call it returned from, or -1 */
		long ret; /* the leader's result of its call, if at an exit */
		int sig; /* a signal its thread took in a futex wait, whose
			  * handler runs in this turn (signals.c) */
	} * seq; /* the leader's grants, from index base */
	size_t base, len, cap;
	size_t cursor[MAX_VARIANTS]; /* a follower's next grant */
	uint64_t stamp;
};

/* the i-th process of every variant: shares the fd map */
/* clocks.c: the leader's latest reading of one clock */
struct clock_reading {
	bool valid;
	long nr; /* the call that read it */
	uint64_t id; /* clock_gettime's clock id, else 0 */
	long ret;
	int nout;
	struct {
		int arg; /* the output argument */
		uint8_t len;
		unsigned char bytes[16];
	} out[2];
};
#define CLOCKS_KEPT 8

struct lproc {
	int id;
	pid_t pid[MAX_VARIANTS]; /* tgid in each variant */
	pid_t ppid; /* what getppid returns (the leader's parent) */
	struct fdmap fds;
	struct {
		bool caught; /* a handler is installed */
		bool ignored; /* SIG_IGN */
		bool restart; /* with SA_RESTART */
	} sig[65];
	int refs; /* task sets using it */
	void *epoll; /* handlers/epoll.c: per-variant epoll data */
	struct sched sched;
	bool exiting; /* every variant was told to end (exit_group, a fatal
			 signal): its tasks ending is no divergence */
	/* layout.c: the layout may have changed since the last check; each
	 * variant's executable when it is not position-independent */
	bool layout_dirty;
	char *nonpie[MAX_VARIANTS];
	int pdeathsig; /* what the program set with PR_SET_PDEATHSIG */
	int pidfd; /* monio.c: the leader's pidfd, -1 until needed */
	struct clock_reading clocks[CLOCKS_KEPT];
	int timens; /* clocks.c: in mvee's time namespace 1, not -1, 0 unknown */
};

struct history_entry {
	long nr;
	uint64_t arg[6];
	long ret;
	bool has_ret; /* the result was read (not every call has an exit stop) */
	int policy;
};

struct taskset {
	int id;
	int parent, birth; /* created by set `parent` as its birth-th task */
	int nborn[MAX_VARIANTS]; /* tasks each variant's task created */
	struct lproc *proc;
	struct task *task[MAX_VARIANTS];
	int n;
	/* the call being dispatched */
	const struct sc_row *row;
	int policy;
	int pending_exits;
	long ret; /* leader's result, or all variants' for POL_ALL */
	bool placing; /* an SCF_PLACE call: leader first (lockstep.c) */
	/* fds the leader received (SCM_RIGHTS): followers get placeholders */
	int rights[MAX_RIGHTS];
	int nrights;
	bool rights_cloexec;
	/* when the first task of the set stopped at this call, when the
	 * last one did (the rendezvous), and the wait between them */
	uint64_t t_first, t_rendezvous, wait_ns;
	/* asynchronous signals the leader received, held for the next
	 * rendezvous, with the leader's siginfo */
	uint64_t held;
	siginfo_t held_info[65];
	siginfo_t stash_info[65]; /* of the tasks' stashed signals */
	siginfo_t wait_info[65]; /* of the signals taken in a futex wait */
	bool deferred; /* a wait that must see every variant's child end */
	struct history_entry hist[HISTORY];
	unsigned long ncalls;
};

/* a divergence is data: what differed, where */
enum div_kind {
	DIVK_CALL, /* different syscalls */
	DIVK_ARG, /* same syscall, different argument */
	DIVK_RESULT, /* a call all executed returned differently */
	DIVK_DEATH, /* some variants died or exited, others did not */
	DIVK_SIGNAL, /* different signals */
	DIVK_LAYOUT, /* an executable range is mapped in two variants */
	DIVK_TIMEOUT, /* a variant did not reach a rendezvous in time */
};

struct divergence {
	enum div_kind kind;
	int set; /* task set id */
	int variant; /* the variant that differs from variant 0 */
	int arg; /* argument index, -1 when not an argument */
	bool in_buffer; /* the argument is a buffer: offset and bytes say */
	size_t offset; /* first differing byte within the argument */
	long a, b; /* numbers that differ (nr, value, result, status) */
	unsigned char bytes[2][16]; /* a differing buffer from offset on: */
	size_t nbytes[2]; /* variant 0's and this variant's */
	char what[256]; /* one line of explanation */
};

/* monitor.c */
extern struct taskset *sets[];
extern int nsets;
extern uint64_t event_ns; /* when the event being handled came (now_ns) */
void monitor_kill_all(void);
struct task *monitor_find(pid_t tid);
bool monitor_signal_pending(pid_t tid, int sig);
int monitor_run(void);
__attribute__((noreturn)) void monitor_diverged(struct taskset *s,
						const struct divergence *d);

/* tasks.c */
struct taskset *tasks_new_set(struct lproc *p, int parent, int birth);
void tasks_created(struct task *t, pid_t tid);
void tasks_first_stop(struct task *t);
void tasks_early_stop(pid_t tid, int status);
void tasks_reap(struct taskset *s);
pid_t tasks_dead_pid(int from, int to, pid_t pid);

/* handlers/epoll.c */
void epoll_forget(struct lproc *p);

/* lockstep.c */
void lockstep_entry(struct task *t);
void lockstep_exit(struct task *t);
void lockstep_signal(struct task *t, int sig, const siginfo_t *si);
void lockstep_death(struct task *t, int wstatus);
void lockstep_unstick(void);
void monitor_threads_started(void);
void lockstep_exec(struct task *t);
void lockstep_timeouts(uint64_t now);
void lockstep_notified(struct task *t, const struct seccomp_notif *n);
void lockstep_demoted(struct task *t);
bool lockstep_passthrough(struct task *t, bool at_seccomp_stop);
void task_resume(struct task *t, int exit_stop, int sig);
void task_continue(struct task *t, int exit_stop, int sig);
void task_skip(struct task *t, long ret);
bool ret_is_restart(long ret);
void task_store(struct task *t);
void task_set_arg(struct task *t, int i, uint64_t v);
bool task_interrupted(const struct task *t);

/* sched.c */
void sched_activate(struct lproc *p);
void sched_single(struct lproc *p);
void sched_free(struct lproc *p);
bool sched_gate(struct task *t, int *exit_stop, int sig);
void sched_release(struct task *t);
bool sched_call_blocks(const struct task *t, long nr);
bool sched_turn_wanted(const struct task *t);
void sched_preempted(struct task *t);
long sched_forced_ret(const struct task *t);
int sched_forced_sig(const struct task *t);
void sched_waiting(struct task *t);
void sched_death(struct task *t);

/* signals.c */
int signals_arrived(struct task *t, int sig, const siginfo_t *si);
bool signals_restart(const struct task *t, int sig);
void signals_deliver_held(struct taskset *s);
void signals_release_stashed(struct task *f);
void signals_in_wait(struct task *f, int sig);
void signals_exec(struct lproc *p);
void signals_raise(struct task *t, int sig);
bool set_all_at_entry(const struct taskset *s);

/* spans.c: the memory a call reads and writes, from the table */
void call_load(struct call *c, struct task *t);
int call_inputs(struct call *c);
size_t sockaddr_meaning(const unsigned char *p, size_t len);
int call_outputs(struct call *c, long ret, const struct call *leader);
void call_outputs_given(struct call *c, long ret, const void *data);
struct iovec;
int call_iov(const struct call *c, int i, struct iovec *iov, int max);
void spans_reset(struct spanlist *l);
struct span *spans_add(struct call *c, struct spanlist *l, int arg,
		       uint64_t addr, size_t len, unsigned flags);
void *span_data(const struct call *c, const struct span *s);
size_t span_read(struct call *c, struct spanlist *l, int arg, uint64_t addr,
		 size_t len);
size_t span_inline(struct call *c, int arg, const void *p, size_t len);

/* compare.c */
bool compare_calls(struct taskset *s, struct divergence *d);
void divergence_init(struct divergence *d, enum div_kind kind, int set,
		     int variant, int arg, long a, long b);

/* split.c */
void split_setup(void);
bool split_private(struct task *t);

/* layout.c */
bool layout_changes(const struct call *c);
void layout_exec(struct task *t);
void layout_fallback(struct task *t);
void layout_fork(struct lproc *p, const struct lproc *parent);
void layout_free(struct lproc *p);
void layout_check(struct taskset *s);

/* replicate.c */
int replicate_to(const struct call *leader, struct call *f);

/* clocks.c */
void clocks_record(struct lproc *p, const struct call *l, long ret);
bool clocks_replay(struct lproc *p, const struct call *c, long *ret);
bool clocks_read(struct lproc *p, struct call *c, long *ret);
void clocks_forget_ns(struct lproc *p);

/* monio.c */
bool monio_run(struct taskset *s, long *ret);
void monio_forget(struct lproc *p);

/* notify.c */
unsigned notify_filter_flags(void);
void notify_setup(void);
void notify_grab(struct task *t);
void notify_placement(const struct task *t);
void notify_pollfds(struct pollfd *p, int *nfds);
bool notify_recv(const struct pollfd *p, struct seccomp_notif *n);
void notify_answer(struct task *t, long ret);
void notify_continue(struct task *t);
void notify_demote(struct task *t);

/* policy.c */
int policy_of(struct call *c);
pid_t pid_to_variant(int v, long leader_pid);
long pid_to_leader(int v, long pid);
bool pid_is_ours(long pid);
bool pid_is_live(long pid); /* a live task or process of a variant */
bool pid_arg_is_pid(const struct call *c, int i);

/* emulate.c: POL_MONITOR calls and rdtsc */
long emulate_call(struct taskset *s, const struct call *c);
long prctl_emulate(struct taskset *s, const struct call *c);
uint64_t emulate_tsc(void);
void tsc_off_in_mvee(void);

/* exec.c */
void exec_hide_vdso(struct task *t);

/* format.c */
int format_call(char *out, size_t size, const struct call *c, bool data,
		int mark);
int format_args(char *out, size_t size, long nr, const uint64_t arg[6]);
const char *policy_name(int policy);
const char *call_name(long nr);

/* report.c */
void report_divergence(const struct taskset *s, const struct divergence *d);

/* summary.c */
void summary_start(void);
void summary_add(long nr, int policy, long ret, bool have_ret, uint64_t ns,
		 uint64_t wait_ns);
void summary_print(int divergences);

/* report.c: --report FILE, the run's outcome as JSON */
void report_json(const struct taskset *s, const struct divergence *d,
		 int status);

/* trace.c */
void trace_call(const struct taskset *s, const struct call *c, int policy,
		long ret, bool have_ret);

#endif
