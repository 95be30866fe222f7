package org.prune4j.data;

import java.util.Arrays;
import java.util.Objects;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Grey-scale images with class labels, kept compactly as unsigned bytes (47 MB for MNIST's 60,000 training
 * images) and turned into float32 features in [0, 1] only batch by batch.
 */
public final class LabeledImages {
    private final String name;
    private final byte[] pixels;
    private final byte[] labels;
    private final int rows;
    private final int cols;
    private final int classes;

    /**
     * @param name    a name for messages and tables, e.g. "MNIST train"
     * @param pixels  {@code count × rows × cols} unsigned bytes, row-major
     * @param labels  {@code count} labels in {@code [0, classes)}
     * @param rows    image height
     * @param cols    image width
     * @param classes number of classes
     * @throws IllegalArgumentException if the sizes do not agree or a label is out of range
     */
    public LabeledImages(String name, byte[] pixels, byte[] labels, int rows, int cols, int classes) {
        // copies: a label changed afterwards would skip the range check below
        this(name, pixels.clone(), labels.clone(), rows, cols, classes, HANDED_OVER);
    }

    /** Marks the constructor that keeps its arrays: callers pass copies no one else holds. */
    private enum HandedOver { HANDED_OVER }

    private static final HandedOver HANDED_OVER = HandedOver.HANDED_OVER;

    private LabeledImages(String name, byte[] pixels, byte[] labels, int rows, int cols, int classes,
            HandedOver handedOver) {
        this.name = Objects.requireNonNull(name, "name");
        if (rows <= 0 || cols <= 0 || classes <= 0) {
            throw new IllegalArgumentException("rows, cols and classes must be positive: " + rows + ", " + cols + ", " + classes);
        }
        long perImage = (long) rows * cols; // below 2^62, and times a label count below 2^93: checked in two steps
        if (perImage > Integer.MAX_VALUE || labels.length * perImage != pixels.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels of " + rows + " x " + cols
                    + " pixels but " + pixels.length + " pixels given");
        }
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xff) >= classes) {
                throw new IllegalArgumentException(name + ": label " + (labels[i] & 0xff) + " at index " + i
                        + " is not below the number of classes " + classes);
            }
        }
        this.pixels = pixels;
        this.labels = labels;
        this.rows = rows;
        this.cols = cols;
        this.classes = classes;
    }

    /**
     * Pairs an images file with a labels file.
     *
     * @param name    a name for messages
     * @param images  an IDX file of shape {@code [n, rows, cols]}
     * @param labels  an IDX file of shape {@code [n]}
     * @param classes number of classes
     * @return the labeled images
     * @throws DataException if the shapes do not fit together
     */
    public static LabeledImages of(String name, IdxFile images, IdxFile labels, int classes) {
        int[] id = images.dimensions();
        int[] ld = labels.dimensions();
        if (id.length != 3 || ld.length != 1) {
            throw new DataException(name + ": expected images of rank 3 and labels of rank 1, got "
                    + Arrays.toString(id) + " and " + Arrays.toString(ld));
        }
        if (id[0] != ld[0]) {
            throw new DataException(name + ": " + id[0] + " images but " + ld[0] + " labels");
        }
        try {
            // shared, not copied: neither class changes its arrays or hands them out
            return new LabeledImages(name, images.sharedData(), labels.sharedData(), id[1], id[2], classes,
                    HANDED_OVER);
        } catch (IllegalArgumentException e) {
            throw new DataException(e.getMessage(), e);
        }
    }

    /** @return the name, e.g. "MNIST train" */
    public String name() {
        return name;
    }

    /** @return the number of images */
    public int size() {
        return labels.length;
    }

    /** @return the number of features of one image ({@code rows × cols}, 784 for MNIST) */
    public int featureCount() {
        return rows * cols;
    }

    /** @return image height */
    public int rows() {
        return rows;
    }

    /** @return image width */
    public int cols() {
        return cols;
    }

    /** @return the number of classes */
    public int classes() {
        return classes;
    }

    /**
     * @param index image index
     * @return the label of that image
     */
    public int label(int index) {
        return labels[index] & 0xff;
    }

    /** @return a copy of all labels */
    public int[] labels() {
        int[] out = new int[labels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels[i] & 0xff;
        }
        return out;
    }

    /**
     * @param index image index
     * @param pixel pixel index in {@code [0, featureCount())}
     * @return the pixel's intensity in [0, 255]
     */
    public int pixel(int index, int pixel) {
        Objects.checkIndex(pixel, featureCount());
        return pixels[index * featureCount() + pixel] & 0xff;
    }

    /** @return how many images each class has */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (byte label : labels) {
            counts[label & 0xff]++;
        }
        return counts;
    }

    /**
     * The first {@code n} images (a quick subset for smoke tests and demos).
     *
     * @param n how many
     * @return a view sharing nothing mutable with this set
     */
    public LabeledImages first(int n) {
        if (n <= 0 || n > size()) {
            throw new IllegalArgumentException("first(" + n + "): n must be in [1, " + size() + "]");
        }
        return new LabeledImages(name + " (first " + n + ")", Arrays.copyOf(pixels, n * featureCount()),
                Arrays.copyOf(labels, n), rows, cols, classes, HANDED_OVER);
    }

    /**
     * Writes the features of the chosen images, scaled to [0, 1], into {@code out} row by row.
     *
     * @param indices image indices
     * @param from    first position in {@code indices}
     * @param count   how many images
     * @param out     destination of at least {@code count × featureCount()} floats
     */
    public void copyFeatures(int[] indices, int from, int count, float[] out) {
        int f = featureCount();
        for (int r = 0; r < count; r++) {
            int base = indices[from + r] * f;
            int o = r * f;
            for (int j = 0; j < f; j++) {
                out[o + j] = (pixels[base + j] & 0xff) * (1f / 255f);
            }
        }
    }

    /**
     * Features of images {@code [from, from + count)} as a float32 matrix {@code [count × featureCount()]} in [0, 1].
     *
     * @param from  first image
     * @param count how many images
     * @return a new array
     */
    public INDArray features(int from, int count) {
        if (from < 0 || count <= 0 || count > size() - from) {
            throw new IllegalArgumentException("features(" + from + ", " + count + ") outside [0, " + size() + ")");
        }
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = from + i;
        }
        float[] buffer = new float[count * featureCount()];
        copyFeatures(indices, 0, count, buffer);
        return Nd4j.create(buffer, new long[] {count, featureCount()}, DataType.FLOAT);
    }

    /** @return all features as one float32 matrix {@code [size() × featureCount()]} */
    public INDArray features() {
        return features(0, size());
    }

    @Override
    public String toString() {
        return name + ": " + size() + " images " + rows + "x" + cols + ", " + classes + " classes";
    }
}
