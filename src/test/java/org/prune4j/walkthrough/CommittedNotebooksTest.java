package org.prune4j.walkthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The notebooks committed in {@code notebooks/} carry the outputs of a real run (made by
 * {@code .ci/walkthrough --update-notebooks}): every headline, chart and table cell has its result, charts are
 * images, no cell failed; and the gallery holds every chart {@code plot.Gallery} writes.
 */
class CommittedNotebooksTest {

    private static List<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            return files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.ipynb")).sorted().toList();
        }
    }

    @Test
    void everyNotebookCarriesTheOutputsOfARun() throws IOException {
        List<Path> notebooks = notebooks();
        assertEquals(4, notebooks.size(), notebooks.toString());
        for (Path path : notebooks) {
            JsonObject nb = new Gson().fromJson(Files.readString(path), JsonObject.class);
            assertEquals("java", nb.getAsJsonObject("metadata").getAsJsonObject("kernelspec").get("name").getAsString());
            int headlines = 0;
            for (JsonElement e : nb.getAsJsonArray("cells")) {
                JsonObject cell = e.getAsJsonObject();
                if (!cell.get("cell_type").getAsString().equals("code")) {
                    continue;
                }
                String source = String.join("", new Gson().fromJson(cell.get("source"), String[].class));
                for (JsonElement o : cell.getAsJsonArray("outputs")) {
                    assertFalse(o.getAsJsonObject().get("output_type").getAsString().equals("error"),
                            path + ": a cell failed: " + source);
                }
                JsonObject meta = cell.getAsJsonObject("metadata");
                if (meta == null || !meta.has("tags")) {
                    continue;
                }
                for (JsonElement t : meta.getAsJsonArray("tags")) {
                    String tag = t.getAsString();
                    if (tag.equals("headline") || tag.endsWith("-chart") || tag.endsWith("-table")) {
                        JsonObject data = result(cell, path, source);
                        if (tag.endsWith("-chart")) {
                            assertTrue(data.has("image/png"), path + ": " + tag + " is an image");
                        }
                        if (tag.endsWith("-table")) {
                            assertTrue(data.has("text/html"), path + ": " + tag + " is an HTML table");
                        }
                        headlines += tag.equals("headline") ? 1 : 0;
                    }
                }
            }
            assertTrue(headlines >= 1, path + " has a headline");
        }
    }

    private static JsonObject result(JsonObject cell, Path path, String source) {
        for (JsonElement o : cell.getAsJsonArray("outputs")) {
            JsonObject out = o.getAsJsonObject();
            if (out.get("output_type").getAsString().equals("execute_result")) {
                return out.getAsJsonObject("data");
            }
        }
        throw new AssertionError(path + ": no result committed for " + source
                + " (run .ci/walkthrough --update-notebooks and commit)");
    }

    @Test
    void galleryHoldsEveryChartTheGalleryMainWrites() throws IOException {
        String gallery = Files.readString(Path.of("src/main/java/org/prune4j/plot/Gallery.java"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("save\\(out, \"([a-z0-9-]+\\.png)\"").matcher(gallery);
        int count = 0;
        while (m.find()) {
            Path png = Path.of("notebooks", "gallery", m.group(1));
            assertTrue(Files.size(png) > 10_000, png + " exists and is a real chart");
            count++;
        }
        assertTrue(count >= 8, "Gallery writes its charts: " + count);
    }
}
