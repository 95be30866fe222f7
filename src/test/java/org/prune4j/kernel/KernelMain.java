package org.prune4j.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point of the kernel process: {@code java ... org.prune4j.kernel.KernelMain <connection_file>}
 * (the {@code argv} of the {@code java} kernelspec written by {@link KernelSpecInstaller}).
 *
 * <p>Like IJava's {@code IJava.main}: parse the connection file, create the kernel, register it as the
 * handler of every shell/control message <em>before</em> binding the sockets (so no request can arrive
 * unhandled), bind, wait until a {@code shutdown_request} closes the connection, then exit the JVM.
 *
 * <p>The kernel's own log level is the system property {@value #LOG_LEVEL_PROPERTY}
 * ({@code java.util.logging} level name, {@code WARNING} by default); libraries logging through
 * SLF4J simple (ND4J) are quietened, as under IJava, by the {@code simplelogger.properties} in prune4j's jar, read
 * through the context class loader that {@code %jars} extends.
 */
public final class KernelMain {
    /** System property holding the kernel's {@code java.util.logging} level. */
    public static final String LOG_LEVEL_PROPERTY = "prune4j.kernel.logLevel";

    private static volatile JavaKernel kernel;

    private KernelMain() {
    }

    /**
     * Returns the kernel of this process.
     *
     * @return the kernel, or {@code null} if none is running
     */
    public static JavaKernel getKernelInstance() {
        return kernel;
    }

    /**
     * Runs the kernel until it is shut down.
     *
     * @param args the path of the Jupyter connection file
     * @throws Exception if the connection file is unreadable or the sockets cannot be bound
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java ... " + KernelMain.class.getName() + " <connection_file>");
            System.exit(2);
        }
        Path connectionFile = Path.of(args[0]);
        if (!Files.isRegularFile(connectionFile)) {
            throw new IllegalArgumentException("Connection file '" + connectionFile + "' isn't a file.");
        }
        configureLogging(System.getProperty(LOG_LEVEL_PROPERTY, "WARNING"));

        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(connectionFile));
        JupyterConnection connection = new JupyterConnection(props);
        JavaKernel k = new JavaKernel(KernelOptions.fromEnvironment());
        kernel = k;
        k.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        kernel = null;
        // User code may have left non-daemon threads behind; the kernel is done either way.
        System.exit(0);
    }

    private static void configureLogging(String levelName) {
        Level level = Level.parse(levelName.trim().toUpperCase(java.util.Locale.ROOT));
        Logger root = Logger.getLogger("");
        root.setLevel(level);
        for (Handler h : root.getHandlers()) {
            h.setLevel(level);
        }
        JupyterSocket.JUPYTER_LOGGER.setLevel(level);
    }
}
