package org.prune4j.dense;

/**
 * Whether the incubating Vector API ({@code jdk.incubator.vector}) can be used in this JVM.
 *
 * <p>It can when the module is in the boot layer (the JVM was started with
 * {@code --add-modules jdk.incubator.vector}) and the system property {@code prune4j.vector} is not
 * {@code false}. Classes that import the API are loaded only after this check says yes, so a JVM without the
 * module never sees them and the plain-Java kernels are used instead.
 */
public final class VectorApi {
    /** The module that holds the Vector API. */
    public static final String MODULE = "jdk.incubator.vector";

    /** Set to {@code false} to use the plain-Java kernels even where the Vector API is present. */
    public static final String PROPERTY = "prune4j.vector";

    private static final boolean AVAILABLE = ModuleLayer.boot().findModule(MODULE).isPresent()
            && !"false".equalsIgnoreCase(System.getProperty(PROPERTY));

    private VectorApi() {
    }

    /** @return whether the Vector API kernels can be used */
    public static boolean available() {
        return AVAILABLE;
    }

    /**
     * @throws UnsupportedOperationException saying how to enable the Vector API, if it is not available
     */
    public static void require() {
        if (!AVAILABLE) {
            throw new UnsupportedOperationException("the Vector API is not available in this JVM: start it with "
                    + "--add-modules " + MODULE + " (under IJava: add it to the kernelspec's argv)"
                    + (ModuleLayer.boot().findModule(MODULE).isPresent() ? ", and do not set -D" + PROPERTY + "=false" : ""));
        }
    }

    /**
     * @return a one-line description for reports, e.g. "Vector API, 512-bit" or "plain Java (no jdk.incubator.vector)"
     */
    public static String describe() {
        if (!AVAILABLE) {
            return "plain Java (" + MODULE + " not in the boot layer or disabled)";
        }
        return "Vector API, " + VectorShapeProbe.bits() + "-bit";
    }
}
