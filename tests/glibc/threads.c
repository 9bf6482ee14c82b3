/*
 * threads: glibc's pthreads, statically linked, as Debian builds them:
 * four threads adding to a counter under a mutex, a producer and a
 * consumer handing items over through a condition variable, thread-local
 * storage, pthread_join's return values and a detached thread's exit.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define THREADS	4
#define ROUNDS	20000
#define ITEMS	1000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready = PTHREAD_COND_INITIALIZER;
static pthread_cond_t taken = PTHREAD_COND_INITIALIZER;
static long counter;
static int slot = -1, done_items;
static __thread int mine;

static void *adder(void *arg)
{
	int i;

	mine = (int)(long)arg;
	for (i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
	}
	return (void *)(long)(mine * 10);
}

static void *producer(void *arg)
{
	int i;

	(void)arg;
	for (i = 1; i <= ITEMS; i++) {
		pthread_mutex_lock(&lock);
		while (slot != -1)
			pthread_cond_wait(&taken, &lock);
		slot = i;
		pthread_cond_signal(&ready);
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void *consumer(void *arg)
{
	long sum = 0;

	(void)arg;
	for (;;) {
		pthread_mutex_lock(&lock);
		while (slot == -1)
			pthread_cond_wait(&ready, &lock);
		sum += slot;
		done_items++;
		slot = -1;
		pthread_cond_signal(&taken);
		pthread_mutex_unlock(&lock);
		if (done_items == ITEMS)
			return (void *)sum;
	}
}

int main(void)
{
	pthread_t t[THREADS], p, c;
	void *ret;
	long total = 0;
	int i;

	mine = 99;
	for (i = 0; i < THREADS; i++)
		if (pthread_create(&t[i], NULL, adder, (void *)(long)(i + 1))) {
			printf("pthread_create failed\n");
			return 1;
		}
	for (i = 0; i < THREADS; i++) {
		pthread_join(t[i], &ret);
		total += (long)ret;
	}
	printf("counter %ld (want %d), joins returned %ld, main's tls %d\n", counter,
	       THREADS * ROUNDS, total, mine);
	pthread_create(&c, NULL, consumer, NULL);
	pthread_create(&p, NULL, producer, NULL);
	pthread_join(p, NULL);
	pthread_join(c, &ret);
	printf("handed over %d items, sum %ld (want %d)\n", done_items, (long)ret,
	       ITEMS * (ITEMS + 1) / 2);
	return 0;
}
