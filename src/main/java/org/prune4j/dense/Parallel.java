package org.prune4j.dense;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * Splits a kernel call over the machine's cores with a small dedicated pool of daemon threads (one per extra core),
 * for calls big enough to pay for the hand-off (a few microseconds).
 *
 * <p>Parts are claimed, not assigned: the caller and the workers take the next unclaimed part until none is left,
 * so on a busy machine where a worker is not scheduled the caller simply does its share too, and a call is never
 * much slower than on one core. Workers spin briefly after a task before parking, so back-to-back calls (the layers
 * of a network, timing repetitions) do not pay a wake-up each time. If the pool is in use (by another thread, or
 * a part calls back in), the parts run one after another on the caller: never a deadlock. {@value #PROPERTY}
 * caps the number of cores.
 */
public final class Parallel {
    /** System property capping the cores used (e.g. {@code -Dprune4j.threads=1} for single-core timings). */
    public static final String PROPERTY = "prune4j.threads";
    private static final int CORES = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
            Integer.getInteger(PROPERTY, Integer.MAX_VALUE)));
    private static final long SPIN_NANOS = 50_000;

    private Parallel() {
    }

    /** @return the number of cores calls are spread over */
    public static int cores() {
        return CORES;
    }

    /**
     * Runs {@code body.accept(part)} for every {@code part} in {@code [0, parts)}, on the caller and the free
     * workers, and returns when all are done. An exception in any part is rethrown here after all parts have
     * finished.
     *
     * @param parts number of parts, at least 1 (a few per core balance uneven parts)
     * @param body  the work of one part
     */
    public static void run(int parts, IntConsumer body) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be at least 1, got " + parts);
        }
        Pool pool = CORES == 1 || parts == 1 ? null : Pool.INSTANCE;
        if (pool == null || pool.lock.isHeldByCurrentThread() || !pool.lock.tryLock()) {
            // every part runs, as on the pool, and the first failure is rethrown after them
            RuntimeException failed = null;
            for (int p = 0; p < parts; p++) {
                try {
                    body.accept(p);
                } catch (RuntimeException e) {
                    if (failed == null) {
                        failed = e;
                    } else {
                        failed.addSuppressed(e);
                    }
                }
            }
            if (failed != null) {
                throw failed;
            }
            return;
        }
        try {
            pool.run(parts, body);
        } finally {
            pool.lock.unlock();
        }
    }

    /** The workers, created on first parallel use. */
    private static final class Pool {
        static final Pool INSTANCE = new Pool(CORES - 1);
        final ReentrantLock lock = new ReentrantLock();
        final Worker[] workers;

        Pool(int count) {
            workers = new Worker[count];
            for (int i = 0; i < count; i++) {
                workers[i] = new Worker("prune4j-core-" + (i + 1));
                workers[i].start();
            }
        }

        void run(int parts, IntConsumer body) {
            Job job = new Job(body, parts);
            int helpers = Math.min(parts - 1, workers.length);
            for (int w = 0; w < helpers; w++) {
                workers[w].offer(job);
            }
            job.work();
            // Parts still running on a worker: wait for them (spin, then park briefly).
            long start = System.nanoTime();
            while (job.finished.get() < parts) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(20_000);
                }
            }
            for (int w = 0; w < helpers; w++) {
                workers[w].retract(job);
            }
            Throwable failure = job.failure;
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }
    }

    /** One call's parts, claimed one at a time by whoever is free. */
    private static final class Job {
        private static final AtomicLong SEQUENCE = new AtomicLong();
        final long id = SEQUENCE.incrementAndGet();
        final IntConsumer body;
        final int parts;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        volatile Throwable failure;

        Job(IntConsumer body, int parts) {
            this.body = body;
            this.parts = parts;
        }

        void work() {
            int p;
            while ((p = next.getAndIncrement()) < parts) {
                try {
                    body.accept(p);
                } catch (Throwable t) {
                    if (failure == null) {
                        failure = t;
                    }
                } finally {
                    finished.incrementAndGet();
                }
            }
        }
    }

    /** A daemon thread that helps with the current job and spins a little before parking. */
    private static final class Worker extends Thread {
        private volatile Job job;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        void offer(Job j) {
            job = j;
            LockSupport.unpark(this);
        }

        void retract(Job j) {
            if (job == j) {
                job = null;
            }
        }

        @Override
        public void run() {
            // The id, not the job: a finished job's body (and the arrays it captures) must not stay reachable.
            long last = 0;
            long idleSince = System.nanoTime();
            while (true) {
                Job j = job;
                if (j != null && j.id != last) {
                    j.work();
                    last = j.id;
                    j = null;
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
