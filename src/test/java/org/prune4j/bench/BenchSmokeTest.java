package org.prune4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The training benchmarks run end to end on real MNIST and end with a well-formed RESULT line. */
class BenchSmokeTest {

    private static String run(Runnable main) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(original);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        original.print(out);
        String[] lines = out.strip().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("RESULT {") && last.endsWith("}"), "last line is the RESULT: " + last);
        return last;
    }

    private static double field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":([-0-9.Ee]+)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void trainBenchReportsSecondsPerEpochAndAccuracy() {
        String result = run(() -> TrainBench.main(new String[] {"--epochs", "1"}));
        assertTrue(field(result, "sec_per_epoch") > 0);
        assertTrue(field(result, "test_accuracy") > 0.9, result);
        assertEquals(1, field(result, "epochs"));
    }

    @Test
    void hanBenchQuickPrunesToEightPercent() {
        String result = run(() -> HanBench.main(new String[] {"--quick"}));
        assertTrue(field(result, "kept_fraction") <= 0.08, result);
        assertTrue(field(result, "compression") >= 12, result);
        assertTrue(field(result, "error_after") < 0.05, "even the quick run stays accurate: " + result);
        assertTrue(result.contains("\"layers\":[{\"name\":\"fc1\""), result);
        assertTrue(result.contains("\"error_before\":"), result);
    }
}
