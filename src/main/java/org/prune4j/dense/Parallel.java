package org.prune4j.dense;

import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * Splits a kernel call over the machine's cores with a small dedicated pool of daemon threads (one per extra core),
 * for calls big enough to pay for the hand-off (a few microseconds).
 *
 * <p>{@value #PROPERTY} caps the number of cores. The caller runs part 0 itself. Workers spin briefly after a task before parking, so back-to-back calls (the
 * layers of a network, timing repetitions) do not pay a wake-up each time. If the pool is busy (another thread
 * is using it, or a part calls back in), the parts simply run one after another on the caller: never a deadlock.
 */
public final class Parallel {
    /** System property capping the cores used (e.g. {@code -Dprune4j.threads=1} for single-core timings). */
    public static final String PROPERTY = "prune4j.threads";
    private static final int CORES = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
            Integer.getInteger(PROPERTY, Integer.MAX_VALUE)));
    private static final long SPIN_NANOS = 100_000;

    private Parallel() {
    }

    /** @return the number of parts a call is split into at most (the available processors) */
    public static int cores() {
        return CORES;
    }

    /**
     * Runs {@code body.accept(part)} for every {@code part} in {@code [0, parts)}, in parallel where workers are free,
     * and returns when all are done. An exception in any part is rethrown here after all parts have finished.
     *
     * @param parts number of parts, at least 1 (more than {@link #cores()} run in turns)
     * @param body  the work of one part
     */
    public static void run(int parts, IntConsumer body) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be at least 1, got " + parts);
        }
        if (parts == 1 || CORES == 1 || Pool.INSTANCE.lock.isHeldByCurrentThread() || !Pool.INSTANCE.lock.tryLock()) {
            for (int p = 0; p < parts; p++) {
                body.accept(p);
            }
            return;
        }
        try {
            Pool.INSTANCE.run(parts, body);
        } finally {
            Pool.INSTANCE.lock.unlock();
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
            // Parts beyond the cores are dealt round-robin: part p goes to slot p % CORES (slot 0 = caller).
            int used = Math.min(parts, CORES) - 1;
            for (int w = 0; w < used; w++) {
                workers[w].submit(body, w + 1, parts, CORES);
            }
            Throwable failure = null;
            try {
                for (int p = 0; p < parts; p += CORES) {
                    body.accept(p);
                }
            } catch (Throwable t) {
                failure = t;
            }
            for (int w = 0; w < used; w++) {
                Throwable t = workers[w].await();
                if (failure == null) {
                    failure = t;
                }
            }
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

    /** A daemon thread that runs the parts it is given and spins a little before parking. */
    private static final class Worker extends Thread {
        private volatile IntConsumer task;
        private volatile boolean done = true;
        private int first;
        private int parts;
        private int step;
        private Throwable failure;
        private volatile Thread waiter;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        void submit(IntConsumer body, int first, int parts, int step) {
            this.first = first;
            this.parts = parts;
            this.step = step;
            this.failure = null;
            this.done = false;
            this.task = body; // volatile write publishes the fields above
            LockSupport.unpark(this);
        }

        Throwable await() {
            long start = System.nanoTime();
            while (!done) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    waiter = Thread.currentThread();
                    if (!done) {
                        LockSupport.parkNanos(this, 50_000);
                    }
                }
            }
            waiter = null;
            return failure;
        }

        @Override
        public void run() {
            while (true) {
                IntConsumer body = task;
                if (body == null) {
                    long start = System.nanoTime();
                    while ((body = task) == null && System.nanoTime() - start < SPIN_NANOS) {
                        Thread.onSpinWait();
                    }
                    if (body == null) {
                        LockSupport.park(this);
                        continue;
                    }
                }
                task = null;
                try {
                    for (int p = first; p < parts; p += step) {
                        body.accept(p);
                    }
                } catch (Throwable t) {
                    failure = t;
                }
                done = true;
                Thread w = waiter;
                if (w != null) {
                    LockSupport.unpark(w);
                }
            }
        }
    }
}
