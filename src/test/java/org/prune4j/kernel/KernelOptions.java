package org.prune4j.kernel;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel's configuration, read from the same environment variables IJava 1.3.0 reads so that a
 * {@code kernel.json} {@code env} block means the same thing for both kernels.
 *
 * <ul>
 *   <li>{@value #CLASSPATH_KEY}: path-separator list of (glob) classpath entries added at start-up;</li>
 *   <li>{@value #COMPILER_OPTS_KEY}: space separated {@code javac} options for JShell;</li>
 *   <li>{@value #STARTUP_SCRIPTS_KEY}: path-separator list of (glob) {@code .jshell} files run at start-up;</li>
 *   <li>{@value #STARTUP_SCRIPT_KEY}: a block of Java code run at start-up;</li>
 *   <li>{@value #TIMEOUT_KEY}: per top-level statement timeout, {@code "-1"} (none) by default,
 *       a number of milliseconds or a number followed by a {@link TimeUnit} name.</li>
 * </ul>
 *
 * @param classpath      extra classpath entries (globs), never {@code null}
 * @param compilerOpts   extra JShell compiler options, never {@code null}
 * @param startupScripts start-up script files (globs), never {@code null}
 * @param startupScript  inline start-up code or {@code null}
 * @param timeout        per-statement timeout, {@code <= 0} for none
 * @param timeoutUnit    unit of {@code timeout}
 */
public record KernelOptions(List<String> classpath, List<String> compilerOpts, List<String> startupScripts,
                            String startupScript, long timeout, TimeUnit timeoutUnit) {
    /** Extra classpath entries, as in IJava. */
    public static final String CLASSPATH_KEY = "IJAVA_CLASSPATH";
    /** Extra compiler options, as in IJava. */
    public static final String COMPILER_OPTS_KEY = "IJAVA_COMPILER_OPTS";
    /** Start-up script files, as in IJava. */
    public static final String STARTUP_SCRIPTS_KEY = "IJAVA_STARTUP_SCRIPTS_PATH";
    /** Inline start-up script, as in IJava. */
    public static final String STARTUP_SCRIPT_KEY = "IJAVA_STARTUP_SCRIPT";
    /** Statement timeout, as in IJava. */
    public static final String TIMEOUT_KEY = "IJAVA_TIMEOUT";

    private static final Pattern TIMEOUT = Pattern.compile("^\\s*(?<dur>-?\\d+)\\W*(?<unit>[A-Za-z]+)?\\s*$");

    /**
     * Copies the lists so the record is immutable.
     *
     * @param classpath      extra classpath entries (globs)
     * @param compilerOpts   extra JShell compiler options
     * @param startupScripts start-up script files (globs)
     * @param startupScript  inline start-up code or {@code null}
     * @param timeout        per-statement timeout, {@code <= 0} for none
     * @param timeoutUnit    unit of {@code timeout}
     */
    public KernelOptions {
        classpath = List.copyOf(classpath);
        compilerOpts = List.copyOf(compilerOpts);
        startupScripts = List.copyOf(startupScripts);
    }

    /**
     * Reads the options from the process environment.
     *
     * @return the options
     */
    public static KernelOptions fromEnvironment() {
        return fromMap(System.getenv());
    }

    /**
     * Reads the options from a map shaped like the process environment.
     *
     * @param env variable name to value
     * @return the options
     * @throws IllegalArgumentException if {@value #TIMEOUT_KEY} cannot be parsed
     */
    public static KernelOptions fromMap(Map<String, String> env) {
        long timeout = -1;
        TimeUnit unit = TimeUnit.MILLISECONDS;
        String rawTimeout = env.get(TIMEOUT_KEY);
        if (rawTimeout != null && !rawTimeout.isBlank()) {
            Matcher m = TIMEOUT.matcher(rawTimeout);
            if (!m.matches()) {
                throw new IllegalArgumentException("Invalid " + TIMEOUT_KEY + ": " + rawTimeout);
            }
            timeout = Long.parseLong(m.group("dur"));
            if (m.group("unit") != null) {
                unit = TimeUnit.valueOf(m.group("unit").toUpperCase(java.util.Locale.ROOT));
            }
        }
        return new KernelOptions(splitPaths(env.get(CLASSPATH_KEY)), splitOptions(env.get(COMPILER_OPTS_KEY)),
                splitPaths(env.get(STARTUP_SCRIPTS_KEY)), blankToNull(env.get(STARTUP_SCRIPT_KEY)), timeout, unit);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static List<String> splitPaths(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String part : value.split(Pattern.quote(File.pathSeparator))) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /**
     * Splits a command-line style option string on blanks, honouring double quotes.
     *
     * @param value the option string or {@code null}
     * @return the options, possibly empty
     */
    static List<String> splitOptions(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : value.trim().toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if ((c == ' ' || c == '\t') && !quoted) {
                if (current.length() > 0) {
                    out.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }
}
