package org.broadsheet.testkit;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.broadsheet.media.S3MediaStorage;
import org.broadsheet.media.S3Settings;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * A real S3 API server for tests: S3Proxy on jclouds' in-memory ("transient") store, on a free
 * loopback port, checking AWS signatures against credentials of its own. Buckets are made per
 * test ({@link #newBucket()}), so tests never meet each other's objects; {@link #names} reads a
 * bucket from the server's side, not through the code under test.
 * <pre>
 * try (S3Server s3 = S3Server.start()) {
 *     String bucket = s3.newBucket();
 *     S3MediaStorage storage = s3.storage(bucket, "media/");
 * }
 * </pre>
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "broadsheet-test";

    private final String secretKey;
    private final BlobStoreContext context;
    private final S3Proxy proxy;

    private S3Server(String secretKey, BlobStoreContext context, S3Proxy proxy) {
        this.secretKey = secretKey;
        this.context = context;
        this.proxy = proxy;
    }

    /** Starts a server and waits until it answers. */
    public static S3Server start() {
        String secretKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials(ACCESS_KEY, secretKey)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, secretKey)
                .build();
        try {
            proxy.start();
            Instant until = Instant.now().plus(Duration.ofSeconds(30));
            while (!"STARTED".equals(proxy.getState())) {
                if (Instant.now().isAfter(until)) {
                    throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            context.close();
            throw new IllegalStateException("Could not start S3Proxy", e);
        }
        return new S3Server(secretKey, context, proxy);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public String secretKey() {
        return secretKey;
    }

    /** A new empty bucket of its own. */
    public String newBucket() {
        String bucket = Unique.slug("media").toLowerCase(java.util.Locale.ROOT);
        blobStore().createContainerInLocation(null, bucket);
        return bucket;
    }

    /** Settings for {@code bucket} on this server, path-style as self-hosted stores are addressed. */
    public S3Settings settings(String bucket, String prefix) {
        return new S3Settings(bucket, prefix, endpoint(), null, true);
    }

    /** A client builder as the site makes one, signing with this server's credentials. */
    public S3ClientBuilder client(String bucket) {
        return S3MediaStorage.clientBuilder(settings(bucket, ""))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secretKey)));
    }

    /** A store in {@code bucket} below {@code prefix}. */
    public S3MediaStorage storage(String bucket, String prefix) {
        return new S3MediaStorage(
                client(bucket).build(), bucket, settings(bucket, prefix).prefix());
    }

    /** The server's own store, to look at or plant objects without the code under test. */
    public BlobStore blobStore() {
        return context.getBlobStore();
    }

    /** Every object name in {@code bucket}, read from the server's side. */
    public List<String> names(String bucket) {
        List<String> names = new ArrayList<>();
        ListContainerOptions options = ListContainerOptions.Builder.recursive();
        while (true) {
            PageSet<? extends StorageMetadata> page = blobStore().list(bucket, options);
            page.forEach(object -> names.add(object.getName()));
            if (page.getNextMarker() == null) {
                return names;
            }
            options = ListContainerOptions.Builder.recursive().afterMarker(page.getNextMarker());
        }
    }

    /** Puts {@code bytes} under {@code name} directly into the server's store. */
    public void plant(String bucket, String name, byte[] bytes) {
        blobStore().putBlob(bucket, blobStore().blobBuilder(name).payload(bytes).build());
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            context.close();
        }
    }
}
