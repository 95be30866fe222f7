package org.prune4j.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs JShell snippets inside the kernel JVM and keeps the real (unserialised) value of each
 * invocation, like IJava's {@code IJavaExecutionControl}.
 *
 * <p>JShell only gets back a string from an execution control. {@link #invoke(Method)} therefore
 * returns a fresh key instead of the value's string form and stores the value itself; the
 * {@link CodeEvaluator} reads the key from the {@code SnippetEvent} and calls {@link #takeResult}.
 *
 * <p>Each snippet runs on a worker thread (a cached pool, as in IJava), so a cell can be interrupted or
 * timed out while the kernel's shell thread stays responsive. Worker threads use the
 * {@link SnippetClassLoader} as their context class loader, so {@code ServiceLoader}-style lookups in
 * libraries added with {@code %jars} see those jars.
 */
public final class KernelExecutionControl extends DirectExecutionControl {
    /** Exception "class name" reported when a statement exceeded {@code IJAVA_TIMEOUT}. */
    public static final String TIMEOUT_NAME = "Execution Timeout";
    /** Exception "class name" reported when the user interrupted the cell. */
    public static final String INTERRUPTED_NAME = "Execution Interrupted";

    private static final Object NULL = new Object();
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    private final SnippetLoaderDelegate delegate;
    private final long timeout;
    private final TimeUnit timeoutUnit;
    private final ExecutorService executor;
    private final Map<String, Future<Object>> running = new ConcurrentHashMap<>();
    private final Map<String, Object> results = new ConcurrentHashMap<>();

    /**
     * Creates the control.
     *
     * @param delegate    where snippet classes are loaded
     * @param timeout     per-statement timeout, {@code <= 0} for none
     * @param timeoutUnit unit of {@code timeout}
     */
    public KernelExecutionControl(SnippetLoaderDelegate delegate, long timeout, TimeUnit timeoutUnit) {
        super(delegate);
        this.delegate = delegate;
        this.timeout = timeout;
        this.timeoutUnit = timeoutUnit;
        ClassLoader contextLoader = delegate.loader();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "prune4j-kernel-exec-" + THREAD_IDS.getAndIncrement());
            t.setDaemon(true);
            t.setContextClassLoader(contextLoader);
            return t;
        });
    }

    /**
     * Returns the loader user code runs in.
     *
     * @return the snippet class loader
     */
    public SnippetClassLoader loader() {
        return delegate.loader();
    }

    /**
     * Returns the configured per-statement timeout.
     *
     * @return the timeout, {@code <= 0} for none
     */
    public long timeout() {
        return timeout;
    }

    /**
     * Returns the unit of {@link #timeout()}.
     *
     * @return the unit
     */
    public TimeUnit timeoutUnit() {
        return timeoutUnit;
    }

    /**
     * Removes and returns the value stored for an invocation key.
     *
     * @param key the string JShell reported as the snippet's value
     * @return the real value (possibly {@code null}); {@code null} as well if the key is unknown
     */
    public Object takeResult(String key) {
        Object value = results.remove(key);
        return value == NULL ? null : value;
    }

    /** Drops any value that was not taken, so that a failed cell cannot leak objects. */
    public void clearResults() {
        results.clear();
    }

    /** Interrupts whatever user code is running; the running snippet fails with {@value #INTERRUPTED_NAME}. */
    public void interrupt() {
        running.values().forEach(f -> f.cancel(true));
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        String key = UUID.randomUUID().toString();
        Future<Object> task = executor.submit(() -> doitMethod.invoke(null));
        running.put(key, task);
        Object value;
        try {
            value = timeout > 0 ? task.get(timeout, timeoutUnit) : task.get();
        } catch (CancellationException e) {
            if (executor.isShutdown()) {
                throw new StoppedException();
            }
            throw new UserException("Execution interrupted.", INTERRUPTED_NAME, new StackTraceElement[0]);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new UserException("Execution interrupted.", INTERRUPTED_NAME, new StackTraceElement[0]);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new UserException(String.format("Execution timed out after configured timeout of %d %s.",
                    timeout, timeoutUnit.toString().toLowerCase(java.util.Locale.ROOT)),
                    TIMEOUT_NAME, new StackTraceElement[0]);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvocationTargetException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            // JShell's own conversion: keeps the cause chain and maps unresolved references.
            return throwConvertedInvocationException(cause);
        } finally {
            running.remove(key, task);
        }
        results.put(key, value == null ? NULL : value);
        return key;
    }

    @Override
    public void stop() {
        interrupt();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        results.clear();
        super.close();
    }
}
