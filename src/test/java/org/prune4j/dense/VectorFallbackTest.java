package org.prune4j.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Starts a JVM without {@code --add-modules jdk.incubator.vector} (this test's JVM has it) and checks that the
 * plain-Java kernel is chosen there without linking against the module, and that its results equal the Vector API
 * results computed here.
 */
class VectorFallbackTest {

    /** Run in the child JVM. */
    public static final class Child {
        public static void main(String[] args) {
            System.out.println("available=" + VectorApi.available());
            System.out.println("describe=" + VectorApi.describe());
            compute().forEach(System.out::println);
        }
    }

    static List<String> compute() {
        float[] w = DenseKernelTest.gaussian(70 * 45, 11);
        float[] x = DenseKernelTest.gaussian(9 * 70, 12);
        DenseKernel fastest = DenseKernel.fastest(w, 70, 45);
        List<String> lines = new ArrayList<>();
        lines.add(ChildJvm.line("dense.batch9", fastest.name(), fastest.multiply(x, 9)));
        lines.add(ChildJvm.line("dense.batch1", fastest.name(), fastest.multiply(java.util.Arrays.copyOf(x, 70), 1)));
        // the network adds bias and ReLU with the Vector API where it can, in a plain loop where not
        DenseNetwork net = new DenseNetwork(DenseNetworkTest.withBiases(), DenseKernel::fastest);
        lines.add(ChildJvm.line("network.batch9", net.kernelName(), net.output(x, 9)));
        return lines;
    }

    @Test
    void withoutTheModuleThePlainJavaKernelIsChosenAndAgrees() throws Exception {
        assertTrue(VectorApi.available(), "this test JVM runs with --add-modules jdk.incubator.vector (see pom.xml)");
        List<String> child = ChildJvm.run(Child.class);
        assertEquals("available=false", child.get(0));
        assertTrue(child.get(1).startsWith("describe=plain Java"), child.get(1));
        List<String> here = compute();
        List<String> there = child.subList(2, child.size());
        assertEquals(here.size(), there.size(), there.toString());
        for (int i = 0; i < here.size(); i++) {
            assertEquals("vector", ChildJvm.kernel(here.get(i)));
            assertEquals("java", ChildJvm.kernel(there.get(i)));
            ChildJvm.assertSameValues(here.get(i), there.get(i));
        }
    }

    @Test
    void thePropertySwitchesTheVectorApiOff() throws Exception {
        List<String> child = ChildJvm.run(Child.class, "--add-modules", "jdk.incubator.vector",
                "-D" + VectorApi.PROPERTY + "=false");
        assertEquals("available=false", child.get(0));
        assertEquals("java", ChildJvm.kernel(child.get(2)));
    }
}
