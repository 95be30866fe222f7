package org.prune4j.sparse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntFunction;

/**
 * Reuses forward passes (and their aligned buffers, which may be megabytes) across calls of the same batch size;
 * each call takes a pass of its own, so concurrent callers never share buffers. Passes are kept for the
 * {@value #BATCH_SIZES} batch sizes used last: a caller that walks through many batch sizes (an evaluation's last,
 * ragged batch, a sweep over sizes) does not pin a set of buffers for each one.
 */
final class PassPool {
    private static final int BATCH_SIZES = 8;
    private static final int PER_BATCH_SIZE = 4;
    private final Map<Integer, Queue<Pass>> idle = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Queue<Pass>> eldest) {
            return size() > BATCH_SIZES;
        }
    };
    private final IntFunction<Pass> factory;

    PassPool(IntFunction<Pass> factory) {
        this.factory = factory;
    }

    /** Runs {@code x → y} on a pass for this batch size. */
    void run(float[] x, int batch, float[] y) {
        Queue<Pass> queue;
        synchronized (idle) {
            queue = idle.computeIfAbsent(batch, b -> new ConcurrentLinkedQueue<>());
        }
        Pass pass = queue.poll();
        if (pass == null) {
            pass = factory.apply(batch);
        }
        pass.run(x, y);
        if (queue.size() < PER_BATCH_SIZE) {
            queue.offer(pass); // into a queue evicted meanwhile, the pass is simply dropped with it
        }
    }

    /** @return the batch sizes that have passes kept (for tests) */
    int batchSizesKept() {
        synchronized (idle) {
            return idle.size();
        }
    }
}
