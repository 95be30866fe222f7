package org.prune4j.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Command-line flags of the benchmarks: {@code --name value} pairs and bare {@code --switch}es; unknown ones are errors. */
final class Arguments {
    private final List<String> args;

    Arguments(String[] args) {
        this.args = new ArrayList<>(Arrays.asList(args));
    }

    int integer(String name, int fallback) {
        String v = take(name);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, got '" + v + "'");
        }
    }

    double decimal(String name, double fallback) {
        String v = take(name);
        try {
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, got '" + v + "'");
        }
    }

    String text(String name, String fallback) {
        String v = take(name);
        return v == null ? fallback : v;
    }

    boolean flag(String name) {
        return args.remove(name);
    }

    void done() {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unknown arguments " + args);
        }
    }

    private String take(String name) {
        int i = args.indexOf(name);
        if (i < 0) {
            return null;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String v = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return v;
    }
}
