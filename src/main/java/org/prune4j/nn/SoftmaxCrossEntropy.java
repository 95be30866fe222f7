package org.prune4j.nn;

/**
 * Softmax cross-entropy on logits held in a plain float array (a batch × classes, row-major): loss, number of
 * correct predictions, and the gradient {@code (softmax − onehot) / batch}. Done in Java because it is tiny
 * (batch × 10) and one native call per step cheaper.
 */
final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /**
     * @param logits   {@code rows × classes} logits; overwritten with the gradient when {@code gradient} is true
     * @param labels   label per row, read at {@code labels[labelIndex[offset + r]]} when {@code labelIndex} is given
     * @param rows     rows
     * @param classes  classes
     * @param gradient whether to overwrite the logits with the gradient of the mean loss
     * @return {@code {sum of losses, number correct}}
     */
    static double[] apply(float[] logits, int[] labels, int[] labelIndex, int offset, int rows, int classes, boolean gradient) {
        double lossSum = 0;
        int correct = 0;
        float scale = 1f / rows;
        for (int r = 0; r < rows; r++) {
            int base = r * classes;
            int label = labels[labelIndex == null ? offset + r : labelIndex[offset + r]];
            float max = logits[base];
            int argmax = 0;
            for (int c = 1; c < classes; c++) {
                if (logits[base + c] > max) {
                    max = logits[base + c];
                    argmax = c;
                }
            }
            if (argmax == label) {
                correct++;
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(logits[base + c] - max);
            }
            double logSum = Math.log(sum);
            lossSum += logSum - (logits[base + label] - max);
            if (gradient) {
                for (int c = 0; c < classes; c++) {
                    double p = Math.exp(logits[base + c] - max - logSum);
                    logits[base + c] = (float) ((p - (c == label ? 1 : 0)) * scale);
                }
            }
        }
        return new double[] {lossSum, correct};
    }
}
