/**
 * Data sets for prune4j: the IDX file format, and MNIST and Fashion-MNIST found, fetched, verified and cached.
 *
 * <p>Entry points: {@link org.prune4j.data.Mnist#load()} and {@link org.prune4j.data.FashionMnist#load()},
 * both returning an {@link org.prune4j.data.ImageDataset} with a training and a test {@link org.prune4j.data.LabeledImages}.
 * Files are verified by the SHA-256 of their (decompressed) contents; a corrupt, truncated or wrong file is never used.
 */
package org.prune4j.data;
