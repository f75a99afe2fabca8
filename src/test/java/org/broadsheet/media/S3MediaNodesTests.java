package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.broadsheet.BroadsheetApplication;
import org.broadsheet.platform.EmbeddedPostgresServer;
import org.broadsheet.testkit.Images;
import org.broadsheet.testkit.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes, A and B, each with a data directory of its own, sharing one PostgreSQL and one
 * bucket (S3Proxy, {@link S3Server}) through {@code broadsheet.media.storage=s3}: an image
 * uploaded through A is served by B, byte for byte, and neither node writes media to its disk.
 * The nodes find their credentials as a deployed site does, through the AWS SDK's default chain
 * (here its system properties, {@code aws.accessKeyId} and {@code aws.secretAccessKey}).
 */
class S3MediaNodesTests {

    @TempDir
    static Path database;

    @TempDir
    static Path dataA;

    @TempDir
    static Path dataB;

    private static S3Server s3;
    private static String bucket;
    private static EmbeddedPostgresServer server;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoNodes() {
        s3 = S3Server.start();
        bucket = s3.newBucket();
        System.setProperty("aws.accessKeyId", S3Server.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", s3.secretKey());
        server = EmbeddedPostgresServer.start(database);
        a = node(dataA);
        b = node(dataB);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closing : new AutoCloseable[] {b, a, server, s3}) {
            if (closing != null) {
                closing.close();
            }
        }
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void anImageUploadedThroughOneNodeIsServedByTheOther() throws Exception {
        MediaItem item = a.getBean(Images.class).jpeg(1200, 800, "Ferries at the north quay");

        for (String url :
                new String[] {item.originalUrl(), item.defaultRendition().url()}) {
            HttpResponse<byte[]> fromB = get(b, url);
            assertThat(fromB.statusCode()).as(url).isEqualTo(200);
            assertThat(fromB.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(fromB.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            assertThat(fromB.body())
                    .as(url)
                    .isEqualTo(inBucket(url))
                    .isEqualTo(get(a, url).body());
        }
        assertThat(b.getBean(MediaLibrary.class).get(item.id()).originalUrl()).isEqualTo(item.originalUrl());
        assertThat(dataA.resolve("media")).as("nothing on A's disk").doesNotExist();
        assertThat(dataB.resolve("media")).as("nothing on B's disk").doesNotExist();
    }

    @Test
    void anImageDeletedThroughOneNodeIsGoneFromTheOther() throws Exception {
        MediaItem item = a.getBean(Images.class).png(600, 400, "A chart of tides");
        String url = item.originalUrl();
        assertThat(get(b, url).statusCode()).isEqualTo(200);

        b.getBean(MediaLibrary.class).delete(item.id());

        assertThat(get(a, url).statusCode()).isEqualTo(404);
        assertThat(s3.names(bucket)).noneMatch(name -> name.contains(url.split("/")[2]));
    }

    private static ConfigurableApplicationContext node(Path dataDir) {
        return new SpringApplication(BroadsheetApplication.class)
                .run(
                        "--server.port=0",
                        "--broadsheet.data-dir=" + dataDir,
                        "--broadsheet.demo=false",
                        "--spring.datasource.url=" + server.jdbcUrl(),
                        "--spring.datasource.username=postgres",
                        "--broadsheet.media.storage=s3",
                        "--broadsheet.media.s3.bucket=" + bucket,
                        "--broadsheet.media.s3.prefix=site/media",
                        "--broadsheet.media.s3.endpoint=" + s3.endpoint(),
                        "--broadsheet.media.s3.path-style=true");
    }

    /** The bytes the bucket holds for a {@code /media/{key}/{name}} address, read on the server's side. */
    private static byte[] inBucket(String url) throws Exception {
        String[] parts = url.split("/");
        String name = "site/media/" + parts[2].substring(0, 2) + "/" + parts[2] + "/" + parts[3];
        assertThat(s3.names(bucket)).contains(name);
        try (InputStream in = s3.blobStore().getBlob(bucket, name).getPayload().openStream()) {
            return in.readAllBytes();
        }
    }

    private static HttpResponse<byte[]> get(ConfigurableApplicationContext node, String path) throws Exception {
        String port = node.getEnvironment().getProperty("local.server.port");
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
