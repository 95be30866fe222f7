package org.prune4j.walkthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prune4j.kernel.NotebookTestSupport.cell;
import static org.prune4j.kernel.NotebookTestSupport.outputs;
import static org.prune4j.kernel.NotebookTestSupport.text;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prune4j.kernel.NotebookTestSupport;

import com.google.gson.JsonObject;

/**
 * Runs {@code notebooks/0*.ipynb} in order, as the walkthrough does (a failing cell fails the test), and checks
 * their outputs: charts are PNG images, tables are HTML, and the numbers they report reproduce the paper's shape.
 * Then runs notebook 4 once more on a kernel whose JVM lacks {@code jdk.incubator.vector} (a plain IJava install):
 * the library must fall back to its plain-Java kernels there, never fail the notebook.
 */
class WalkthroughIT {
    @TempDir
    static Path tmp;

    private static final Map<String, JsonObject> EXECUTED = new LinkedHashMap<>();
    /** Notebook 4 as executed on the kernel without the Vector API. */
    private static JsonObject withoutVectorApi;

    @BeforeAll
    static void runNotebooks() throws Exception {
        NotebookTestSupport support = NotebookTestSupport.create(tmp, "4g");
        // every network the notebooks use comes from this run, not from a checkpoint an older recipe left behind
        Path models = Path.of("target/models");
        if (Files.isDirectory(models)) {
            try (Stream<Path> files = Files.list(models)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            notebooks = files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.ipynb")).sorted().toList();
        }
        assertTrue(notebooks.size() >= 3, "walkthrough notebooks: " + notebooks);
        long total = 0;
        for (Path nb : notebooks) {
            NotebookTestSupport.Run run = support.run(nb, 30, TimeUnit.MINUTES);
            assertEquals(0, run.exitCode(), nb + " failed:\n" + run.output());
            System.out.printf("%s ran in %.0f s%n", nb.getFileName(), run.millis() / 1000.0);
            EXECUTED.put(nb.getFileName().toString(), run.notebook());
            total += run.millis();
        }
        // a generous bound (CI allows 90 minutes for everything): it catches a hang or a runaway, not a slow machine
        assertTrue(total < TimeUnit.MINUTES.toMillis(45), "the walkthrough takes under 45 minutes: " + total / 1000 + " s");

        Path sizeAndSpeed = notebooks.stream().filter(p -> p.getFileName().toString().startsWith("04")).findFirst()
                .orElseThrow(() -> new AssertionError("no notebook 04*: " + notebooks));
        NotebookTestSupport plain = NotebookTestSupport.create(Files.createDirectories(tmp.resolve("plain")), "4g", false);
        NotebookTestSupport.Run run = plain.run(sizeAndSpeed, 30, TimeUnit.MINUTES);
        assertEquals(0, run.exitCode(), sizeAndSpeed + " failed without the Vector API:\n" + run.output());
        System.out.printf("%s ran in %.0f s without the Vector API%n", sizeAndSpeed.getFileName(), run.millis() / 1000.0);
        withoutVectorApi = run.notebook();
    }

    private static JsonObject notebook(String prefix) {
        return EXECUTED.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no notebook " + prefix + "*")).getValue();
    }

    private static JsonObject result(JsonObject nb, String tag) {
        List<JsonObject> results = outputs(cell(nb, tag)).stream()
                .filter(o -> o.get("output_type").getAsString().equals("execute_result")).toList();
        assertEquals(1, results.size(), "cell " + tag + " has one result");
        return results.get(0).getAsJsonObject("data");
    }

    static BufferedImage image(JsonObject nb, String tag) throws Exception {
        JsonObject data = result(nb, tag);
        assertTrue(data.has("image/png"), tag + " is an image: " + data.keySet());
        byte[] png = Base64.getDecoder().decode(text(data.get("image/png")).replaceAll("\\s", ""));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image.getWidth() >= 300 && image.getHeight() >= 200, tag + " size " + image.getWidth() + "x" + image.getHeight());
        return image;
    }

    static String html(JsonObject nb, String tag) {
        JsonObject data = result(nb, tag);
        assertTrue(data.has("text/html"), tag + " is an HTML table: " + data.keySet());
        String html = text(data.get("text/html"));
        assertTrue(html.contains("<table"), html);
        return html;
    }

    static String plain(JsonObject nb, String tag) {
        return text(result(nb, tag).get("text/plain"));
    }

    static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "'" + regex + "' in: " + text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void laterNotebooksLoadTheBaselineInsteadOfTrainingItAgain() {
        // notebook 1 saves it with its training history, whose recipe is the one loadOrTrain looks for
        for (String prefix : List.of("02", "03", "04")) {
            StringBuilder printed = new StringBuilder();
            for (JsonObject o : outputs(cell(notebook(prefix), "baseline-load"))) {
                if (o.get("output_type").getAsString().equals("stream")) {
                    printed.append(text(o.get("text")));
                }
            }
            assertTrue(printed.toString().contains("Loaded LeNet-300-100 from ../target/models/lenet-300-100.p4j\n"),
                    prefix + ": " + printed);
            if (prefix.equals("04")) {
                // notebook 3 kept the pruned network under the recipe notebook 4 asks for: loaded, not pruned again
                assertTrue(printed.toString().contains("from ../target/models/lenet-300-100-pruned.p4j")
                        && !printed.toString().contains("making it"), prefix + ": " + printed);
            }
        }
    }

    @Test
    void baselineTrainsLeNet300100() throws Exception {
        JsonObject nb = notebook("01");
        html(nb, "network-table");
        image(nb, "training-chart");
        image(nb, "weights-chart");
        String headline = plain(nb, "headline");
        assertTrue(number(headline, "test error (\\d+\\.\\d+) %") <= 1.8, "≥ 98.2 % accuracy: " + headline);
    }

    @Test
    void weightPruningHoldsLongerThanUnitPruningAndL2Helps() throws Exception {
        JsonObject nb = notebook("02");
        html(nb, "sweep-table");
        image(nb, "sweep-chart");
        image(nb, "l2-chart");
        String h = plain(nb, "headline");
        double weight90 = number(h, "weights pruned: no L2 (\\d+\\.\\d) /");
        double weightsNoL2 = number(h, "of weights pruned: no L2 (\\d+\\.\\d) %, L2 1e-3 \\d+\\.\\d %;");
        double weightsL2 = number(h, "of weights pruned: no L2 \\d+\\.\\d %, L2 1e-3 (\\d+\\.\\d) %;");
        double unit90NoL2 = number(h, "at 90 % of units pruned: no L2 (\\d+\\.\\d) %");
        double unitsNoL2 = number(h, "of units pruned: no L2 (\\d+\\.\\d) %, L2 1e-3 \\d+\\.\\d %$");
        double unitsL2 = number(h, "of units pruned: no L2 \\d+\\.\\d %, L2 1e-3 (\\d+\\.\\d) %$");
        assertTrue(weight90 > 90, h);
        // the same 90 % one way and the other (Intel run: 96.3 against about 32, read off its chart; AMD run: 96.4
        // against 36.5)
        assertTrue(unit90NoL2 < weight90 - 30, "unit pruning falls much earlier: " + h);
        // weights: over the fall, not at 95 % alone (AMD, one ND4J thread: 86.8 with L2 against 82.6 without; two
        // threads: 87.2 against 87.5, while the mean from 90 to 99 % was 69.9 against 67.6)
        assertTrue(weightsL2 > weightsNoL2, "L2 holds longer (weights): " + h);
        // over the whole fall, not at one level of its steep part: at 70 % of units the AMD run had L2 6 points
        // below no L2 (80.5 against 86.6), the Intel run 3.7 above; the means were 4.5 and about 5.7 above
        assertTrue(unitsL2 > unitsNoL2, "L2 holds longer (units): " + h);
    }

    @Test
    void hanWalkthroughPrunesToEightPercent() throws Exception {
        JsonObject nb = notebook("03");
        image(nb, "sensitivity-chart");
        html(nb, "steps-table");
        String table1 = html(nb, "table1");
        assertTrue(table1.contains("LeNet-300-100 Pruned (paper)"), table1);
        String table2 = html(nb, "table2");
        assertTrue(table2.contains("paper_kept"), table2);
        image(nb, "kept-chart");
        image(nb, "weights-chart");
        image(nb, "input-mask");
        String h = plain(nb, "headline");
        double kept = number(h, "(\\d+\\.\\d+) % of weights kept");
        double compression = number(h, "kept \\((\\d+\\.\\d)x fewer\\)");
        double errorAfter = number(h, "-> (\\d+\\.\\d+) % \\(Han");
        assertTrue(kept <= 8.0, "≤ 8 % kept: " + h);
        assertTrue(compression >= 12.0, "≥ 12x: " + h);
        // the paper reached 1.59 %; seeds 1, 7 and 42 gave 1.41-1.57 % here: this guards against regressions
        assertTrue(errorAfter <= 1.70, "retraining recovers the accuracy: " + h);
    }

    @Test
    void sizeAndSpeedAreMeasured() throws Exception {
        JsonObject nb = notebook("04");
        String storage = html(nb, "storage-table");
        assertTrue(storage.contains("relative") && storage.contains("csr"), storage);
        image(nb, "layer-timing-chart");
        String crossover = html(nb, "crossover-table");
        assertTrue(crossover.contains("crossover_sparsity"), crossover);
        html(nb, "network-timing-table");
        html(nb, "unit-timing-table");
        assertTrue(plain(nb, "units-headline").contains("shrunk to [784x75, 75x25, 25x10]"), plain(nb, "units-headline"));
        String size = plain(nb, "storage-headline");
        assertTrue(number(size, "\\((\\d+\\.\\d)x smaller\\)") >= 12, "≥ 12x smaller on disk: " + size);
        double before = number(size, "test accuracy (\\d+\\.\\d+) % before");
        double after = number(size, "(\\d+\\.\\d+) % after the round trip");
        assertEquals(before, after, 0.05, "accuracy unchanged by the compact file: " + size);
        // 5-bit weight sharing on top, without fine-tuning: 31.7x and 98.55 % (unchanged) in the committed run
        String sharing = plain(nb, "sharing-headline");
        assertTrue(number(sharing, "\\((\\d+\\.\\d)x smaller than dense") >= 25, "weight sharing on top: " + sharing);
        assertTrue(number(sharing, "test accuracy (\\d+\\.\\d+) %") >= before - 0.5,
                "weight sharing keeps the accuracy within half a point: " + sharing);
        String speed = plain(nb, "speed-headline");
        double dense256 = number(speed, "batch 256: dense (\\d+\\.\\d+)");
        double sparse256 = number(speed, "batch 256: dense \\d+\\.\\d+, sparse (\\d+\\.\\d+)");
        assertTrue(dense256 > 0 && sparse256 > 0, speed);
        // one input at a time the layers dense enough run as dense products: on this CPU (scalar SpMV) the denser
        // fc2 and fc3 (25.5 and 76.8 % kept); where the SpMV gathers (twice as fast) the break-even differs
        if (!org.prune4j.sparse.SparseKernel.VECTOR.gathers()) {
            assertTrue(number(speed, "\\((\\d+\\.\\d+) µs with fc2 and fc3 dense\\)") > 0, speed);
            assertTrue(html(nb, "network-timing-table").contains("mixed"), "the network timing has its mixed row");
        } else {
            assertTrue(speed.matches("(?s).*\\((\\d+\\.\\d+ µs with fc\\d( and fc\\d)* dense|every layer sparse with this"
                    + " kernel)\\).*"), speed);
        }
    }

    @Test
    void sizeAndSpeedNotebookFallsBackToPlainJavaWithoutTheVectorApi() throws Exception {
        JsonObject nb = withoutVectorApi;
        // the same cells render, with the plain-Java kernels only
        image(nb, "layer-timing-chart");
        assertTrue(html(nb, "crossover-table").contains("crossover_sparsity"));
        for (String tag : List.of("network-timing-table", "unit-timing-table")) {
            String table = html(nb, tag);
            assertTrue(table.contains("sparse_java") && table.contains("dense_java") && table.contains("dense_nd4j"),
                    tag + ": " + table);
            assertTrue(!table.contains("_vector"), tag + " has no Vector API method without the module: " + table);
        }
        String size = plain(nb, "storage-headline");
        assertTrue(number(size, "\\((\\d+\\.\\d)x smaller\\)") >= 12, "≥ 12x smaller on disk: " + size);
        String speed = plain(nb, "speed-headline");
        assertTrue(number(speed, "batch 256: dense \\d+\\.\\d+, sparse (\\d+\\.\\d+)") > 0, speed);
        assertTrue(speed.contains("(every layer sparse with this kernel)"), speed);
        // the same network, so the same accuracy as on the Vector API kernel
        String vectorSize = plain(notebook("04"), "storage-headline");
        assertEquals(number(vectorSize, "test accuracy (\\d+\\.\\d+) % before"),
                number(size, "test accuracy (\\d+\\.\\d+) % before"), 1e-9, size + " / " + vectorSize);
    }
}
