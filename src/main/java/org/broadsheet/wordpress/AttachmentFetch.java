package org.broadsheet.wordpress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Fetches an attachment's file from its URL for the import, without letting a WXR file (which an
 * administrator may upload from anywhere) make the server reach what it alone can reach: unless
 * {@code broadsheet.wordpress.fetch-private-addresses} is set, a URL whose host resolves to a
 * loopback, private, link-local (cloud metadata), unique-local, wildcard or multicast address is
 * not fetched, and neither is any redirect to one (redirects are followed here, at most five,
 * each checked). At most {@code maxBytes} are read, whatever the server says of the length. A
 * host that resolves differently at connection time (DNS rebinding) is not caught: the check
 * and the connection resolve separately.
 */
final class AttachmentFetch {

    static final long MAX_BYTES = 50L * 1024 * 1024;
    private static final int MAX_REDIRECTS = 5;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final boolean privateAddresses;
    private final long maxBytes;

    AttachmentFetch(boolean privateAddresses, long maxBytes) {
        this.privateAddresses = privateAddresses;
        this.maxBytes = maxBytes;
    }

    /** The file at {@code url} in a temporary file, or null when it may not or cannot be had. */
    @Nullable
    Path fetch(String url) throws InterruptedException {
        URI uri;
        try {
            uri = URI.create(url);
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                if (!allowed(uri)) {
                    return null;
                }
                HttpResponse<InputStream> response = HTTP.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(30))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    int status = response.statusCode();
                    if (status == 200) {
                        return saved(body);
                    }
                    String location = response.headers().firstValue("Location").orElse(null);
                    if (status / 100 != 3 || location == null) {
                        return null;
                    }
                    uri = uri.resolve(location);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // unreachable or not a URL: the caller keeps the URL and reports it
        }
        return null;
    }

    /** An http(s) URL whose host resolves only to public addresses (or any, when allowed). */
    boolean allowed(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            return false;
        }
        if (privateAddresses) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!isPublic(address)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc; // fc00::/7
        boolean sharedOrReserved = bytes.length == 4
                && ((bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64 // 100.64/10
                        || (bytes[0] & 0xff) == 0); // 0/8
        return !(address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()
                || uniqueLocal
                || sharedOrReserved);
    }

    private @Nullable Path saved(InputStream body) throws IOException {
        Path file = Files.createTempFile("broadsheet-wxr-", ".download");
        boolean kept = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
            kept = true;
            return file;
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
    }
}
