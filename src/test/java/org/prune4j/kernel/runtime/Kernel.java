package org.prune4j.kernel.runtime;

import org.prune4j.kernel.JavaKernel;
import org.prune4j.kernel.KernelMain;

/**
 * Access to the running kernel from notebook code, like IJava's runtime {@code Kernel}.
 */
public final class Kernel {
    private Kernel() {
    }

    /**
     * Returns the running kernel.
     *
     * @return the kernel, or {@code null} outside a kernel process
     */
    public static JavaKernel getKernelInstance() {
        return KernelMain.getKernelInstance();
    }

    /**
     * Evaluates code in the notebook's scope and returns the real value of its last expression
     * (IJava's {@code Object eval(String) throws Exception}).
     *
     * @param code Java source, magics allowed
     * @return the value, or {@code null}
     * @throws Exception whatever the evaluation throws
     */
    public static Object eval(String code) throws Exception {
        return requireKernel().evalRaw(code);
    }

    static JavaKernel requireKernel() {
        JavaKernel kernel = KernelMain.getKernelInstance();
        if (kernel == null) {
            throw new IllegalStateException("No kernel running");
        }
        return kernel;
    }
}
