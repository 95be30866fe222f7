package org.prune4j.nn;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * ND4J's CPU backend threads. ND4J starts with one OpenMP thread per core for its own ops and for OpenBLAS; on a
 * machine that other processes keep busy, those threads wait on each other and small ops slow down many times,
 * while one thread degrades gracefully. {@code OMP_NUM_THREADS} sets the count before start; this class changes it
 * in a running JVM (for example from a notebook).
 */
public final class Backend {
    private Backend() {
    }

    /**
     * @param threads threads for ND4J's ops and its BLAS, at least 1
     */
    public static void threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        Nd4j.getBackend(); // loads the natives first
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    /** @return the threads ND4J's ops use now */
    public static int threads() {
        Nd4j.getBackend();
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }
}
