package org.prune4j.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Xiao, Rasul &amp; Vollgraf 2017): Zalando's article images, a drop-in replacement for MNIST with
 * the same sizes and a harder task.
 *
 * <p>Looked up in {@code $FASHION_MNIST_DIR} (or {@code ~/.prune4j/data/fashion-mnist}), then in the folder of the
 * Debian package {@code dataset-fashion-mnist} ({@code /usr/share/datasets/fashion-mnist}); when missing, it is
 * downloaded from the web folder named by {@code $PRUNE4J_FASHION_MNIST_MIRROR} if set.
 */
public final class FashionMnist {
    /** Environment variable naming a folder that holds the four Fashion-MNIST files. */
    public static final String ENV = "FASHION_MNIST_DIR";

    /** Environment variable naming a web folder to download the four {@code .gz} files from. */
    public static final String MIRROR_ENV = "PRUNE4J_FASHION_MNIST_MIRROR";

    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    private FashionMnist() {
    }

    /** @return the Fashion-MNIST data set description (SHA-256 of the uncompressed IDX contents) */
    public static DatasetSpec spec() {
        String mirror = System.getenv(MIRROR_ENV);
        List<Fetcher> fetchers = mirror == null || mirror.isBlank() ? List.of() : List.of(new HttpFetcher(mirror));
        return new DatasetSpec("Fashion-MNIST", ENV, "fashion-mnist",
                new DataFile("train-images-idx3-ubyte", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888", 60000),
                new DataFile("train-labels-idx1-ubyte", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9", 60000),
                new DataFile("t10k-images-idx3-ubyte", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b", 10000),
                new DataFile("t10k-labels-idx1-ubyte", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34", 10000),
                List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
                List.of(DEBIAN_DIR), fetchers,
                "on Debian/Ubuntu install it with 'sudo apt-get install dataset-fashion-mnist', or set " + MIRROR_ENV
                        + " to a web folder holding the four .gz files");
    }

    /**
     * @return Fashion-MNIST from the standard places
     * @throws DataException if it cannot be found or fetched, or a file is damaged
     */
    public static ImageDataset load() {
        return new DatasetLoader(spec()).load();
    }

    /**
     * @param directory folder holding (or to receive) the four files, raw or gzipped
     * @return Fashion-MNIST
     * @throws DataException if it cannot be found or fetched, or a file is damaged
     */
    public static ImageDataset load(Path directory) {
        return new DatasetLoader(spec()).load(directory);
    }
}
