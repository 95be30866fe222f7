package org.prune4j.nn;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bulk copies between Java {@code float[]} and ND4J's off-heap buffers. ND4J's own {@code setData(float[])} and
 * {@code asFloat()} go element by element (≈ 600 µs for a 128 × 784 batch); a bulk NIO copy takes ≈ 25 µs.
 */
public final class HostCopy {
    private HostCopy() {
    }

    /**
     * @param array a float32 array
     * @return its elements in row-major ('c') order, as a new Java array
     */
    public static float[] toFloats(INDArray array) {
        if (!isWhole(array)) {
            return array.dup('c').data().asFloat();
        }
        float[] out = new float[(int) array.length()];
        FloatBuffer buffer = array.data().asNioFloat();
        buffer.position(0);
        buffer.get(out);
        return out;
    }

    /**
     * Overwrites a float32 array with {@code values} in row-major order.
     *
     * @param target a float32 array that owns its whole buffer in 'c' order
     * @param values exactly {@code target.length()} values
     */
    public static void fill(INDArray target, float[] values) {
        if (values.length != target.length()) {
            throw new IllegalArgumentException("have " + values.length + " values for an array of " + target.length());
        }
        if (!isWhole(target)) {
            throw new IllegalArgumentException("target must be a whole float32 'c'-order array, not a view");
        }
        FloatBuffer buffer = target.data().asNioFloat();
        buffer.position(0);
        buffer.put(values);
    }

    private static boolean isWhole(INDArray array) {
        return array.dataType() == DataType.FLOAT && !array.isView() && array.ordering() == 'c'
                && array.offset() == 0 && array.data().length() == array.length();
    }
}
