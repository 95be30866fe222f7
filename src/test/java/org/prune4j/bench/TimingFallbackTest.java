package org.prune4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.prune4j.dense.ChildJvm;
import org.prune4j.nn.Network;
import org.prune4j.nn.Networks;
import org.prune4j.plot.Charts;
import org.prune4j.prune.Pruning;
import org.prune4j.prune.Shrink;

import tech.tablesaw.api.Table;

/**
 * Notebook 4's timing cells in a JVM without the Vector API module (an IJava kernelspec left as installed): they run,
 * time the plain-Java kernels only, and chart their crossover. CI's kernel has the module, so this is where the
 * other path is seen whole.
 */
class TimingFallbackTest {

    /** Run in the child JVM: the calls notebook 4 makes, on a small network. */
    public static final class Child {
        public static void main(String[] args) {
            System.setProperty("java.awt.headless", "true");
            Network net = Networks.mlp("small", 5, 64, 24, 10);
            Table layer = Timing.of(net.layer(0)).sparsities(.5, .9).batches(1, 32).time(0.01, 0.002).samples(3, 3)
                    .run();
            System.out.println("layer.methods=" + new TreeSet<>(layer.stringColumn("method").asList()));
            System.out.println("layer.crossovers=" + Timing.crossover(layer).rowCount());
            System.out.println("layer.chart=" + Charts.timing(layer).png().length);
            Network units = Pruning.units(0.5).apply(net.copy());
            Table whole = Timing.of(units).batches(1, 32).shrunk(Shrink.of(units)).time(0.01, 0.002).samples(3, 3)
                    .run();
            System.out.println("network.methods=" + new TreeSet<>(whole.stringColumn("method").asList()));
            System.out.println("network.chart=" + Charts.timing(whole).png().length);
        }
    }

    @Test
    void notebookFoursTimingRunsOnThePlainJavaPath() throws Exception {
        List<String> lines = ChildJvm.run(Child.class, "-Djava.awt.headless=true");
        assertEquals("layer.methods=[dense_java, dense_nd4j, shrunk, sparse_java]", lines.get(0), lines.toString());
        assertEquals("layer.crossovers=2", lines.get(1));
        assertTrue(Integer.parseInt(lines.get(2).substring("layer.chart=".length())) > 10_000, lines.get(2));
        assertEquals("network.methods=[dense_java, dense_nd4j, shrunk, sparse_java]", lines.get(3), lines.toString());
        assertTrue(Integer.parseInt(lines.get(4).substring("network.chart=".length())) > 10_000, lines.get(4));
    }
}
