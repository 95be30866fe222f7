package org.prune4j.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.prune4j.nn.DenseLayer;
import org.prune4j.nn.HostCopy;
import org.prune4j.nn.Network;

/** Golden fixtures and exact semantics of every pruning method. */
class PruningTest {

    @Test
    void goldenWeightPruning() {
        Network net = Fixtures.golden();
        Pruning.magnitude(0.34).onLayers("fc1").apply(net);
        assertArrayEquals(new float[][] {{6, 0, 9}, {0, 5, 7}, {4, 8, 0}}, Fixtures.weights(net, "fc1"));
        assertArrayEquals(new float[] {1, 0, 1, 0, 1, 1, 1, 1, 0}, HostCopy.toFloats(net.layer("fc1").mask().orElseThrow()));
        assertFalse(net.layer("fc2").hasMask(), "fc2 was not chosen");
    }

    @Test
    void goldenUnitPruning() {
        Network net = Fixtures.golden();
        Pruning.units(0.33).apply(net); // hidden layers only: fc1
        assertArrayEquals(new float[][] {{0, 3, 9}, {0, 5, 7}, {0, 8, 2}}, Fixtures.weights(net, "fc1"));
        assertFalse(net.layer("fc2").hasMask(), "the output layer keeps its units by default");
    }

    @Test
    void unitPruningRanksColumnsByTheirL2Norm() {
        // columns [4,0,0] (L1 4, L2 4) and [2,2,2] (L1 6, L2 3.46) and [5,5,5]: L2 prunes column 1, L1 column 0
        Network net = two(new float[][] {{4, 2, 5}, {0, 2, 5}, {0, 2, 5}});
        Pruning.units(0.33).apply(net);
        assertArrayEquals(new float[][] {{4, 0, 5}, {0, 0, 5}, {0, 0, 5}}, Fixtures.weights(net, "fc1"));
        // [3,0,0] (L2 3, max 3) against [2,2,2] (L2 3.46, max 2): L2 prunes column 0, the max norm would prune 1
        Network other = two(new float[][] {{3, 2, 5}, {0, 2, 5}, {0, 2, 5}});
        Pruning.units(0.33).apply(other);
        assertArrayEquals(new float[][] {{0, 2, 5}, {0, 2, 5}, {0, 2, 5}}, Fixtures.weights(other, "fc1"));
    }

    /** fc1 with the given 3 × 3 weights, then the golden output layer. */
    private static Network two(float[][] fc1) {
        Network golden = Fixtures.golden();
        return new Network("two", List.of(new DenseLayer("fc1", Fixtures.matrix(fc1),
                org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 3),
                org.prune4j.nn.Activation.RELU), golden.layer("fc2")));
    }

    @Test
    void thresholdUsesThePopulationStd() {
        // after masking the five zeros, the remaining 1, 1, 3, 3 have mean 2 and population std 1 (sample std
        // 1.155): quality 2.9 cuts at 2.9 and keeps the 3s, where the sample std (cut 3.35) would prune them too
        Network net = two(new float[][] {{1, 1, 0}, {3, 3, 0}, {0, 0, 0}});
        Pruning.magnitude(5.0 / 9).onLayers("fc1").apply(net);
        Pruning.threshold(2.9).onLayers("fc1").apply(net);
        assertArrayEquals(new float[][] {{0, 0, 0}, {3, 3, 0}, {0, 0, 0}}, Fixtures.weights(net, "fc1"));
    }

    @Test
    void thresholdPerLayerRefusesASelectedLayerWithoutAQuality() {
        Network net = Fixtures.golden();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pruning.threshold(Map.of("fc1", 1.0)).onLayers("fc2").apply(net));
        assertTrue(e.getMessage().contains("no quality given for layer fc2"), e.getMessage());
        Map<String, Double> withNull = new java.util.HashMap<>();
        withNull.put("fc1", null);
        assertThrows(IllegalArgumentException.class, () -> Pruning.threshold(withNull));
        assertThrows(IllegalArgumentException.class, () -> Pruning.magnitude(withNull));
        assertThrows(IllegalArgumentException.class, () -> Pruning.magnitude((Amount) null));
        assertThrows(IllegalArgumentException.class, () -> Pruning.global((Amount) null));
        assertThrows(IllegalArgumentException.class, () -> Pruning.units((Amount) null));
    }

    @Test
    void goldenGlobalPruningPicksAcrossLayers() {
        Network net = Fixtures.golden();
        // 15 weights; |w| sorted: 0.5, 1, 1 (fc1 [1,0]), 1, 1, 2, 2, 2, 3, 3, ... -> the 5 smallest by rank:
        // fc2 0.5, fc1 1 (pos 3), fc2 1 (pos 9), fc2 -1 (pos 10), fc2 1 (pos 14)
        Pruning.global(5.0 / 15).apply(net);
        assertArrayEquals(new float[][] {{6, 3, 9}, {0, 5, 7}, {4, 8, 2}}, Fixtures.weights(net, "fc1"));
        assertArrayEquals(new float[][] {{0, 0}, {2, 0}, {-3, 0}}, Fixtures.weights(net, "fc2"));
    }

    @Test
    void globalPruningDoesNotDependOnTheOrderLayersAreNamed() {
        // 2 of 15: fc2 0.5, then the tie at |w| = 1 goes to the earlier layer in the network (fc1 [1,0])
        Network typed = Fixtures.golden();
        Pruning.global(2.0 / 15).onLayers("fc2", "fc1").apply(typed);
        Network ordered = Fixtures.golden();
        Pruning.global(2.0 / 15).onLayers("fc1", "fc2").apply(ordered);
        for (String layer : List.of("fc1", "fc2")) {
            assertArrayEquals(Fixtures.weights(ordered, layer), Fixtures.weights(typed, layer), layer);
        }
        assertEquals(0f, Fixtures.weights(typed, "fc1")[1][0]);
    }

    @Test
    void goldenThresholdPruning() {
        Network net = Fixtures.golden();
        // fc1 weights 1..9: mean 5, population std sqrt(60/9) = 2.582; quality 1 prunes |w| < 2.582: 1 and 2
        Pruning.threshold(1.0).onLayers("fc1").apply(net);
        assertArrayEquals(new float[][] {{6, 3, 9}, {0, 5, 7}, {4, 8, 0}}, Fixtures.weights(net, "fc1"));
    }

    @Test
    void thresholdOnAPrunedLayerTakesTheStdOfItsRemainingWeights() {
        Network net = Fixtures.golden();
        Pruning.magnitude(0.34).onLayers("fc1").apply(net); // [[6,0,9],[0,5,7],[4,8,0]]
        // remaining 6, 9, 5, 7, 4, 8: mean 6.5, population std sqrt(17.5 / 6) = 1.708; 2.5 x 1.708 = 4.27 prunes 4.
        // Over all nine (zeros counted) the std would be 3.27 and the cut 8.2, leaving only the 9.
        Pruning.threshold(2.5).onLayers("fc1").apply(net);
        assertArrayEquals(new float[][] {{6, 0, 9}, {0, 5, 7}, {0, 8, 0}}, Fixtures.weights(net, "fc1"));
    }

    @Test
    void thresholdPerLayerUsesEachLayersQualityAndLeavesOthersAlone() {
        Network net = Fixtures.golden();
        // fc1: std 2.582, quality 2 prunes |w| < 5.16: 1, 2, 3, 4, 5; fc2 is not named
        Pruning.threshold(Map.of("fc1", 2.0)).apply(net);
        assertArrayEquals(new float[][] {{6, 0, 9}, {0, 0, 7}, {0, 8, 0}}, Fixtures.weights(net, "fc1"));
        assertFalse(net.layer("fc2").hasMask());
    }

    @Test
    void exactCountsOnRandomMatrices() {
        for (long seed = 0; seed < 20; seed++) {
            Network net = Fixtures.random(seed, 37, 23, 11, 5);
            double k = (seed % 10) / 10.0 + 0.05;
            Pruning.magnitude(k).apply(net);
            for (DenseLayer layer : net.layers()) {
                long expected = rint(k * layer.weightCount());
                assertEquals(expected, Fixtures.zeros(layer.weightArray()), "seed " + seed + " " + layer.name());
                assertEquals(expected, Fixtures.zeros(HostCopy.toFloats(layer.mask().orElseThrow())));
            }
            Network units = Fixtures.random(seed, 37, 23, 11, 5);
            Pruning.units(k).apply(units);
            for (DenseLayer layer : List.of(units.layer("fc1"), units.layer("fc2"))) {
                assertEquals(rint(k * layer.outputs()) * layer.inputs(), Fixtures.zeros(layer.weightArray()));
            }
        }
    }

    @Test
    void magnitudePrunesTheSmallestAndKeepsTheLargest() {
        Network net = Fixtures.random(3, 50, 40, 10);
        float[] before = net.layer("fc1").weightArray();
        Pruning.magnitude(0.6).apply(net);
        float[] after = net.layer("fc1").weightArray();
        float maxPruned = 0;
        float minKept = Float.MAX_VALUE;
        for (int i = 0; i < before.length; i++) {
            if (after[i] == 0f) {
                maxPruned = Math.max(maxPruned, Math.abs(before[i]));
            } else {
                minKept = Math.min(minKept, Math.abs(before[i]));
                assertEquals(before[i], after[i], "kept weights are untouched");
            }
        }
        assertTrue(maxPruned <= minKept, maxPruned + " > " + minKept);
    }

    @Test
    void idempotentAndMonotone() {
        Network net = Fixtures.random(5, 30, 20, 10);
        Pruning.magnitude(0.5).apply(net);
        float[] once = net.layer("fc1").weightArray();
        Pruning.magnitude(0.5).apply(net);
        assertArrayEquals(once, net.layer("fc1").weightArray(), "same amount again changes nothing");
        Pruning.magnitude(0.3).apply(net);
        assertArrayEquals(once, net.layer("fc1").weightArray(), "a smaller target never un-prunes");
        Pruning.magnitude(0.8).apply(net);
        float[] more = net.layer("fc1").weightArray();
        for (int i = 0; i < once.length; i++) {
            if (once[i] == 0f) {
                assertEquals(0f, more[i], "what was pruned stays pruned");
            }
        }
        assertEquals(rint(0.8 * 600), Fixtures.zeros(more));
        for (long seed = 0; seed < 5; seed++) {
            Network r = Fixtures.random(seed, 20, 10, 4);
            Pruning.random(0.4, seed).apply(r);
            float[] a = r.layer("fc1").weightArray();
            Pruning.random(0.7, seed + 1).apply(r);
            float[] b = r.layer("fc1").weightArray();
            for (int i = 0; i < a.length; i++) {
                if (a[i] == 0f) {
                    assertEquals(0f, b[i]);
                }
            }
            assertEquals(140, Fixtures.zeros(b));
        }
    }

    @Test
    void randomPruningIsSeededAndNotMagnitude() {
        Network a1 = Fixtures.random(7, 20, 10, 4);
        Network a2 = Fixtures.random(7, 20, 10, 4);
        Network other = Fixtures.random(7, 20, 10, 4);
        Network m = Fixtures.random(7, 20, 10, 4);
        Pruning.random(0.4, 11).apply(a1);
        Pruning.random(0.4, 11).apply(a2);
        Pruning.random(0.4, 12).apply(other);
        Pruning.magnitude(0.4).apply(m);
        float[] mask = HostCopy.toFloats(a1.layer("fc1").mask().orElseThrow());
        assertArrayEquals(mask, HostCopy.toFloats(a2.layer("fc1").mask().orElseThrow()), "same seed, same mask");
        assertFalse(java.util.Arrays.equals(mask, HostCopy.toFloats(other.layer("fc1").mask().orElseThrow())),
                "another seed, another mask");
        assertFalse(java.util.Arrays.equals(mask, HostCopy.toFloats(m.layer("fc1").mask().orElseThrow())),
                "not the magnitude mask");
    }

    @Test
    void ofRemainingComposesLikeTorch() {
        Network net = Fixtures.random(9, 40, 25, 10);
        PruningMethod half = Pruning.magnitude(Amount.ofRemaining(0.5));
        half.apply(net);
        half.apply(net);
        assertEquals(750, Fixtures.zeros(net.layer("fc1").weightArray()), "1000 weights: 500 then 250 more");
        assertEquals(125 + 62, Fixtures.zeros(net.layer("fc2").weightArray()), "250 weights: 125, then 62.5 rounds to even");
        Network units = Fixtures.random(9, 40, 20, 10);
        PruningMethod halfUnits = Pruning.units(Amount.ofRemaining(0.5));
        halfUnits.apply(units);
        halfUnits.apply(units);
        assertEquals(15 * 40, Fixtures.zeros(units.layer("fc1").weightArray()), "20 units: 10 then 5 more");
    }

    @Test
    void globalPruningLeavesLayersAtDifferentSparsities() {
        Network net = Fixtures.random(4, 100, 50, 10);
        // scale fc2 up so that it keeps more under one global threshold
        net.layer("fc2").weights().muli(10);
        Pruning.global(0.8).apply(net);
        long total = net.weightCount();
        assertEquals(rint(0.8 * total), total - net.nonZeroWeights());
        double kept1 = net.layer("fc1").nonZeroWeights() / (double) net.layer("fc1").weightCount();
        double kept2 = net.layer("fc2").nonZeroWeights() / (double) net.layer("fc2").weightCount();
        assertTrue(kept2 > kept1 + 0.3, "fc2 keeps more: " + kept1 + " vs " + kept2);
    }

    @Test
    void perLayerTargets() {
        Network net = Fixtures.random(2, 60, 30, 10);
        Pruning.magnitude(Map.of("fc1", 0.9, "fc2", 0.5)).apply(net);
        assertEquals(rint(0.9 * 1800), Fixtures.zeros(net.layer("fc1").weightArray()));
        assertEquals(150, Fixtures.zeros(net.layer("fc2").weightArray()));
        // described in a stable order (a Map.of's changes from JVM to JVM), naming only what is done
        assertEquals("magnitude pruning per layer {fc1=to sparsity 90 %, fc2=to sparsity 50 %}",
                Pruning.magnitude(Map.of("fc2", 0.5, "fc1", 0.9)).toString());
        assertEquals("magnitude pruning per layer {fc1=to sparsity 90 %, fc2=to sparsity 50 %} on fc1",
                Pruning.magnitude(Map.of("fc2", 0.5, "fc1", 0.9)).onLayers("fc1").toString());
        assertEquals("threshold pruning |w| < quality x std, quality per layer {fc1=0.5, fc2=1.0} on fc1, fc2",
                Pruning.threshold(Map.of("fc2", 1.0, "fc1", 0.5)).toString());
    }

    @Test
    void masksComputeWithoutChanging() {
        Network net = Fixtures.golden();
        Map<String, INDArray> masks = Pruning.magnitude(0.34).masks(net);
        assertEquals(List.of("fc1", "fc2"), List.copyOf(masks.keySet()));
        assertFalse(net.layer("fc1").hasMask());
        assertEquals(0, Fixtures.zeros(net.layer("fc1").weightArray()));
    }

    @Test
    void badInputIsRejectedAndChangesNothing() {
        assertThrows(IllegalArgumentException.class, () -> Pruning.magnitude(1.5));
        assertThrows(IllegalArgumentException.class, () -> Pruning.magnitude(-0.1));
        assertThrows(IllegalArgumentException.class, () -> Pruning.units(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Amount.ofRemaining(2));
        assertThrows(IllegalArgumentException.class, () -> Pruning.threshold(-1));
        Network net = Fixtures.golden();
        IllegalArgumentException noLayer = assertThrows(IllegalArgumentException.class,
                () -> Pruning.magnitude(0.5).onLayers("fc7").apply(net));
        assertTrue(noLayer.getMessage().contains("fc7") && noLayer.getMessage().contains("fc1"), noLayer.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pruning.magnitude(0.5).onLayers());
        Network nan = Fixtures.golden();
        nan.layer("fc2").weights().putScalar(new long[] {1, 1}, Float.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pruning.magnitude(0.5).apply(nan));
        assertTrue(e.getMessage().contains("fc2") && e.getMessage().contains("NaN"), e.getMessage());
        assertFalse(nan.layer("fc1").hasMask(), "fc1 was not pruned when fc2 failed");
        assertEquals(0, Fixtures.zeros(nan.layer("fc1").weightArray()));
        Network single = Fixtures.random(1, 5, 3);
        assertThrows(IllegalArgumentException.class, () -> Pruning.units(0.5).apply(single), "no hidden layer to prune");
    }

    @Test
    void removeKeepsZerosButDropsMasks() {
        Network net = Fixtures.golden();
        Pruning.magnitude(0.34).apply(net);
        Pruning.remove(net);
        assertFalse(net.layer("fc1").hasMask());
        assertArrayEquals(new float[][] {{6, 0, 9}, {0, 5, 7}, {4, 8, 0}}, Fixtures.weights(net, "fc1"));
    }

    /** Rounding as torch (Python's round): to the nearest, halves to even. */
    private static long rint(double x) {
        return (long) Math.rint(x);
    }

    @Test
    void halvesRoundToEvenAsInTorch() {
        assertEquals(2, Amount.toSparsity(0.5).prunedCount(5, 0), "2.5 -> 2");
        assertEquals(4, Amount.toSparsity(0.5).prunedCount(7, 0), "3.5 -> 4");
        assertEquals(3 + 2, Amount.ofRemaining(0.5).prunedCount(8, 3), "3 pruned, 2.5 more -> 2");
    }
}
