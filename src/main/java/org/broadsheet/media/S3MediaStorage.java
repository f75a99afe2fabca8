package org.broadsheet.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Keeps media as objects of one S3 bucket (AWS S3, or any server that speaks its API: MinIO,
 * Ceph RGW, Cloudflare R2…), a key being an object name below the configured prefix. Every node
 * of a site may point at the same bucket and prefix: an object is written by one {@code PUT},
 * which S3 makes visible whole or not at all, and deleting what is already gone is no error.
 * Only objects under the prefix whose rest is a well-formed key are ever listed, so other data
 * in the bucket is never touched by the orphan sweep. Thread-safe (the SDK's client is).
 *
 * <p>Errors of the store (refused credentials, a missing bucket, a network failure) come out as
 * {@link IOException}s; a malformed key is refused with {@link IllegalArgumentException} before
 * any request is made.
 */
public class S3MediaStorage implements MediaStorage, AutoCloseable {

    /** ListObjectsV2's own maximum: one request lists this many objects. */
    static final int PAGE_SIZE = 1000;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final int pageSize;
    private final @Nullable SdkAutoCloseable credentials;

    /**
     * A store in {@code bucket} below {@code prefix} (empty, or ending with {@code /}), through
     * {@code client}, which this store closes when it is closed.
     */
    public S3MediaStorage(S3Client client, String bucket, String prefix) {
        this(client, bucket, prefix, PAGE_SIZE);
    }

    S3MediaStorage(S3Client client, String bucket, String prefix, int pageSize) {
        this(client, bucket, prefix, pageSize, null);
    }

    private S3MediaStorage(
            S3Client client, String bucket, String prefix, int pageSize, @Nullable SdkAutoCloseable credentials) {
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            throw new IllegalArgumentException("A key prefix ends with '/': " + prefix);
        }
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix;
        this.pageSize = pageSize;
        this.credentials = credentials; // the client does not close the provider it was given
    }

    /** The store {@code settings} describe, with credentials from the SDK's default chain. */
    public static S3MediaStorage of(S3Settings settings) {
        String bucket = settings.requiredBucket();
        DefaultCredentialsProvider credentials =
                DefaultCredentialsProvider.builder().build();
        S3Client client =
                clientBuilder(settings).credentialsProvider(credentials).build();
        return new S3MediaStorage(client, bucket, settings.prefix(), PAGE_SIZE, credentials);
    }

    /**
     * A client builder for {@code settings}, without credentials: the JDK's HTTP client (no Apache
     * or Netty), bounded timeouts, the endpoint, region and addressing style asked for.
     */
    public static S3ClientBuilder clientBuilder(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(READ_TIMEOUT))
                .forcePathStyle(settings.pathStyle());
        URI endpoint = settings.endpoint();
        if (endpoint != null) {
            // Other stores may not know the newer checksum trailers (aws-chunked uploads) that AWS takes.
            builder.endpointOverride(endpoint)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        String region = settings.region();
        if (region != null && !region.isBlank()) {
            builder.region(Region.of(region.strip()));
        } else if (endpoint != null) {
            builder.region(Region.US_EAST_1); // what MinIO and most self-hosted stores expect by default
        }
        return builder;
    }

    /** Buffers {@code content} in a temporary file first: S3 needs an object's length before its bytes. */
    @Override
    public void put(String key, InputStream content) throws IOException {
        String name = objectName(key);
        Path part = Files.createTempFile("broadsheet-s3-", ".part");
        try {
            Files.copy(content, part, StandardCopyOption.REPLACE_EXISTING);
            upload(name, key, part);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Streams the file with its known length; nothing is held in memory. */
    @Override
    public void put(String key, Path file) throws IOException {
        upload(objectName(key), key, file);
    }

    @Override
    public Optional<Stored> open(String key) throws IOException {
        String name = objectName(key);
        try {
            ResponseInputStream<GetObjectResponse> object =
                    client.getObject(get -> get.bucket(bucket).key(name));
            return Optional.of(new Stored(object, object.response().contentLength()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !"NoSuchBucket".equals(errorCode(e))) {
                return Optional.empty();
            }
            throw failed("read", key, e);
        } catch (SdkException e) {
            throw failed("read", key, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        String name = objectName(key);
        try {
            client.deleteObject(delete -> delete.bucket(bucket).key(name)); // S3 answers 204 for a missing key too
        } catch (NoSuchKeyException e) {
            // some compatible stores say so; gone is gone
        } catch (SdkException e) {
            throw failed("delete", key, e);
        }
    }

    /** Pages through ListObjectsV2 below the prefix; objects named otherwise than as keys are skipped. */
    @Override
    public void list(Consumer<Listed> each) throws IOException {
        try {
            for (S3Object object : client.listObjectsV2Paginator(
                            list -> list.bucket(bucket).prefix(prefix).maxKeys(pageSize))
                    .contents()) {
                String name = object.key();
                if (name.startsWith(prefix)) {
                    String key = name.substring(prefix.length());
                    if (KEY.matcher(key).matches()) {
                        each.accept(new Listed(key, object.lastModified()));
                    }
                }
            }
        } catch (SdkException e) {
            throw new IOException("Could not list the media in bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
        if (credentials != null) {
            credentials.close();
        }
    }

    private void upload(String name, String key, Path file) throws IOException {
        try {
            client.putObject(
                    put -> put.bucket(bucket).key(name).contentType(contentType(key)), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw failed("store", key, e);
        }
    }

    /** The object's name for {@code key}, which is checked first: nothing is asked of the store for a bad key. */
    private String objectName(String key) {
        return prefix + MediaStorage.requireValidKey(key);
    }

    /** The image type the key's extension names, so that the bucket can be served directly too. */
    private static String contentType(String key) {
        String extension = key.substring(key.lastIndexOf('.') + 1);
        return ImageType.fromExtension(extension).map(ImageType::contentType).orElse("application/octet-stream");
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null
                ? ""
                : String.valueOf(e.awsErrorDetails().errorCode());
    }

    private IOException failed(String action, String key, SdkException e) {
        return new IOException(
                "Could not " + action + " media " + key + " in bucket " + bucket + ": " + e.getMessage(), e);
    }
}
