package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.testkit.S3Server;
import org.broadsheet.testkit.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * {@link S3MediaStorage} against a real S3 API server (S3Proxy, {@link S3Server}): the four calls
 * keep {@link MediaStorage}'s promises. Each test works in a bucket of its own.
 */
class S3MediaStorageTests {

    private static final String KEY = "ab/abcdefghijklmnopqrstuvwx/original.jpg";

    private static S3Server s3;

    @TempDir
    Path temp;

    @BeforeAll
    static void startServer() {
        s3 = S3Server.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        s3.close();
    }

    @Test
    void whatIsPutIsOpenedWithItsSizeAndStoredUnderThePrefixWithItsType() throws IOException {
        String bucket = s3.newBucket();
        byte[] jpeg = TestImages.jpeg(40, 30);
        try (S3MediaStorage storage = s3.storage(bucket, "site/media")) {
            storage.put(KEY, new ByteArrayInputStream(jpeg));

            assertThat(read(storage, KEY)).isEqualTo(jpeg);
            assertThat(storage.open(KEY).orElseThrow().size()).isEqualTo(jpeg.length);
        }
        assertThat(s3.names(bucket)).containsExactly("site/media/" + KEY);
        assertThat(s3.blobStore()
                        .blobMetadata(bucket, "site/media/" + KEY)
                        .getContentMetadata()
                        .getContentType())
                .isEqualTo("image/jpeg");
    }

    @Test
    void aFileIsStreamedWithItsLengthAndAStreamOfUnknownLengthWhole() throws IOException {
        String bucket = s3.newBucket();
        byte[] large = new byte[3 * 1024 * 1024 + 17]; // more than any one buffer of the SDK or the JDK
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31 + i / 7);
        }
        Path file = Files.write(temp.resolve("large.bin"), large);
        try (S3MediaStorage storage = s3.storage(bucket, "")) {
            storage.put("ab/from-a-file.png", file);
            try (InputStream in = Files.newInputStream(file)) {
                storage.put(
                        "ab/from-a-stream.png",
                        new InputStream() { // no available(), no length: read to its end
                            @Override
                            public int read() throws IOException {
                                return in.read();
                            }

                            @Override
                            public int read(byte[] b, int off, int len) throws IOException {
                                return in.read(b, off, Math.min(len, 1000));
                            }
                        });
            }

            assertThat(read(storage, "ab/from-a-file.png")).isEqualTo(large);
            assertThat(read(storage, "ab/from-a-stream.png")).isEqualTo(large);
        }
    }

    @Test
    void aPutReplacesWhatWasThere() throws IOException {
        try (S3MediaStorage storage = s3.storage(s3.newBucket(), "media/")) {
            storage.put(KEY, new ByteArrayInputStream(new byte[] {1, 2, 3}));
            storage.put(KEY, new ByteArrayInputStream(new byte[] {4, 5}));

            assertThat(read(storage, KEY)).containsExactly(4, 5);
        }
    }

    @Test
    void aMissingKeyOpensEmptyAndDeletesWithoutError() throws IOException {
        try (S3MediaStorage storage = s3.storage(s3.newBucket(), "media/")) {
            assertThat(storage.open(KEY)).isEmpty();
            storage.delete(KEY);

            storage.put(KEY, new ByteArrayInputStream(new byte[] {7}));
            storage.delete(KEY);
            storage.delete(KEY);

            assertThat(storage.open(KEY)).isEmpty();
        }
    }

    @Test
    void listingPagesThroughEveryObjectWithItsTime() throws IOException {
        String bucket = s3.newBucket();
        Instant before = Instant.now().minus(Duration.ofMinutes(1));
        List<String> keys = new ArrayList<>();
        try (S3MediaStorage storage = new S3MediaStorage(s3.client(bucket).build(), bucket, "media/", 2)) {
            for (int i = 0; i < 7; i++) {
                String key = "k" + i + "/abcdefghijklmnopqrstuvwxyz/" + (100 * i + 1) + ".jpg";
                storage.put(key, new ByteArrayInputStream(new byte[] {(byte) i}));
                keys.add(key);
            }

            Map<String, Instant> listed = list(storage);

            assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(keys);
            assertThat(listed.values()).allMatch(time -> time.isAfter(before));
        }
    }

    @Test
    void onlyKeysUnderItsOwnPrefixAreListedOrOpened() throws IOException {
        String bucket = s3.newBucket();
        try (S3MediaStorage site = s3.storage(bucket, "media/");
                S3MediaStorage other = s3.storage(bucket, "other-site/media/")) {
            site.put(KEY, new ByteArrayInputStream(new byte[] {1}));
            other.put("cd/theirs.jpg", new ByteArrayInputStream(new byte[] {2}));
            // Objects someone else put in the bucket: beside the prefix, or under it but not named as keys.
            for (String name : List.of(
                    "README.txt",
                    "media.jpg",
                    "mediaab/x.jpg",
                    "media/Upper/Case.jpg",
                    "media/.hidden/x.jpg",
                    "media/ab//x.jpg",
                    "media/a/b/c/d/e/f/g.jpg")) {
                s3.plant(bucket, name, new byte[] {3});
            }

            assertThat(list(site).keySet()).containsExactly(KEY);
            assertThat(list(other).keySet()).containsExactly("cd/theirs.jpg");
            assertThat(site.open("cd/theirs.jpg")).isEmpty();
            assertThat(other.open(KEY)).isEmpty();
        }
    }

    @Test
    void aMalformedKeyIsRefusedBeforeAnyRequest() throws IOException {
        String bucket = s3.newBucket();
        AtomicInteger requests = new AtomicInteger();
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                requests.incrementAndGet();
            }
        };
        try (S3MediaStorage storage = new S3MediaStorage(
                s3.client(bucket)
                        .overrideConfiguration(o -> o.addExecutionInterceptor(counter))
                        .build(),
                bucket,
                "media/")) {
            for (String key : FileSystemMediaStorageTests.HOSTILE_KEYS) {
                assertThatThrownBy(() -> storage.put(key, new ByteArrayInputStream(new byte[] {1})))
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> storage.put(key, temp)).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> storage.open(key)).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> storage.delete(key)).isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(requests).hasValue(0);

            storage.open(KEY);
            assertThat(requests).as("the counter counts").hasValue(1);
        }
        assertThat(s3.names(bucket)).isEmpty();
    }

    @Test
    void theStoresErrorsAreIoExceptionsNotEmptyAnswers() throws IOException {
        try (S3MediaStorage missingBucket = s3.storage("no-such-bucket-here", "media/")) {
            assertThatThrownBy(() -> missingBucket.open(KEY)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> missingBucket.put(KEY, new ByteArrayInputStream(new byte[] {1})))
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> missingBucket.list(listed -> {})).isInstanceOf(IOException.class);
        }
        String bucket = s3.newBucket();
        try (S3MediaStorage wrongSecret = new S3MediaStorage(
                S3MediaStorage.clientBuilder(s3.settings(bucket, ""))
                        .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                S3Server.ACCESS_KEY, "not-the-secret"))
                        .build(),
                bucket,
                "")) {
            assertThatThrownBy(() -> wrongSecret.put(KEY, new ByteArrayInputStream(new byte[] {1})))
                    .isInstanceOf(IOException.class);
        }
        assertThat(s3.names(bucket)).isEmpty();
    }

    @Test
    void settingsMakeThePrefixAFolderAndRefuseWhatIsNotOne() {
        URI endpoint = URI.create("http://127.0.0.1:9000");
        assertThat(new S3Settings("b", "media", endpoint, null, true).prefix()).isEqualTo("media/");
        assertThat(new S3Settings("b", "", null, null, false).prefix()).isEmpty();
        assertThat(new S3Settings("b", "sites/news_1/media/", null, null, false).prefix())
                .isEqualTo("sites/news_1/media/");
        for (String prefix : List.of("/media", "media//x", "../media", "me dia", "media/./x")) {
            assertThatThrownBy(() -> new S3Settings("b", prefix, null, null, false))
                    .as(prefix)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new S3Settings("b", "", URI.create("file:///tmp"), null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new S3Settings(" ", "", endpoint, null, true).requiredBucket())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broadsheet.media.s3.bucket");
    }

    private static byte[] read(MediaStorage storage, String key) throws IOException {
        Optional<MediaStorage.Stored> stored = storage.open(key);
        assertThat(stored).as(key).isPresent();
        try (InputStream in = stored.get().content()) {
            return in.readAllBytes();
        }
    }

    private static Map<String, Instant> list(MediaStorage storage) throws IOException {
        Map<String, Instant> listed = new ConcurrentHashMap<>();
        storage.list(each -> assertThat(listed.put(each.key(), each.lastModified()))
                .as("listed once: " + each.key())
                .isNull());
        return listed;
    }
}
