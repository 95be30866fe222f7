package org.prune4j.sparse;

import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.Network;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a network costs on disk in each {@link WeightEncoding}: every size is measured by encoding the weights and
 * writing the {@link ModelFile} bytes, and every encoding is decoded again and its outputs compared with the
 * original's.
 *
 * <pre>{@code
 * Storage.of(pruned)   // encoding, weight_bytes, file_bytes, ratio_vs_dense, bits_per_nonzero, lossless, ...
 * }</pre>
 */
public final class Storage {
    private Storage() {
    }

    /**
     * @param network a (pruned) network
     * @return one row per {@linkplain WeightEncoding#standard() standard encoding}
     */
    public static Table of(Network network) {
        return of(network, WeightEncoding.standard());
    }

    /**
     * @param network   a (pruned) network
     * @param encodings the encodings to measure (those that cannot hold the network are left out, and the table's
     *                  name says which and why: e.g. 16-bit indices for a layer of more than 65,536 inputs)
     * @return columns encoding, weight_bytes, file_bytes, ratio_vs_dense (file bytes of dense float32 over these),
     *         weight_ratio_vs_dense, bits_per_nonzero (weight bits per non-zero weight), lossless,
     *         max_weight_error, max_output_error (on 64 fixed random inputs)
     */
    public static Table of(Network network, List<WeightEncoding> encodings) {
        Table t = Table.create("storage " + network.name(), StringColumn.create("encoding"),
                LongColumn.create("weight_bytes"), LongColumn.create("file_bytes"), DoubleColumn.create("ratio_vs_dense"),
                DoubleColumn.create("weight_ratio_vs_dense"), DoubleColumn.create("bits_per_nonzero"),
                BooleanColumn.create("lossless"), DoubleColumn.create("max_weight_error"),
                DoubleColumn.create("max_output_error"));
        long nnz = network.nonZeroWeights();
        long denseFile = ModelFile.toBytes(network, WeightEncoding.denseFp32()).length;
        long denseWeights = network.weightCount() * Float.BYTES;
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        float[] probe = new float[64 * network.inputs()];
        for (int i = 0; i < probe.length; i++) {
            probe[i] = (float) random.nextDouble();
        }
        INDArray x = Nd4j.create(probe, new long[] {64, network.inputs()}, DataType.FLOAT);
        List<String> leftOut = new java.util.ArrayList<>();
        float[] reference = network.output(x).data().asFloat();
        for (WeightEncoding e : encodings) {
            long weightBytes = 0;
            double weightError = 0;
            boolean encodable = true;
            for (DenseLayer l : network.layers()) {
                CsrMatrix m = CsrMatrix.ofLayer(l);
                byte[] bytes;
                try {
                    bytes = e.encode(m);
                } catch (EncodingLimitException cannot) {
                    encodable = false; // e.g. 16-bit indices for a layer with more than 65,536 inputs
                    leftOut.add("layer " + l.name() + ", " + cannot.getMessage());
                    break;
                }
                weightBytes += bytes.length;
                // a failure to decode what was just encoded is a bug, not an encoding that does not apply: let it out
                float[] back = e.decode(bytes, m.rows, m.cols).toDense();
                float[] orig = m.toDense();
                for (int i = 0; i < orig.length; i++) {
                    weightError = Math.max(weightError, Math.abs(orig[i] - back[i]));
                }
            }
            if (!encodable) {
                continue;
            }
            byte[] file;
            try {
                file = ModelFile.toBytes(network, e);
            } catch (EncodingLimitException cannot) {
                leftOut.add(e.name() + ", " + cannot.getMessage()); // every layer fits, the whole file does not
                continue;
            }
            Network loaded = ModelFile.fromBytes(file);
            float[] out = loaded.output(x).data().asFloat();
            double outputError = 0;
            for (int i = 0; i < out.length; i++) {
                outputError = Math.max(outputError, Math.abs(out[i] - reference[i]));
            }
            t.stringColumn("encoding").append(e.name());
            t.longColumn("weight_bytes").append(weightBytes);
            t.longColumn("file_bytes").append(file.length);
            t.doubleColumn("ratio_vs_dense").append((double) denseFile / file.length);
            t.doubleColumn("weight_ratio_vs_dense").append((double) denseWeights / weightBytes);
            t.doubleColumn("bits_per_nonzero").append(nnz == 0 ? Double.NaN : 8.0 * weightBytes / nnz);
            t.booleanColumn("lossless").append(e.lossless());
            t.doubleColumn("max_weight_error").append(weightError);
            t.doubleColumn("max_output_error").append(outputError);
        }
        if (!leftOut.isEmpty()) {
            t.setName(t.name() + " (left out: " + String.join("; ", leftOut) + ")");
        }
        return t;
    }
}
