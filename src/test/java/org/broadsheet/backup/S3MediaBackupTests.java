package org.broadsheet.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.broadsheet.backup.BackupRestoreTests.Outcome;
import org.broadsheet.platform.EmbeddedPostgresServer;
import org.broadsheet.platform.JarCommand;
import org.broadsheet.testkit.S3Server;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Media kept in an S3 bucket ({@code broadsheet.media.storage=s3}) are backed up and restored
 * through the same storage as files on disk: into an empty bucket they come back byte for byte,
 * and a bucket that already holds files is refused.
 */
class S3MediaBackupTests {

    @TempDir
    Path temp;

    private S3Server s3;

    @BeforeEach
    void startS3() {
        s3 = S3Server.start();
        System.setProperty("aws.accessKeyId", S3Server.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", s3.secretKey());
    }

    @AfterEach
    void stopS3() throws Exception {
        s3.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void mediaInABucketAreBackedUpAndRestoredIntoAnEmptyBucketOnly() throws Exception {
        String from = s3.newBucket();
        s3.plant(
                from,
                "site/media/ti/tide-chart/600.png",
                "a chart of the spring tides".getBytes(StandardCharsets.UTF_8));
        s3.plant(from, "site/media/qu/quay-photo/960.jpg", "the north quay at dawn".getBytes(StandardCharsets.UTF_8));
        Path archive = temp.resolve("bucket.zip");
        try (EmbeddedPostgresServer database = EmbeddedPostgresServer.start(temp.resolve("external"))) {
            Flyway.configure()
                    .dataSource(database.jdbcUrl(), database.username(), "")
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            Outcome backup = BackupRestoreTests.command(
                    new BackupCommand(),
                    withBucket(
                            from,
                            archive.toString(),
                            "--spring.datasource.url=" + database.jdbcUrl(),
                            "--spring.datasource.username=postgres"));
            assertThat(backup.code()).as(backup.err()).isEqualTo(JarCommand.OK);
            assertThat(backup.out()).contains("2 media files");
        }

        String to = s3.newBucket();
        Outcome restore = BackupRestoreTests.command(
                new RestoreCommand(), withBucket(to, archive.toString(), "--broadsheet.data-dir=" + temp.resolve("a")));
        assertThat(restore.code()).as(restore.err()).isEqualTo(JarCommand.OK);
        assertThat(contents(to)).isEqualTo(contents(from)).hasSize(2);

        Outcome again = BackupRestoreTests.command(
                new RestoreCommand(), withBucket(to, archive.toString(), "--broadsheet.data-dir=" + temp.resolve("b")));
        assertThat(again.code()).isEqualTo(JarCommand.FAILED);
        assertThat(again.err()).contains("Restore refused").contains("media store already holds files");
    }

    private String[] withBucket(String bucket, String... args) {
        return Stream.concat(
                        Stream.of(args),
                        Stream.of(
                                "--broadsheet.media.storage=s3",
                                "--broadsheet.media.s3.bucket=" + bucket,
                                "--broadsheet.media.s3.prefix=site/media",
                                "--broadsheet.media.s3.endpoint=" + s3.endpoint(),
                                "--broadsheet.media.s3.path-style=true"))
                .toArray(String[]::new);
    }

    /** Each object of {@code bucket} as "name: content", read on the server's side. */
    private List<String> contents(String bucket) throws Exception {
        List<String> contents = new ArrayList<>();
        for (String name : s3.names(bucket).stream().sorted().toList()) {
            try (InputStream in =
                    s3.blobStore().getBlob(bucket, name).getPayload().openStream()) {
                contents.add(name + ": " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return contents;
    }
}
