package org.prune4j.sparse;

import java.util.List;

/**
 * The SELL-C forms of a chain of layers for one input at a time. A SELL product writes its outputs in slice order;
 * instead of mapping them back after every layer, the next layer's columns (and this layer's bias) are renumbered
 * to that order once, here, so only the network's final output is mapped back.
 */
final class SellChain {
    final SellMatrix[] sells;
    /** Bias of each layer in its slice order, padded to whole slices. */
    final float[][] bias;

    private SellChain(SellMatrix[] sells, float[][] bias) {
        this.sells = sells;
        this.bias = bias;
    }

    static SellChain single(SparseLayer layer) {
        SellMatrix s = layer.sell();
        return new SellChain(new SellMatrix[] {s}, new float[][] {ordered(s, layer.biasLive())});
    }

    static SellChain of(List<SparseLayer> layers) {
        int n = layers.size();
        SellMatrix[] sells = new SellMatrix[n];
        float[][] bias = new float[n][];
        int height = SparseLayer.sliceHeight(layers.get(0).kernel());
        int[] previousOrder = null;
        for (int i = 0; i < n; i++) {
            CsrMatrix m = layers.get(i).csr();
            if (previousOrder != null) {
                int[] newIndex = new int[m.cols];
                for (int pos = 0; pos < previousOrder.length; pos++) {
                    if (previousOrder[pos] >= 0) {
                        newIndex[previousOrder[pos]] = pos;
                    }
                }
                m = m.renumberColumns(newIndex);
            }
            sells[i] = i == 0 ? layers.get(0).sell() : SellMatrix.of(m, height);
            bias[i] = ordered(sells[i], layers.get(i).biasLive());
            previousOrder = sells[i].order;
        }
        return new SellChain(sells, bias);
    }

    private static float[] ordered(SellMatrix s, float[] bias) {
        float[] b = new float[s.paddedRows()];
        for (int pos = 0; pos < s.rows; pos++) {
            b[pos] = bias[s.order[pos]];
        }
        return b;
    }
}
