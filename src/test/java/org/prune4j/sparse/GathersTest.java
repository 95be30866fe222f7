package org.prune4j.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.prune4j.dense.ChildJvm;
import org.prune4j.nn.Network;

/** Which SpMV the VECTOR kernel runs, and that the choice changes no output bit. */
class GathersTest {

    @Test
    void gathersEverywhereButOnAmdUnlessTheyAreForced() {
        assertFalse(Gathers.choose(null, "AuthenticAMD"));
        assertTrue(Gathers.choose(null, "GenuineIntel"));
        assertTrue(Gathers.choose(null, ""), "an unknown CPU keeps the gathers");
        assertTrue(Gathers.choose("true", "AuthenticAMD"));
        assertFalse(Gathers.choose(" FALSE ", "GenuineIntel"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gathers.choose("yes", "GenuineIntel"));
        assertTrue(e.getMessage().contains(Gathers.PROPERTY) && e.getMessage().contains("'yes'"), e.getMessage());
    }

    @Test
    void theVendorIsReadFromTheCpuDescription() throws java.io.IOException {
        String vendor = Gathers.cpuVendor();
        java.nio.file.Path cpuinfo = java.nio.file.Path.of("/proc/cpuinfo");
        String expected = "";
        if (java.nio.file.Files.isReadable(cpuinfo)) {
            expected = java.nio.file.Files.readAllLines(cpuinfo, java.nio.charset.StandardCharsets.ISO_8859_1)
                    .stream().filter(l -> l.startsWith("vendor_id")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("");
        }
        assertEquals(expected, vendor);
        if (System.getProperty(Gathers.PROPERTY) == null) {
            assertEquals(!vendor.equals("AuthenticAMD"), Gathers.FAST, "gathers everywhere but on AMD, unless forced");
        }
        assertEquals(Gathers.FAST ? VectorSparseOps.L : JavaSparseOps.SLICE, SparseLayer.sliceHeight(SparseKernel.VECTOR));
        assertEquals(JavaSparseOps.SLICE, SparseLayer.sliceHeight(SparseKernel.JAVA));
        assertEquals(Gathers.FAST, SparseKernel.VECTOR.gathers());
        assertFalse(SparseKernel.JAVA.gathers());
    }

    @Test
    void aNetworkGivesTheSameBitsWithGathersAndWithout() throws Exception {
        List<String> gathered = ours(ChildJvm.run(Child.class, "--add-modules", "jdk.incubator.vector",
                "-D" + Gathers.PROPERTY + "=true"));
        List<String> scalar = ours(ChildJvm.run(Child.class, "--add-modules", "jdk.incubator.vector",
                "-D" + Gathers.PROPERTY + "=false"));
        assertEquals("gathers=true height=" + VectorSparseOps.L, gathered.get(0));
        assertEquals("gathers=false height=" + JavaSparseOps.SLICE, scalar.get(0));
        assertEquals(gathered.subList(1, gathered.size()), scalar.subList(1, scalar.size()));
        assertEquals(child().subList(1, 4), gathered.subList(1, gathered.size()), "and the same as in this JVM");
    }

    private static List<String> ours(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("gathers=") || l.startsWith("s0.")).toList();
    }

    /** The first line names the path; then each network's batch-1 logits as raw float bits. */
    static List<String> child() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("gathers=" + Gathers.FAST + " height=" + SparseLayer.sliceHeight(SparseKernel.VECTOR));
        for (double sparsity : new double[] {0.5, 0.9, 0.99}) {
            Network net = SparseFixtures.prunedMlp(11, sparsity, 784, 300, 100, 10);
            SparseNetwork sparse = SparseNetwork.of(net, SparseKernel.VECTOR);
            float[] x = SparseFixtures.gaussian(784, 12);
            float[] y = sparse.output(Nd4j.create(x, new long[] {1, 784}, DataType.FLOAT)).data().asFloat();
            StringBuilder sb = new StringBuilder("s" + sparsity + "=");
            for (float v : y) {
                sb.append(Integer.toHexString(Float.floatToRawIntBits(v))).append(' ');
            }
            lines.add(sb.toString().strip());
        }
        return lines;
    }

    /** Entry point of the child JVMs. */
    public static final class Child {
        private Child() {
        }

        /** @param args unused */
        public static void main(String[] args) {
            child().forEach(System.out::println);
        }
    }
}
