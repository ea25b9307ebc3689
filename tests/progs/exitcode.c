/* exitcode.c - exit with the status in argv[2] (argv[1] is the scratch
 * directory), after writing a line to stdout and one to stderr; argv[3]
 * "_exit" leaves through _exit (no stdio flush, so stdout is written
 * unbuffered first) and "thread" through exit_group from a second thread. */
#include "tests.h"

#include <pthread.h>

static int code;

static void *leave(void *arg)
{
	(void)arg;
	exit(code);
}

int main(int argc, char **argv)
{
	pthread_t t;

	scratch_enter(argc, argv, "exitcode");
	code = argc > 2 ? atoi(argv[2]) : 0;
	scratch_leave();
	printf("exiting with %d\n", code);
	fprintf(stderr, "this goes to stderr\n");
	if (argc > 3 && !strcmp(argv[3], "_exit"))
		_exit(code);
	if (argc > 3 && !strcmp(argv[3], "thread")) {
		if (pthread_create(&t, NULL, leave, NULL))
			fail("pthread_create");
		for (;;)
			pause();
	}
	return code;
}
