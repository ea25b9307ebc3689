/* thread_race.c - threads that race for the same process state:
 *  - four threads open, read and close files in a loop, so the fd numbers
 *    each gets depend on the others (the variants must allocate them in the
 *    same order, or their fd tables differ);
 *  - a producer and a consumer hand 2000 numbers over a condition
 *    variable (futex waits that end by a wake or by a changed value);
 *  - a server thread blocks in accept() while a client thread, started
 *    after it, connects three times (mvee must take the turn back from the
 *    blocked accept so that the client can run).
 * Only totals are printed, never fd numbers or orders. */
#include "tests.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>
#include <time.h>

#define OPENERS 4
#define ROUNDS 100
#define ITEMS 2000
#define CONNS 3

static long opened_bytes[OPENERS];

static void *opener(void *arg)
{
	long id = (long)arg;
	char name[32], buf[64];
	int i;

	snprintf(name, sizeof(name), "file%ld", id);
	for (i = 0; i < ROUNDS; i++) {
		int fd = OK(open(name, O_RDONLY | O_CLOEXEC));
		long n = OK(read(fd, buf, sizeof(buf)));

		opened_bytes[id] += n;
		OK(close(fd));
	}
	return NULL;
}

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int slot, full, done;
static long consumed;

static void *producer(void *arg)
{
	int i;

	(void)arg;
	for (i = 1; i <= ITEMS; i++) {
		pthread_mutex_lock(&mu);
		while (full)
			pthread_cond_wait(&cv, &mu);
		slot = i;
		full = 1;
		pthread_cond_broadcast(&cv);
		pthread_mutex_unlock(&mu);
	}
	pthread_mutex_lock(&mu);
	while (full)
		pthread_cond_wait(&cv, &mu);
	done = 1;
	pthread_cond_broadcast(&cv);
	pthread_mutex_unlock(&mu);
	return NULL;
}

static void *consumer(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&mu);
	for (;;) {
		while (!full && !done)
			pthread_cond_wait(&cv, &mu);
		if (!full && done)
			break;
		consumed += slot;
		full = 0;
		pthread_cond_broadcast(&cv);
	}
	pthread_mutex_unlock(&mu);
	return NULL;
}

static int lsock;
static struct sockaddr_in addr;
static long served;

static void *server(void *arg)
{
	char buf[16];
	int i;

	(void)arg;
	for (i = 0; i < CONNS; i++) {
		int c = OK(accept4(lsock, NULL, NULL, SOCK_CLOEXEC));
		long n = OK(read(c, buf, sizeof(buf)));

		served += n;
		OK(write(c, "pong", 4));
		OK(close(c));
	}
	return NULL;
}

static void *client(void *arg)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	char buf[16];
	long *got = arg;
	int i;

	/* the server thread is in accept() by now */
	nanosleep(&ts, NULL);
	for (i = 0; i < CONNS; i++) {
		int s = OK(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));

		OK(connect(s, (struct sockaddr *)&addr, sizeof(addr)));
		OK(write(s, "ping", 4));
		*got += OK(read(s, buf, sizeof(buf)));
		OK(close(s));
	}
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t o[OPENERS], p, c, srv, cli;
	socklen_t len = sizeof(addr);
	long got = 0, total = 0;
	char name[32];
	int i, fd;

	scratch_enter(argc, argv, "thread_race");
	for (i = 0; i < OPENERS; i++) {
		snprintf(name, sizeof(name), "file%d", i);
		fd = OK(open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644));
		OK(write(fd, "0123456789", 1 + i));
		OK(close(fd));
	}
	for (i = 0; i < OPENERS; i++)
		if (pthread_create(&o[i], NULL, opener, (void *)(long)i))
			fail("pthread_create");
	for (i = 0; i < OPENERS; i++)
		pthread_join(o[i], NULL);
	for (i = 0; i < OPENERS; i++)
		total += opened_bytes[i];
	printf("openers read %ld bytes\n", total);

	pthread_create(&c, NULL, consumer, NULL);
	pthread_create(&p, NULL, producer, NULL);
	pthread_join(p, NULL);
	pthread_join(c, NULL);
	printf("consumed %ld\n", consumed);

	lsock = OK(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	OK(bind(lsock, (struct sockaddr *)&addr, sizeof(addr)));
	OK(getsockname(lsock, (struct sockaddr *)&addr, &len));
	OK(listen(lsock, 4));
	pthread_create(&srv, NULL, server, NULL);
	pthread_create(&cli, NULL, client, &got);
	pthread_join(cli, NULL);
	pthread_join(srv, NULL);
	printf("server read %ld bytes, client read %ld bytes\n", served, got);
	return 0;
}
