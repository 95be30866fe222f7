package org.prune4j.data;

import java.io.IOException;
import java.net.URI;
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

    @Override
    public void fetch(DatasetSpec spec, Path targetDir) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        for (DataFile file : spec.files()) {
            URI uri = URI.create(baseUrl + file.gzName());
            try {
                HttpResponse<byte[]> response = client.send(
                        HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new DataException("GET " + uri + " answered HTTP " + response.statusCode());
                }
                VerifiedFile.write(targetDir, file, response.body(), true, uri.toString());
            } catch (IOException e) {
                throw new DataException("GET " + uri + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataException("GET " + uri + " was interrupted", e);
            }
        }
    }
}
