package org.prune4j.data;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Fetches the gzipped files of a data set from a web mirror ({@code baseUrl + name + ".gz"}), for machines
 * without npm. Every file is verified before it is renamed into place.
 */
public final class HttpFetcher implements Fetcher {
    private final String baseUrl;

    /**
     * @param baseUrl folder URL ending in {@code /}, holding e.g. {@code train-images-idx3-ubyte.gz}
     */
    public HttpFetcher(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    @Override
    public String description() {
        return "download from " + baseUrl;
    }

    @Override
    public boolean available() {
        return true;
    }

    /** The mirror's address for one file: only http(s) folders are fetched from; anything else is named. */
    private static URI uri(String address) {
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            throw new DataException("the mirror address " + address + " is not a valid URL (" + e.getMessage()
                    + "); give an http:// or https:// folder", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new DataException("the mirror address " + address + " is not an http:// or https:// URL; for a"
                    + " local folder, point the data set's folder variable at it instead");
        }
        return uri;
    }

    @Override
    public void fetch(DatasetSpec spec, Path targetDir) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        for (DataFile file : spec.files()) {
            URI uri = uri(baseUrl + file.gzName());
            try {
                HttpResponse<byte[]> response = client.send(
                        HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new DataException("GET " + uri + " answered HTTP " + response.statusCode());
                }
                VerifiedFile.write(targetDir, file, response.body(), true, uri.toString());
            } catch (IOException | IllegalArgumentException e) {
                throw new DataException("GET " + uri + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataException("GET " + uri + " was interrupted", e);
            }
        }
    }
}
