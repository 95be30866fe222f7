package org.prune4j.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.dense.ChildJvm;
import org.prune4j.nn.Network;

/** In a JVM without the Vector API the sparse network falls back to plain Java and computes the same logits. */
class SparseFallbackTest {

    /** Run in the child JVM. */
    public static final class Child {
        public static void main(String[] args) {
            System.out.println("best=" + SparseKernel.best());
            compute(SparseKernel.best()).forEach(System.out::println);
        }
    }

    static List<String> compute(SparseKernel kernel) {
        Network net = SparseFixtures.prunedMlp(7, 0.9, 60, 40, 10);
        SparseNetwork sparse = SparseNetwork.of(net, kernel);
        List<String> lines = new ArrayList<>();
        for (int batch : new int[] {1, 5, 40}) {
            float[] x = SparseFixtures.gaussian(batch * 60, batch);
            lines.add(ChildJvm.line("sparse.batch" + batch, sparse.kernel().label(),
                    sparse.output(Nd4j.create(x, new long[] {batch, 60}, DataType.FLOAT)).data().asFloat()));
        }
        return lines;
    }

    @Test
    void fallsBackToPlainJavaWithEqualResults() throws Exception {
        List<String> child = ChildJvm.run(Child.class);
        assertEquals("best=JAVA", child.get(0));
        List<String> there = child.subList(1, child.size());
        List<String> here = compute(SparseKernel.VECTOR);
        assertEquals(here.size(), there.size(), there.toString());
        for (int i = 0; i < here.size(); i++) {
            assertEquals("vector", ChildJvm.kernel(here.get(i)));
            assertEquals("java", ChildJvm.kernel(there.get(i)));
            ChildJvm.assertSameValues(here.get(i), there.get(i));
        }
    }
}
