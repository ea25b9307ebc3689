/* main.c - the command line: options, usage errors, and the exit status
 * (the program's own, its fatal signal re-raised, or mvee's). */
#include "launch.h"
#include "monitor.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef MVEE_VERSION
#define MVEE_VERSION "0.1"
#endif

static void usage(FILE *f)
{
	fprintf(f,
		"usage: mvee [OPTIONS] -- PROGRAM [ARGS...]\n"
		"Run PROGRAM as N diversified variants in lockstep; stop them all when\n"
		"they diverge.\n"
		"\n"
		"  -n, --variants N              number of variants (default 2, 1..%d)\n"
		"      --diversity MODE          disjoint (default) | aslr | none\n"
		"      --variant PATH            executable of the next variant, the leader\n"
		"                                first; once per variant (sets N without -n)\n"
		"  -o, --trace FILE              log every synchronised call to FILE\n"
		"      --report FILE             write the outcome as JSON to FILE\n"
		"  -c, --summary                 at exit, per-call counts and times (stderr)\n"
		"      --divergence-exit-code N  exit status on divergence (default %d)\n"
		"      --rendezvous-timeout SECS a variant that has not reached a call SECS\n"
		"                                after another did is a divergence (default: off)\n"
		"      --poll-us US              poll up to US microseconds for the next stop\n"
		"                                before sleeping (default %d, 0: never poll)\n"
		"      --no-monitor-io           the leader variant runs its reads and writes\n"
		"                                itself (default: mvee runs them for it)\n"
		"      --no-notify               stop every call with ptrace (default: the\n"
		"                                cheap ones reach mvee as seccomp notifications)\n"
		"  -h, --help                    this text\n"
		"  -V, --version                 version\n"
		"\n"
		"Exit status: the program's own; %d on divergence; %d usage error;\n"
		"%d start-up failure; %d program not executable; %d program not found.\n",
		MAX_VARIANTS, EXIT_DIVERGENCE, POLL_US_DEFAULT, EXIT_DIVERGENCE,
		EXIT_USAGE, EXIT_STARTUP, EXIT_NOEXEC, EXIT_NOTFOUND);
}

static long number(const char *opt, const char *s, long lo, long hi)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		die(EXIT_USAGE, "%s: '%s' is not a number from %ld to %ld", opt,
		    s, lo, hi);
	return v;
}

/* a positive number of seconds, fractions allowed, at most a day */
static double seconds(const char *opt, const char *s)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || !(v > 0 && v <= 86400))
		die(EXIT_USAGE,
		    "%s: '%s' is not a number of seconds above 0 and at most 86400",
		    opt, s);
	return v;
}

static void parse(int argc, char **argv)
{
	enum {
		OPT_DIVERSITY = 256,
		OPT_DIVEXIT,
		OPT_VARIANT,
		OPT_REPORT,
		OPT_TIMEOUT,
		OPT_POLL,
		OPT_NO_MONITOR_IO,
		OPT_NO_NOTIFY,
	};
	static const struct option opts[] = {
		{ "variants", required_argument, NULL, 'n' },
		{ "diversity", required_argument, NULL, OPT_DIVERSITY },
		{ "trace", required_argument, NULL, 'o' },
		{ "variant", required_argument, NULL, OPT_VARIANT },
		{ "report", required_argument, NULL, OPT_REPORT },
		{ "summary", no_argument, NULL, 'c' },
		{ "divergence-exit-code", required_argument, NULL,
		  OPT_DIVEXIT },
		{ "rendezvous-timeout", required_argument, NULL, OPT_TIMEOUT },
		{ "poll-us", required_argument, NULL, OPT_POLL },
		{ "no-monitor-io", no_argument, NULL, OPT_NO_MONITOR_IO },
		{ "no-notify", no_argument, NULL, OPT_NO_NOTIFY },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *variant[MAX_VARIANTS];
	bool n_given = false;
	int c, v;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:n:o:chV", opts, NULL)) != -1) {
		switch (c) {
		case 'n':
			cfg.nvariants =
				(int)number("-n", optarg, 1, MAX_VARIANTS);
			n_given = true;
			break;
		case OPT_DIVERSITY:
			if (!strcmp(optarg, "disjoint"))
				cfg.diversity = DIV_DISJOINT;
			else if (!strcmp(optarg, "aslr"))
				cfg.diversity = DIV_ASLR;
			else if (!strcmp(optarg, "none"))
				cfg.diversity = DIV_NONE;
			else
				die(EXIT_USAGE,
				    "--diversity: '%s' is not disjoint, aslr or none",
				    optarg);
			break;
		case 'o':
			cfg.trace_path = optarg;
			break;
		case OPT_VARIANT:
			if (cfg.nexe_given == MAX_VARIANTS)
				die(EXIT_USAGE,
				    "--variant given more than %d times",
				    MAX_VARIANTS);
			variant[cfg.nexe_given++] = optarg;
			break;
		case OPT_REPORT:
			cfg.report_path = optarg;
			break;
		case 'c':
			cfg.summary = true;
			break;
		case OPT_TIMEOUT:
			cfg.rendezvous_timeout =
				seconds("--rendezvous-timeout", optarg);
			break;
		case OPT_POLL:
			cfg.poll_us =
				(int)number("--poll-us", optarg, 0, 10000);
			break;
		case OPT_NO_MONITOR_IO:
			cfg.monitor_io = false;
			break;
		case OPT_NO_NOTIFY:
			cfg.notify = false;
			break;
		case OPT_DIVEXIT:
			cfg.divergence_exit = (int)number(
				"--divergence-exit-code", optarg, 1, 255);
			break;
		case 'h':
			usage(stdout);
			exit(0);
		case 'V':
			printf("mvee %s\n", MVEE_VERSION);
			exit(0);
		case ':':
			die(EXIT_USAGE,
			    "option '%s' needs a value (see mvee --help)",
			    argv[optind - 1]);
		default:
			die(EXIT_USAGE, "unknown option '%s' (see mvee --help)",
			    argv[optind - 1]);
		}
	}
	if (optind >= argc)
		die(EXIT_USAGE,
		    "no program given: mvee [OPTIONS] -- PROGRAM [ARGS...]");
	cfg.argv = argv + optind;
	if (cfg.nexe_given && !n_given)
		cfg.nvariants = cfg.nexe_given;
	if (cfg.nexe_given && cfg.nexe_given != cfg.nvariants)
		die(EXIT_USAGE,
		    "--variant given %d times for %d variants (give it once per variant, or not at all)",
		    cfg.nexe_given, cfg.nvariants);
	for (v = 0; v < cfg.nvariants; v++)
		cfg.exe[v] = launch_resolve(cfg.nexe_given ? variant[v] :
							     cfg.argv[0]);
	split_setup();
}

/* SIGINT, SIGTERM, SIGHUP... sent to mvee itself (kill, not the terminal,
 * which signals the variants directly) go to the program's leader; not
 * one a variant's task sent to a process group mvee shares with it (the
 * variants got it themselves) */
static void forward(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	if (si->si_code <= 0 && nsets && sets[0]->proc->pid[0] > 0 &&
	    !pid_is_live(si->si_pid))
		kill(sets[0]->proc->pid[0], sig);
}

static void forward_signals(void)
{
	static const int sigs[] = { SIGINT,  SIGTERM, SIGHUP,
				    SIGQUIT, SIGUSR1, SIGUSR2 };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = forward;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		struct sigaction old;

		/* an ignored signal stays ignored, in mvee and the program */
		if (!sigaction(sigs[i], NULL, &old) &&
		    old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
	}
}

/* leave the way the program left: its status, or its fatal signal */
static int finish(int wstatus)
{
	report_json(NULL, NULL,
		    WIFSIGNALED(wstatus) ? 128 + WTERMSIG(wstatus) :
					   WEXITSTATUS(wstatus));
	summary_print(0);
	if (WIFSIGNALED(wstatus)) {
		int sig = WTERMSIG(wstatus);
		struct rlimit no_core = { 0, 0 };
		sigset_t set;

		fflush(NULL);
		setrlimit(RLIMIT_CORE, &no_core);
		signal(sig, SIG_DFL);
		sigemptyset(&set);
		sigaddset(&set, sig);
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		raise(sig);
		return 128 + sig;
	}
	return WEXITSTATUS(wstatus);
}

int main(int argc, char **argv)
{
	int st;

	parse(argc, argv);
	if (cfg.trace_path) {
		cfg.trace = fopen(cfg.trace_path, "we");
		if (!cfg.trace)
			die(EXIT_USAGE, "--trace %s: %s", cfg.trace_path,
			    strerror(errno));
		setvbuf(cfg.trace, NULL, _IOLBF, 0);
	}
	if (cfg.report_path) {
		/* fail now, not after the run: can it be written? */
		FILE *f = fopen(cfg.report_path, "we");

		if (!f)
			die(EXIT_USAGE, "--report %s: %s", cfg.report_path,
			    strerror(errno));
		fclose(f);
	}
	summary_start();
	launch_variants();
	/* a write mvee runs for the program (monio.c) to a closed pipe
	 * fails with EPIPE; the SIGPIPE is the program's, not mvee's (set
	 * after the variants started: they keep the disposition mvee got) */
	signal(SIGPIPE, SIG_IGN);
	forward_signals();
	st = monitor_run();
	if (cfg.trace)
		fclose(cfg.trace);
	return finish(st);
}
