package org.prune4j.sparse;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether this CPU's vector gathers beat scalar loads in the batch-1 product, which decides the SpMV that
 * {@link SparseKernel#VECTOR} runs: SELL-C with one gather per C rows, or the plain-Java kernel's scalar SELL-8 loop.
 * Both sum each row in one FMA chain in column order and add only exact zeros for padding, so their results are
 * bit-identical and the choice changes nothing but the speed.
 *
 * <p>Measured on one core, 90 % sparse: Intel Xeon (AVX-512), 784 × 300, gathers 7.2–8.0 µs against 13.4–13.6
 * with scalar CSR (the SELL-8 loop was not timed there); AMD EPYC Zen 4, gathers against scalar SELL-8, 784 × 300
 * 9.8–13.9 against 7.4–9.8 µs, 300 × 100 1.47 against 1.03, 4096 × 4096 0.75–0.78 against 0.60–0.64 ms in a quiet
 * JVM (Zen 4's gathers load one element at a time). So gathers are used except on AMD CPUs;
 * {@value #PROPERTY}{@code =true|false} overrides the choice for a JVM.
 */
final class Gathers {
    /** System property that forces the choice: {@code true} (gathers) or {@code false} (scalar SELL-8). */
    static final String PROPERTY = "prune4j.sparse.gathers";

    /** The choice for this JVM, made once. */
    static final boolean FAST = choose(System.getProperty(PROPERTY), cpuVendor());

    private Gathers() {
    }

    /**
     * @param property the value of {@value #PROPERTY}, or null
     * @param vendor   the CPU's vendor id (e.g. "AuthenticAMD", "GenuineIntel"), or "" if unknown
     * @return whether the VECTOR kernel's SpMV uses gathers
     * @throws IllegalArgumentException if the property is set to anything but true or false
     */
    static boolean choose(String property, String vendor) {
        if (property != null) {
            String p = property.strip().toLowerCase(Locale.ROOT);
            if (!p.equals("true") && !p.equals("false")) {
                throw new IllegalArgumentException("-D" + PROPERTY + " must be true (vector gathers) or false"
                        + " (scalar SELL-8) for the batch-1 sparse product, got '" + property + "'");
            }
            return p.equals("true");
        }
        return !vendor.equals("AuthenticAMD");
    }

    /** @return the {@code vendor_id} of /proc/cpuinfo (Linux), or "" when there is none */
    static String cpuVendor() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "";
        }
        try (BufferedReader in = Files.newBufferedReader(cpuinfo, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("vendor_id")) {
                    int colon = line.indexOf(':');
                    return colon < 0 ? "" : line.substring(colon + 1).strip();
                }
            }
        } catch (IOException e) {
            return ""; // unknown: keep the default
        }
        return "";
    }
}
