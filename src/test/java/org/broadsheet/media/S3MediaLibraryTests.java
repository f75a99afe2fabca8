package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.Role;
import org.broadsheet.testkit.S3Server;
import org.broadsheet.testkit.StaffMembers;
import org.broadsheet.testkit.TestImages;
import org.broadsheet.testkit.Unique;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The media library on an object store: the site's own uploads, library and sweep (on the test
 * site's PostgreSQL), with their files in a bucket of S3Proxy ({@link S3Server}) instead of the
 * media directory. Rows are committed (the sweep reads them in its own transaction) and deleted by
 * each test; every test has a bucket of its own, so a sweep here sees only its test's objects.
 */
@BroadsheetTest
class S3MediaLibraryTests {

    private static final String PREFIX = "media/";

    private static S3Server s3;

    @Autowired
    MediaRepository repository;

    @Autowired
    MediaSettings settings;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    StaffMembers staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private String bucket;
    private S3MediaStorage storage;
    private MediaLibrary library;
    private MediaUploads uploads;
    private long uploader;

    @BeforeAll
    static void startServer() {
        s3 = S3Server.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        s3.close();
    }

    @BeforeEach
    void libraryOnABucket() {
        bucket = s3.newBucket();
        storage = s3.storage(bucket, PREFIX);
        useStorage(storage);
        uploader = staff.create(Role.CONTRIBUTOR).staff().id();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    @Test
    void anUploadStoresEveryFileInTheBucketAndReadsThemBack() throws IOException {
        MediaItem item = upload(uploader);

        List<String> names = filesOf(item).map(file -> PREFIX + file).toList();
        assertThat(s3.names(bucket)).containsExactlyInAnyOrderElementsOf(names).hasSizeGreaterThan(2);
        MediaFiles files = new MediaFiles(storage);
        String url = item.defaultRendition().url(); // /media/{key}/960.jpg
        String[] parts = url.split("/");
        try (InputStream in =
                files.open(parts[2], parts[3]).orElseThrow().stored().content()) {
            assertThat(TestImages.decode(in.readAllBytes()).getWidth()).isEqualTo(960);
        }

        library.delete(item.id());

        assertThat(s3.names(bucket)).isEmpty();
    }

    @Test
    void anUploadWhoseRowFailsLeavesNoObjectBehind() {
        long rows = rows();
        long nobody = jdbc.sql("select coalesce(max(id), 0) + 1000 from staff_user")
                .query(Long.class)
                .single();

        // Every file is stored before the row, whose insert then fails: no such uploader.
        assertThatThrownBy(() -> upload(nobody)).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(s3.names(bucket)).isEmpty();
        assertThat(rows()).isEqualTo(rows);
    }

    @Test
    void anUploadWhoseStoreFailsMidwayLeavesNoObjectBehind() {
        AtomicInteger puts = new AtomicInteger();
        ExecutionInterceptor failThirdPut = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (context.request() instanceof PutObjectRequest && puts.incrementAndGet() == 3) {
                    throw SdkClientException.create("the connection dropped (planted by the test)");
                }
            }
        };
        S3MediaStorage failing = new S3MediaStorage(
                s3.client(bucket)
                        .overrideConfiguration(o -> o.addExecutionInterceptor(failThirdPut))
                        .build(),
                bucket,
                PREFIX);
        useStorage(failing);
        long rows = rows();

        try (failing) {
            assertThatThrownBy(() -> upload(uploader))
                    .isInstanceOf(java.io.UncheckedIOException.class)
                    .hasStackTraceContaining("the connection dropped (planted by the test)");
        }

        assertThat(puts).as("two files were stored before the third failed").hasValue(3);
        assertThat(s3.names(bucket)).isEmpty();
        assertThat(rows()).isEqualTo(rows);
    }

    @Test
    void theSweepRemovesObjectsNoImageOwnsOnceOlderThanTheGraceAndKeepsTheRest() {
        MediaItem owned = upload(uploader);
        String orphanKey = new MediaFiles(storage).newKey();
        List<String> orphans = Stream.of("original.jpg", "480.jpg", "960.jpg")
                .map(name -> MediaFiles.storageKey(orphanKey, name))
                .toList();
        orphans.forEach(file -> s3.plant(bucket, PREFIX + file, TestImages.jpeg(8, 8)));
        List<String> strangers =
                List.of(PREFIX + "notes.txt", PREFIX + orphanKey + "/original.jpg", "elsewhere/" + orphans.get(0));
        strangers.forEach(name -> s3.plant(bucket, name, new byte[] {1}));

        assertThat(sweep(Clock.systemUTC())).as("within the grace period").isZero();
        assertThat(s3.names(bucket))
                .containsAll(orphans.stream().map(f -> PREFIX + f).toList());

        // An hour and five minutes on: the objects just written are past the grace period.
        Clock later = Clock.offset(clock, settings.orphanGrace().plus(Duration.ofMinutes(5)));
        assertThat(sweep(later)).isEqualTo(3);

        List<String> expected = Stream.concat(filesOf(owned).map(file -> PREFIX + file), strangers.stream())
                .toList();
        assertThat(s3.names(bucket)).containsExactlyInAnyOrderElementsOf(expected);
        library.delete(owned.id());
    }

    private int sweep(Clock at) {
        return new OrphanedFileSweep(library, settings, at).sweep();
    }

    private void useStorage(MediaStorage store) {
        MediaFiles files = new MediaFiles(store);
        library = new MediaLibrary(repository, files, transactions);
        uploads = new MediaUploads(repository, files, library, settings);
    }

    private MediaItem upload(long uploaderId) {
        return uploads.upload(
                Unique.slug("harbour") + ".jpg",
                new ByteArrayInputStream(TestImages.jpeg(1200, 800)),
                uploaderId,
                "The harbour at low tide",
                "",
                "");
    }

    private long rows() {
        return jdbc.sql("select count(*) from media").query(Long.class).single();
    }

    /** An image's storage keys, from the URLs the library gives ({@code /media/{key}/{name}}). */
    private static Stream<String> filesOf(MediaItem item) {
        return Stream.concat(
                        Stream.of(item.originalUrl()),
                        item.renditions().stream().map(MediaItem.Rendition::url))
                .map(url -> url.substring("/media/".length()))
                .map(file -> file.substring(0, 2) + "/" + file);
    }
}
