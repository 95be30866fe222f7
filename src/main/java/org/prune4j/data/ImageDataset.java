package org.prune4j.data;

import java.util.List;
import java.util.Objects;

/**
 * A classification data set split into training and test images, such as MNIST.
 *
 * @param name       the data set's name
 * @param train      the training images
 * @param test       the test images
 * @param classNames a name per class
 */
public record ImageDataset(String name, LabeledImages train, LabeledImages test, List<String> classNames) {

    /** Checks that both splits agree. */
    public ImageDataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        classNames = List.copyOf(classNames);
        if (train.featureCount() != test.featureCount() || train.classes() != test.classes()
                || classNames.size() != train.classes()) {
            throw new IllegalArgumentException(name + ": training and test splits do not agree in shape or classes");
        }
    }

    /** @return features per image (784 for 28×28) */
    public int featureCount() {
        return train.featureCount();
    }

    /** @return number of classes */
    public int classes() {
        return train.classes();
    }

    @Override
    public String toString() {
        return name + ": " + train.size() + " training and " + test.size() + " test images, "
                + train.rows() + "x" + train.cols() + ", " + classes() + " classes";
    }
}
