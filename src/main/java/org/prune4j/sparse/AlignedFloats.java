package org.prune4j.sparse;

import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * A float array whose element {@link #offset} starts on a 64-byte boundary, for the batched vector kernels.
 *
 * <p>Why: a 64-byte vector load that straddles two cache lines costs about twice as much, and the SpMM kernel loads
 * a 64-byte-aligned-in-the-layout piece of the activations per non-zero; misaligned, it was measured 1.5–3× slower
 * (the "alignment swings sparse kernels between JVMs" effect). Java gives no control over array addresses, but
 * G1 places an array larger than half a region (a "humongous" object) at the start of a region and never moves it,
 * so its first element sits at the array base offset (16 bytes) past a region boundary. Arrays are therefore
 * padded to just over half a region when the JVM runs G1 and the padding is at most {@value #MAX_PAD_BYTES} bytes;
 * otherwise the offset is 0 and only speed, never a result, is affected. Just over, not exactly half: an array of
 * exactly half a region is an ordinary object, aligned only if it happens to start a fresh region, and moved by
 * collections (one core, 784×300 at 40 % sparsity, batch 256: a pass took 0.97–1.0 ms with its input buffer aligned,
 * 1.4–1.8 ms with it 16 or 48 bytes off).
 */
final class AlignedFloats {
    private static final int LINE = 64;
    private static final long MAX_PAD_BYTES = 8L << 20;
    /** Half a G1 region in bytes, or 0 when G1 is not in use (no placement guarantee). */
    static final long HUMONGOUS_BYTES = humongousThreshold();
    private static final int ALIGNED_OFFSET = (int) (((LINE - sun.misc.Unsafe.ARRAY_FLOAT_BASE_OFFSET % LINE) % LINE)
            / Float.BYTES);

    /** The storage. */
    final float[] data;
    /** Index of the first element of the logical array. */
    final int offset;

    private AlignedFloats(float[] data, int offset) {
        this.data = data;
        this.offset = offset;
    }

    /**
     * @param length floats needed
     * @return an array of at least {@code length + offset} floats
     */
    static AlignedFloats of(int length) {
        long bytes = (long) (length + ALIGNED_OFFSET) * Float.BYTES + sun.misc.Unsafe.ARRAY_FLOAT_BASE_OFFSET;
        // G1 makes an object humongous only if it is larger than half a region: one of exactly half a region is an
        // ordinary object, which lands anywhere in a region and is moved by collections
        long humongous = HUMONGOUS_BYTES + Long.BYTES;
        if (HUMONGOUS_BYTES > 0 && sun.misc.Unsafe.ARRAY_FLOAT_BASE_OFFSET % Float.BYTES == 0
                && Math.max(bytes, humongous) - bytes <= MAX_PAD_BYTES) {
            long total = Math.max(bytes, humongous);
            int floats = (int) ((total - sun.misc.Unsafe.ARRAY_FLOAT_BASE_OFFSET + Float.BYTES - 1) / Float.BYTES);
            return new AlignedFloats(new float[floats], ALIGNED_OFFSET);
        }
        return new AlignedFloats(new float[length], 0);
    }

    private static long humongousThreshold() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (!"true".equals(vm.getVMOption("UseG1GC").getValue())) {
                return 0;
            }
            return Long.parseLong(vm.getVMOption("G1HeapRegionSize").getValue()) / 2;
        } catch (RuntimeException | LinkageError e) {
            return 0; // not HotSpot, or no management module: no placement guarantee
        }
    }
}
