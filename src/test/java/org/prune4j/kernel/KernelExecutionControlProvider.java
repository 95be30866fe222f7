package org.prune4j.kernel;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Hands JShell a {@link KernelExecutionControl} and remembers it, so the {@link CodeEvaluator} can read
 * real values from it (the role of IJava's {@code IJavaExecutionControlProvider}).
 */
public final class KernelExecutionControlProvider implements ExecutionControlProvider {
    private final ClassLoader parent;
    private final long timeout;
    private final TimeUnit timeoutUnit;
    private volatile KernelExecutionControl current;

    /**
     * Creates a provider.
     *
     * @param parent      parent of the snippet class loader (the kernel's class loader)
     * @param timeout     per-statement timeout, {@code <= 0} for none
     * @param timeoutUnit unit of {@code timeout}
     */
    public KernelExecutionControlProvider(ClassLoader parent, long timeout, TimeUnit timeoutUnit) {
        this.parent = parent;
        this.timeout = timeout;
        this.timeoutUnit = timeoutUnit;
    }

    @Override
    public String name() {
        return "prune4j-kernel";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        KernelExecutionControl control = new KernelExecutionControl(
                new SnippetLoaderDelegate(new SnippetClassLoader(parent)), timeout, timeoutUnit);
        current = control;
        return control;
    }

    /**
     * Returns the control JShell is using.
     *
     * @return the control, or {@code null} before JShell started its execution engine
     */
    public KernelExecutionControl current() {
        return current;
    }
}
