package org.prune4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds, fetches, verifies and parses a data set described by a {@link DatasetSpec}.
 *
 * <p>Lookup order: the explicit folder when one is given (and only it); otherwise the folder named by the
 * spec's environment variable when set, else the default cache {@code ~/.prune4j/data/<name>}, then the spec's
 * read-only system folders. When the files are found nowhere they are fetched into the explicit folder, the
 * environment variable's folder or the default cache, in that order.
 */
public final class DatasetLoader {
    private final DatasetSpec spec;
    private final Function<String, String> environment;

    /**
     * @param spec the data set
     */
    public DatasetLoader(DatasetSpec spec) {
        this(spec, System::getenv);
    }

    /**
     * @param spec        the data set
     * @param environment how to read environment variables (tests pass a map)
     */
    public DatasetLoader(DatasetSpec spec, Function<String, String> environment) {
        this.spec = spec;
        this.environment = environment;
    }

    /**
     * Loads the data set from the standard places, fetching it once if it is found nowhere.
     *
     * @return the data set
     * @throws DataException if it is found nowhere and cannot be fetched, or a file is damaged
     */
    public ImageDataset load() {
        return load(null);
    }

    /**
     * Loads the data set from {@code directory}, fetching it there if missing; {@code null} means the standard places.
     *
     * @param directory the folder, or {@code null}
     * @return the data set
     * @throws DataException if the files cannot be found or fetched, or a file is damaged
     */
    public ImageDataset load(Path directory) {
        List<Path> searched = searchPath(directory);
        Map<DataFile, Path> found = new LinkedHashMap<>();
        for (DataFile file : spec.files()) {
            Path location = find(file, searched);
            if (location != null) {
                found.put(file, location);
            }
        }
        if (found.size() < spec.files().size()) {
            Path target = fetchTarget(directory);
            Set<Path> before = new HashSet<>();
            for (DataFile file : spec.files()) {
                before.addAll(copies(file, target));
            }
            fetch(target, searched, directory != null);
            found.clear();
            for (DataFile file : spec.files()) {
                // what the fetcher just wrote, not an older twin (raw beside .gz) that was already there
                Path fetched = fetched(file, target, before);
                if (fetched == null) {
                    throw new DataException("fetching " + spec.name() + " into " + target + " reported success but "
                            + file.name() + " is not there; " + spec.howToGet());
                }
                found.put(file, fetched);
                dropStaleTwins(file, target, fetched);
            }
        }
        Path writable = fetchTarget(directory);
        IdxFile trainImages = parse(found, spec.trainImages(), writable);
        IdxFile trainLabels = parse(found, spec.trainLabels(), writable);
        IdxFile testImages = parse(found, spec.testImages(), writable);
        IdxFile testLabels = parse(found, spec.testLabels(), writable);
        int classes = spec.classNames().size();
        return new ImageDataset(spec.name(),
                LabeledImages.of(spec.name() + " train", trainImages, trainLabels, classes),
                LabeledImages.of(spec.name() + " test", testImages, testLabels, classes),
                spec.classNames());
    }

    /**
     * @param directory an explicit folder or {@code null}
     * @return the folders searched, in order
     */
    public List<Path> searchPath(Path directory) {
        List<Path> dirs = new ArrayList<>();
        if (directory != null) {
            dirs.add(directory);
            return dirs;
        }
        String env = environment.apply(spec.envVariable());
        if (env != null && !env.isBlank()) {
            dirs.add(Path.of(env));
        } else {
            dirs.add(spec.defaultCache());
        }
        dirs.addAll(spec.systemDirs());
        return dirs;
    }

    private Path fetchTarget(Path directory) {
        return searchPath(directory).get(0);
    }

    private static Path find(DataFile file, List<Path> dirs) {
        for (Path dir : dirs) {
            List<Path> copies = copies(file, dir);
            if (!copies.isEmpty()) {
                return copies.get(0);
            }
        }
        return null;
    }

    /** @return the file's copies in {@code dir} that exist: raw first, then gzipped */
    private static List<Path> copies(DataFile file, Path dir) {
        return Stream.of(file.name(), file.gzName()).map(dir::resolve).filter(Files::isRegularFile).toList();
    }

    /**
     * After a fetch, a damaged older copy beside the fresh, verified one (a damaged raw file beside a new .gz) would be
     * found first by the next load: it is removed. A sound one is the user's and stays (another tool may read it).
     * If a damaged one cannot be removed, the next load names it and says how to replace it.
     */
    private static void dropStaleTwins(DataFile file, Path target, Path fresh) {
        for (Path old : copies(file, target)) {
            if (old.equals(fresh)) {
                continue;
            }
            try {
                VerifiedFile.read(old, file, "");
            } catch (DataException damaged) {
                try {
                    Files.deleteIfExists(old);
                } catch (IOException e) {
                    // left in place: reported by the next load
                }
            }
        }
    }

    /** @return the file's raw or gzipped copy in {@code target}, preferring one that was not there before */
    private static Path fetched(DataFile file, Path target, Set<Path> before) {
        List<Path> copies = copies(file, target);
        return copies.stream().filter(p -> !before.contains(p)).findFirst()
                .orElse(copies.isEmpty() ? null : copies.get(0));
    }

    private void fetch(Path target, List<Path> searched, boolean explicit) {
        List<String> tried = new ArrayList<>();
        for (Fetcher fetcher : spec.fetchers()) {
            if (!fetcher.available()) {
                tried.add(fetcher.description() + " (not available here)");
                continue;
            }
            try {
                fetcher.fetch(spec, target);
                return;
            } catch (RuntimeException e) { // a DataException, or a fetcher's bug
                // a fetcher's failure of any kind is reported, and the next one is tried
                tried.add(fetcher.description() + " failed: " + e.getMessage());
            }
        }
        // missing now, after the fetchers: one may have written some files before it failed
        List<String> missing = spec.files().stream().filter(f -> find(f, searched) == null).map(DataFile::name)
                .toList();
        String env = environment.apply(spec.envVariable());
        boolean envSet = !explicit && env != null && !env.isBlank();
        throw new DataException(spec.name() + " was not found in " + searched
                + (missing.isEmpty() ? "" : " (missing: " + String.join(", ", missing) + ")")
                + " and could not be fetched" + (tried.isEmpty() ? "" : " (" + String.join("; ", tried) + ")") + ". "
                + spec.howToGet() + (explicit || envSet
                        ? ", or put " + (missing.isEmpty() ? fileNames() : missing) + " (raw or .gz) in " + target
                        + (envSet ? " (where " + spec.envVariable() + " points)" : "")
                        : ", or point " + spec.envVariable() + " at a folder holding "
                        + fileNames() + " (raw or .gz)") + ".");
    }

    private List<String> fileNames() {
        return spec.files().stream().map(DataFile::name).toList();
    }

    /**
     * @param path     a file found damaged
     * @param writable the folder fetches go to
     * @return how to replace it: a read-only system copy cannot be deleted and fetched again
     */
    private String fixFor(Path path, Path writable) {
        Path folder = path.toAbsolutePath().getParent();
        boolean system = spec.systemDirs().stream().anyMatch(d -> d.toAbsolutePath().equals(folder));
        if (system) {
            return "It is in a system folder: reinstall the package that holds it, or put a good copy in " + writable
                    + " (" + spec.howToGet() + ").";
        }
        return spec.fetchers().isEmpty()
                ? "Replace it with a good copy (" + spec.howToGet() + ")."
                : "Delete it and load again to fetch a fresh copy (" + spec.howToGet() + ").";
    }

    private IdxFile parse(Map<DataFile, Path> found, DataFile file, Path writable) {
        Path path = found.get(file);
        String fix = fixFor(path, writable);
        IdxFile idx = IdxFile.parse(path.toString(), VerifiedFile.read(path, file, fix));
        if (idx.count() != file.count()) {
            throw new DataException(path + " holds " + idx.count() + " items, expected " + file.count() + ". " + fix);
        }
        return idx;
    }
}
