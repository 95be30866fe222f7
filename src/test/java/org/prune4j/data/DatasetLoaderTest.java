package org.prune4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** Lookup order, verification, atomic fetching — on a tiny data set made here. */
class DatasetLoaderTest {
    @TempDir
    Path tmp;

    /** A 2-class data set of 4 training and 2 test images of 2×2 pixels. */
    static final class Tiny {
        final Map<String, byte[]> files = Map.of(
                "train-images-idx3-ubyte", IdxFile.encode(new int[] {4, 2, 2}, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, (byte) 255}),
                "train-labels-idx1-ubyte", IdxFile.encode(new int[] {4}, new byte[] {0, 1, 1, 0}),
                "t10k-images-idx3-ubyte", IdxFile.encode(new int[] {2, 2, 2}, new byte[] {9, 9, 9, 9, 1, 1, 1, 1}),
                "t10k-labels-idx1-ubyte", IdxFile.encode(new int[] {2}, new byte[] {1, 0}));

        DataFile file(String name, int count) {
            return new DataFile(name, Sha256.hex(files.get(name)), count);
        }

        DatasetSpec spec(List<Fetcher> fetchers) {
            return spec(fetchers, List.of());
        }

        DatasetSpec spec(List<Fetcher> fetchers, List<Path> systemDirs) {
            return new DatasetSpec("Tiny", "TINY_DIR", "tiny",
                    file("train-images-idx3-ubyte", 4), file("train-labels-idx1-ubyte", 4),
                    file("t10k-images-idx3-ubyte", 2), file("t10k-labels-idx1-ubyte", 2),
                    List.of("a", "b"), systemDirs, fetchers, "make it by hand");
        }

        void writeTo(Path dir, boolean gz) throws IOException {
            Files.createDirectories(dir);
            for (var e : files.entrySet()) {
                if (gz) {
                    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(e.getKey() + ".gz")))) {
                        out.write(e.getValue());
                    }
                } else {
                    Files.write(dir.resolve(e.getKey()), e.getValue());
                }
            }
        }
    }

    /** A fetcher that writes the tiny files (or corrupt ones) through the verified path and counts its calls. */
    static final class FakeFetcher implements Fetcher {
        final Tiny tiny;
        final boolean corrupt;
        final boolean gzipped;
        final AtomicInteger calls = new AtomicInteger();

        FakeFetcher(Tiny tiny, boolean corrupt) {
            this(tiny, corrupt, false);
        }

        FakeFetcher(Tiny tiny, boolean corrupt, boolean gzipped) {
            this.tiny = tiny;
            this.corrupt = corrupt;
            this.gzipped = gzipped;
        }

        @Override
        public String description() {
            return "fake";
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public void fetch(DatasetSpec spec, Path targetDir) {
            calls.incrementAndGet();
            for (DataFile f : spec.files()) {
                byte[] bytes = tiny.files.get(f.name()).clone();
                if (corrupt && f.name().startsWith("t10k-images")) {
                    bytes[bytes.length - 1] ^= 1;
                }
                VerifiedFile.write(targetDir, f, gzipped ? gzip(bytes) : bytes, gzipped, "fake");
            }
        }
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(raw);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return gz.toByteArray();
    }

    @Test
    void explicitDirectoryIsUsedAndParsed() throws IOException {
        Tiny tiny = new Tiny();
        tiny.writeTo(tmp.resolve("d"), false);
        ImageDataset ds = new DatasetLoader(tiny.spec(List.of()), k -> null).load(tmp.resolve("d"));
        assertEquals(4, ds.train().size());
        assertEquals(2, ds.test().size());
        assertEquals(255, ds.train().pixel(3, 3));
        assertEquals(1, ds.test().label(0));
        assertEquals(2, ds.train().classCounts()[1]);
    }

    @Test
    void gzippedFilesVerifyByContents() throws IOException {
        Tiny tiny = new Tiny();
        tiny.writeTo(tmp.resolve("gz"), true);
        ImageDataset ds = new DatasetLoader(tiny.spec(List.of()), k -> null).load(tmp.resolve("gz"));
        assertEquals(4, ds.train().size());
    }

    @Test
    void environmentVariableComesBeforeDefaultCache() throws IOException {
        Tiny tiny = new Tiny();
        tiny.writeTo(tmp.resolve("env"), false);
        DatasetLoader loader = new DatasetLoader(tiny.spec(List.of()), k -> k.equals("TINY_DIR") ? tmp.resolve("env").toString() : null);
        assertEquals(tmp.resolve("env"), loader.searchPath(null).get(0));
        assertEquals(2, loader.load().test().size());
        DatasetLoader noEnv = new DatasetLoader(tiny.spec(List.of()), k -> null);
        assertEquals(tiny.spec(List.of()).defaultCache(), noEnv.searchPath(null).get(0));
        assertEquals(List.of(tmp), noEnv.searchPath(tmp), "an explicit folder is the only place searched");
    }

    @Test
    void corruptFileIsRejectedWithFileAndFix() throws IOException {
        Tiny tiny = new Tiny();
        Path d = tmp.resolve("bad");
        tiny.writeTo(d, false);
        byte[] labels = Files.readAllBytes(d.resolve("train-labels-idx1-ubyte"));
        labels[labels.length - 1] = 1; // still valid IDX, wrong content
        Files.write(d.resolve("train-labels-idx1-ubyte"), labels);
        DataException e = assertThrows(DataException.class, () -> new DatasetLoader(tiny.spec(List.of()), k -> null).load(d));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte"), e.getMessage());
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertTrue(e.getMessage().contains("Replace it with a good copy (make it by hand)"), e.getMessage());
        // with something that can fetch it, deleting it is the fix
        DataException fetchable = assertThrows(DataException.class,
                () -> new DatasetLoader(tiny.spec(List.of(new FakeFetcher(tiny, false))), k -> null).load(d));
        assertTrue(fetchable.getMessage().contains("Delete it and load again"), fetchable.getMessage());
    }

    @Test
    void damagedFileInASystemFolderIsNotToBeDeleted() throws IOException {
        Tiny tiny = new Tiny();
        Path system = tmp.resolve("usr-share");
        tiny.writeTo(system, false);
        Files.write(system.resolve("t10k-labels-idx1-ubyte"), IdxFile.encode(new int[] {2}, new byte[] {0, 0}));
        Path cache = tmp.resolve("cache");
        DatasetLoader loader = new DatasetLoader(tiny.spec(List.of(new FakeFetcher(tiny, false)), List.of(system)),
                k -> k.equals("TINY_DIR") ? cache.toString() : null);
        assertEquals(List.of(cache, system), loader.searchPath(null), "system folders are searched last");
        DataException e = assertThrows(DataException.class, loader::load);
        assertTrue(e.getMessage().contains(system.resolve("t10k-labels-idx1-ubyte").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("system folder: reinstall the package that holds it, or put a good copy in "
                + cache), e.getMessage());
        // a good copy in the writable folder comes first
        tiny.writeTo(cache, true);
        assertEquals(0, loader.load().test().label(1));
    }

    @Test
    void aFetchedFileWinsOverAStaleTwin() throws IOException {
        Tiny tiny = new Tiny();
        Path target = tmp.resolve("stale");
        Files.createDirectories(target);
        // an outdated raw copy of one file; the others missing, so everything is fetched (gzipped) beside it
        Files.write(target.resolve("train-labels-idx1-ubyte"), IdxFile.encode(new int[] {4}, new byte[] {1, 1, 1, 1}));
        FakeFetcher fetcher = new FakeFetcher(tiny, false, true);
        ImageDataset ds = new DatasetLoader(tiny.spec(List.of(fetcher)), k -> null).load(target);
        assertEquals(1, fetcher.calls.get());
        assertEquals(2, ds.train().classCounts()[0], "labels from the fetched file, not the stale one");
    }

    @Test
    void missingFilesAreFetchedOnceIntoTheTarget() {
        Tiny tiny = new Tiny();
        FakeFetcher fetcher = new FakeFetcher(tiny, false);
        Path target = tmp.resolve("cache");
        DatasetLoader loader = new DatasetLoader(tiny.spec(List.of(fetcher)), k -> null);
        assertEquals(4, loader.load(target).train().size());
        assertEquals(4, loader.load(target).train().size());
        assertEquals(1, fetcher.calls.get(), "second load finds the cached files");
        assertTrue(Files.isRegularFile(target.resolve("t10k-labels-idx1-ubyte")));
    }

    @Test
    void corruptFetchLeavesNothingBehind() throws IOException {
        Tiny tiny = new Tiny();
        Path target = tmp.resolve("corrupt");
        DataException e = assertThrows(DataException.class,
                () -> new DatasetLoader(tiny.spec(List.of(new FakeFetcher(tiny, true))), k -> null).load(target));
        assertTrue(e.getMessage().contains("could not be fetched"), e.getMessage());
        assertTrue(e.getMessage().contains("make it by hand"), e.getMessage());
        try (Stream<Path> files = Files.list(target)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertFalse(names.contains("t10k-images-idx3-ubyte"), "the corrupt file was not renamed into place: " + names);
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".part")), "no temporary files left: " + names);
        }
    }

    @Test
    void nothingFoundAndNoFetcherSaysHowToGetIt() {
        Tiny tiny = new Tiny();
        Path empty = tmp.resolve("empty");
        DataException standard = assertThrows(DataException.class,
                () -> new DatasetLoader(tiny.spec(List.of()), k -> k.equals("TINY_DIR") ? empty.toString() : null).load());
        assertTrue(standard.getMessage().contains("make it by hand, or put [train-images-idx3-ubyte, ")
                && standard.getMessage().contains("in " + empty + " (where TINY_DIR points)"), standard.getMessage());

        // an explicit folder ignores the variable, so the message does not suggest it
        DataException explicit = assertThrows(DataException.class,
                () -> new DatasetLoader(tiny.spec(List.of()), k -> null).load(empty));
        assertTrue(explicit.getMessage().contains("make it by hand, or put [train-images-idx3-ubyte, "), explicit.getMessage());
        assertTrue(explicit.getMessage().contains("(raw or .gz) in " + empty), explicit.getMessage());
        assertFalse(explicit.getMessage().contains("TINY_DIR"), explicit.getMessage());
    }

    @Test
    void aDamagedCopyBesideAFreshFetchIsRemovedSoTheNextLoadWorksToo() throws IOException {
        Tiny tiny = new Tiny();
        Path dir = Files.createDirectories(tmp.resolve("stale"));
        Files.write(dir.resolve("train-images-idx3-ubyte"), new byte[] {0, 0, 8, 3, 9}); // damaged raw copy
        DatasetLoader loader = new DatasetLoader(tiny.spec(List.of(new FakeFetcher(tiny, false, true))), k -> null);
        assertEquals(4, loader.load(dir).train().size());
        assertFalse(Files.exists(dir.resolve("train-images-idx3-ubyte")), "the damaged twin is gone");
        assertEquals(4, loader.load(dir).train().size(), "and the next load reads the fetched copy");

        // a sound copy beside a fetched one is the user's, and stays
        Path kept = Files.createDirectories(tmp.resolve("kept"));
        Files.write(kept.resolve("train-images-idx3-ubyte"), tiny.files.get("train-images-idx3-ubyte"));
        assertEquals(4, loader.load(kept).train().size());
        assertTrue(Files.exists(kept.resolve("train-images-idx3-ubyte")), "the sound raw copy is still there");
        assertTrue(Files.exists(kept.resolve("train-images-idx3-ubyte.gz")), "beside the fetched one");
    }

    @Test
    void aFolderMissingSomeFilesNamesThem() throws IOException {
        Tiny tiny = new Tiny();
        Path partial = tmp.resolve("partial");
        tiny.writeTo(partial, false);
        Files.delete(partial.resolve("t10k-labels-idx1-ubyte"));
        DataException e = assertThrows(DataException.class,
                () -> new DatasetLoader(tiny.spec(List.of()), k -> null).load(partial));
        assertTrue(e.getMessage().contains("(missing: t10k-labels-idx1-ubyte)"), e.getMessage());
        assertTrue(e.getMessage().contains("put [t10k-labels-idx1-ubyte] (raw or .gz) in " + partial), e.getMessage());
    }

    @Test
    void aMirrorThatIsNotAWebFolderIsNamed() {
        Tiny tiny = new Tiny();
        for (String mirror : List.of("file:///srv/mnist/", "mirror.local/mnist", "http://bad host/")) {
            DataException e = assertThrows(DataException.class, () -> new DatasetLoader(
                    tiny.spec(List.of(new HttpFetcher(mirror))), k -> null).load(tmp.resolve("m")));
            assertTrue(e.getMessage().contains("download from " + mirror), e.getMessage());
            assertTrue(e.getMessage().contains("http:// or https://"), e.getMessage());
        }
    }

    @Test
    void httpFetcherDownloadsVerifiesAndRenames() throws IOException {
        Tiny tiny = new Tiny();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> requested = Collections.synchronizedList(new ArrayList<>()); // filled by the server's thread
        server.createContext("/mnist/", exchange -> {
            String name = Path.of(exchange.getRequestURI().getPath()).getFileName().toString();
            requested.add(name);
            byte[] raw = tiny.files.get(name.replace(".gz", ""));
            if (raw == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (OutputStream out = new GZIPOutputStream(gz)) {
                out.write(raw);
            }
            exchange.sendResponseHeaders(200, gz.size());
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(gz.toByteArray());
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/mnist/";
            Path target = tmp.resolve("http");
            ImageDataset ds = new DatasetLoader(tiny.spec(List.of(new HttpFetcher(base))), k -> null).load(target);
            assertEquals(2, ds.test().size());
            assertEquals(4, requested.size());
            assertTrue(Files.isRegularFile(target.resolve("train-images-idx3-ubyte.gz")));
        } finally {
            server.stop(0);
        }
    }
}
