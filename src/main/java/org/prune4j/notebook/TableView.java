package org.prune4j.notebook;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

import org.prune4j.io.AtomicFile;

import tech.tablesaw.api.Table;

/**
 * A Tablesaw table ready to be looked at: an HTML table in a notebook, aligned text everywhere else (its
 * {@link #toString()}), or a file. Get one from {@link Show#table(Table)}; in a kernel it is a subclass that the
 * kernel's renderer recognises (see {@link org.prune4j.notebook}), which is why this type has no public
 * constructor.
 */
public class TableView {
    private final Table table;

    TableView(Table table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** @return the table shown */
    public Table table() {
        return table;
    }

    /** @return the table as an HTML fragment (a {@code <table>} with a caption; long tables cut in the middle) */
    public String html() {
        return HtmlTable.of(table);
    }

    /** @return the table as aligned plain text (long tables cut in the middle) */
    public String text() {
        return TextTable.of(table);
    }

    /**
     * Writes the table by the file's extension: {@code .html} (a page around {@link #html()}), {@code .txt}
     * ({@link #text()}) or {@code .csv} (every row), all at once or not at all. Missing folders are created.
     *
     * @param path the file
     * @return the path written
     */
    public Path save(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        String contents;
        if (name.endsWith(".csv")) {
            StringWriter csv = new StringWriter();
            table.write().csv(csv);
            contents = csv.toString();
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
            contents = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
                    + HtmlTable.escape(String.valueOf(table.name())) + "</title></head><body>\n" + html()
                    + "\n</body></html>\n";
        } else if (name.endsWith(".txt")) {
            contents = text();
        } else {
            throw new IllegalArgumentException("save a table as .html, .txt or .csv, got " + path.getFileName());
        }
        try {
            AtomicFile.write(path, contents.getBytes(StandardCharsets.UTF_8)); // whole or not at all
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        }
        return path;
    }

    /**
     * @param path the file name
     * @return the path written
     * @see #save(Path)
     */
    public Path save(String path) {
        return save(Path.of(path));
    }

    /** @return the aligned text: what a terminal, a log or a kernel's plain-text view shows */
    @Override
    public String toString() {
        return text();
    }
}
