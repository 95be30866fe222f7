package org.prune4j.kernel;

/**
 * The code JShell runs before the first cell: the same imports and helper names as IJava's start-up
 * ({@code ijava-jshell-init.jshell} plus the display, eval and magics helpers).
 *
 * <p>Note what is <em>not</em> imported, because IJava does not import it either (JShell's API, unlike
 * the {@code jshell} tool, adds no default imports): {@code java.nio.file.*}, {@code java.util.function.*},
 * {@code java.util.stream.*}, {@code java.awt.*}. A notebook that needs them imports them itself.
 */
public final class StartupScript {
    /** The start-up source. */
    public static final String TEXT = """
            import java.util.*;
            import java.io.*;
            import java.math.*;
            import java.net.*;
            import java.util.concurrent.*;
            import java.util.prefs.*;
            import java.util.regex.*;

            import static org.prune4j.kernel.runtime.Display.*;
            import static org.prune4j.kernel.runtime.Kernel.*;
            import static org.prune4j.kernel.runtime.Magics.*;

            public void printf(String format, Object... args) {
                System.out.printf(format, args);
            }
            """;

    private StartupScript() {
    }
}
