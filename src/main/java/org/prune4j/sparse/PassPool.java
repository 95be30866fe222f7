package org.prune4j.sparse;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntFunction;

/**
 * Reuses forward passes (and their aligned buffers, which may be megabytes) across calls of the same batch size;
 * each call takes a pass of its own, so concurrent callers never share buffers.
 */
final class PassPool {
    private final Map<Integer, Queue<Pass>> idle = new ConcurrentHashMap<>();
    private final IntFunction<Pass> factory;

    PassPool(IntFunction<Pass> factory) {
        this.factory = factory;
    }

    /** Runs {@code x → y} on a pass for this batch size. */
    void run(float[] x, int batch, float[] y) {
        Queue<Pass> queue = idle.computeIfAbsent(batch, b -> new ConcurrentLinkedQueue<>());
        Pass pass = queue.poll();
        if (pass == null) {
            pass = factory.apply(batch);
        }
        pass.run(x, y);
        if (queue.size() < 4) {
            queue.offer(pass);
        }
    }
}
