/* prctl.c - what a process can learn about its own state through prctl:
 * the TSC mode (a monitor that traps rdtsc sets PR_TSC_SIGSEGV), the
 * seccomp mode, no_new_privs, the name, dumpable, the parent-death signal.
 * Natively: TSC enabled, no seccomp, no_new_privs 0; under mvee these are
 * the same if it hides its own set-up from the program. */
#include "tests.h"

#include <linux/prctl.h>
#include <signal.h>
#include <sys/prctl.h>

int main(int argc, char **argv)
{
	char name[17] = { 0 };
	int v = -1;

	scratch_enter(argc, argv, "prctl");
	SHOW("prctl(PR_GET_TSC)", prctl(PR_GET_TSC, &v, 0, 0, 0));
	printf("tsc mode %s\n", v == PR_TSC_ENABLE  ? "PR_TSC_ENABLE" :
				v == PR_TSC_SIGSEGV ? "PR_TSC_SIGSEGV" :
						      "?");
	SHOW("prctl(PR_GET_SECCOMP)", prctl(PR_GET_SECCOMP, 0, 0, 0, 0));
	SHOW("prctl(PR_GET_NO_NEW_PRIVS)",
	     prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
	SHOW("prctl(PR_SET_NAME, \"mvee-test\")",
	     prctl(PR_SET_NAME, "mvee-test", 0, 0, 0));
	SHOW("prctl(PR_GET_NAME)", prctl(PR_GET_NAME, name, 0, 0, 0));
	printf("name \"%s\"\n", name);
	SHOW("prctl(PR_GET_DUMPABLE)", prctl(PR_GET_DUMPABLE, 0, 0, 0, 0));
	/* the program's own, not the SIGKILL mvee gives its variants */
	SHOW("prctl(PR_GET_PDEATHSIG)", prctl(PR_GET_PDEATHSIG, &v, 0, 0, 0));
	printf("pdeathsig %d\n", v);
	ERR("prctl(PR_GET_PDEATHSIG, NULL)", EFAULT,
	    prctl(PR_GET_PDEATHSIG, NULL, 0, 0, 0));
	SHOW("prctl(PR_SET_PDEATHSIG, SIGUSR2)",
	     prctl(PR_SET_PDEATHSIG, SIGUSR2, 0, 0, 0));
	SHOW("prctl(PR_GET_PDEATHSIG)", prctl(PR_GET_PDEATHSIG, &v, 0, 0, 0));
	printf("pdeathsig %s\n", sigabbrev_np(v));
	ERR("prctl(9999)", EINVAL, prctl(9999, 0, 0, 0, 0));
	scratch_leave();
	printf("done\n");
	return 0;
}
