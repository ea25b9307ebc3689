/* pgrp_signal.c - a program that signals its own process group
 * (kill(0, sig), as shells and make do on SIGINT). mvee runs in the same
 * group as the variants, so the signal reaches mvee too; mvee passes on
 * signals sent to it, but not one a variant sent: the program already has
 * it. Natively and under mvee the handler runs exactly once.
 *
 * It must run in a session of its own (setsid, tests/run.sh), so that
 * the group holds nothing but the program (and mvee). */
#include "tests.h"

#include <signal.h>
#include <time.h>

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
	(void)sig;
	got++;
}

int main(int argc, char **argv)
{
	struct timespec pause = { 0, 200000000 };
	struct sigaction sa;

	if (argc < 3 || strcmp(argv[2], "own-session"))
		fail("run me as: setsid pgrp_signal DIR own-session");
	scratch_enter(argc, argv, "pgrp_signal");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	OK(sigaction(SIGUSR1, &sa, NULL));
	SHOW("kill(0, SIGUSR1)", kill(0, SIGUSR1));
	/* time for a second copy to arrive, if one were sent */
	while (nanosleep(&pause, &pause))
		;
	printf("handler ran %d time(s)\n", (int)got);
	return 0;
}
