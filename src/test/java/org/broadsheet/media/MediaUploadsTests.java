package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.testkit.Images;
import org.broadsheet.testkit.TestImages;
import org.broadsheet.web.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploads through {@link MediaUploads}: what is kept, what is refused, and that a refusal keeps
 * nothing. Each test rolls back; the files of its uploads stay, under keys no other test meets.
 */
@BroadsheetTest
@Transactional
class MediaUploadsTests {

    @Autowired
    MediaUploads uploads;

    @Autowired
    Images images;

    @Test
    void jpegIsStoredWithoutItsGpsBlockAndWithRenditionsAtEachWidthUpToItsOwn() {
        byte[] jpeg = TestImages.withApp1(TestImages.jpeg(2000, 1000), TestImages.exifWithGps(1));

        MediaItem item = images.upload("harbour.jpg", jpeg, "Cranes over the harbour");

        assertThat(item.type()).isEqualTo(ImageType.JPEG);
        assertThat(item.width()).isEqualTo(2000);
        assertThat(item.height()).isEqualTo(1000);
        assertThat(item.filename()).isEqualTo("harbour.jpg");
        byte[] original = images.stored(item.originalUrl());
        assertThat(StripperTest.indexOf(original, TestImages.LATITUDE)).isNegative();
        assertThat(StripperTest.app1Segments(original)).isEmpty();
        assertThat(item.bytes()).isEqualTo(original.length);
        assertThat(item.renditions()).extracting(MediaItem.Rendition::width).containsExactly(480, 960, 1600);
        assertThat(item.renditions()).extracting(MediaItem.Rendition::height).containsExactly(240, 480, 800);
        for (MediaItem.Rendition r : item.renditions()) {
            assertThat(r.url()).endsWith("/" + r.width() + ".jpg");
            byte[] bytes = images.stored(r.url());
            assertThat(StripperTest.app1Segments(bytes)).isEmpty();
            BufferedImage decoded = TestImages.decode(bytes);
            assertThat(decoded.getWidth()).isEqualTo(r.width());
            assertThat(decoded.getHeight()).isEqualTo(r.height());
        }
    }

    @Test
    void narrowImageIsNeverEnlarged() {
        MediaItem medium = images.upload("medium.png", TestImages.png(1000, 500), "");
        assertThat(medium.renditions()).extracting(MediaItem.Rendition::width).containsExactly(480, 960, 1000);
        MediaItem small = images.upload("small.png", TestImages.png(300, 200), "");
        assertThat(small.renditions()).extracting(MediaItem.Rendition::width).containsExactly(300);
        assertThat(small.renditions().get(0).height()).isEqualTo(200);
        assertThat(small.image().src()).isEqualTo(small.renditions().get(0).url());
    }

    @Test
    void sidewaysPhotoIsTurnedUprightInItsRenditionsAndKeepsItsOrientationInTheOriginal() {
        byte[] jpeg = TestImages.withApp1(TestImages.jpeg(1200, 600), TestImages.exifWithGps(6));

        MediaItem item = images.upload("sideways.jpg", jpeg, "");

        assertThat(item.width()).isEqualTo(600);
        assertThat(item.height()).isEqualTo(1200);
        assertThat(item.renditions()).extracting(MediaItem.Rendition::width).containsExactly(480, 600);
        BufferedImage rendition =
                TestImages.decode(images.stored(item.renditions().get(0).url()));
        assertThat(rendition.getWidth()).isEqualTo(480);
        assertThat(rendition.getHeight()).isEqualTo(960);
        byte[] original = images.stored(item.originalUrl());
        assertThat(StripperTest.app1Segments(original)).containsExactly(JpegStripper.orientationOnlyExif(6));
        assertThat(StripperTest.indexOf(original, TestImages.LATITUDE)).isNegative();
    }

    @Test
    void pngWithTransparencyGetsPngRenditionsThatKeepIt() {
        MediaItem item = images.upload("logo.png", TestImages.pngWithAlpha(1000, 400), "");

        assertThat(item.renditions()).extracting(MediaItem.Rendition::url).allMatch(url -> url.endsWith(".png"));
        BufferedImage rendition =
                TestImages.decode(images.stored(item.renditions().get(0).url()));
        assertThat(rendition.getColorModel().hasAlpha()).isTrue();
        assertThat(rendition.getRGB(10, 10) >>> 24).isZero();
        assertThat(rendition.getRGB(470, 10) >>> 24).isEqualTo(0xFF);
    }

    @Test
    void opaquePngGetsJpegRenditions() {
        MediaItem item = images.upload("chart.png", TestImages.png(600, 400), "");
        assertThat(item.type()).isEqualTo(ImageType.PNG);
        assertThat(item.originalUrl()).endsWith("/original.png");
        assertThat(item.renditions()).extracting(MediaItem.Rendition::url).allMatch(url -> url.endsWith(".jpg"));
    }

    @Test
    void gifAndWebpAreAccepted() {
        MediaItem gif = images.gif(640, 320, "");
        assertThat(gif.type()).isEqualTo(ImageType.GIF);
        assertThat(gif.renditions()).extracting(MediaItem.Rendition::width).containsExactly(480, 640);
        BufferedImage top =
                TestImages.decode(images.stored(gif.renditions().get(0).url()));
        assertThat(top.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0xC82828);

        byte[] webpBytes = TestImages.webpWithExif(1000, 500, 0xFF336699, TestImages.exifWithGps(1));
        MediaItem webp = images.upload("sky.webp", webpBytes, "");
        assertThat(webp.type()).isEqualTo(ImageType.WEBP);
        assertThat(webp.originalUrl()).endsWith("/original.webp");
        assertThat(webp.renditions()).extracting(MediaItem.Rendition::width).containsExactly(480, 960, 1000);
        assertThat(StripperTest.indexOf(images.stored(webp.originalUrl()), TestImages.LATITUDE))
                .isNegative();
        int pixel =
                TestImages.decode(images.stored(webp.renditions().get(0).url())).getRGB(100, 100) & 0xFFFFFF;
        assertThat(Math.abs((pixel >> 16) - 0x33)
                        + Math.abs((pixel >> 8 & 0xFF) - 0x66)
                        + Math.abs((pixel & 0xFF) - 0x99))
                .isLessThan(12);
    }

    @Test
    void animatedGifIsStoredWithoutItsXmpAndCommentAndStillLoops() {
        byte[] gif = TestImages.animatedGif(
                700, 350, TestImages.gifXmp(TestImages.XMP_GPS), TestImages.gifComment(TestImages.GIF_COMMENT));

        MediaItem item = images.upload("loop.gif", gif, "");

        byte[] original = images.stored(item.originalUrl());
        assertThat(StripperTest.indexOf(original, "GPSLatitude".getBytes(StandardCharsets.ISO_8859_1)))
                .isNegative();
        assertThat(StripperTest.indexOf(original, TestImages.GIF_COMMENT.getBytes(StandardCharsets.ISO_8859_1)))
                .isNegative();
        assertThat(StripperTest.indexOf(original, "NETSCAPE2.0".getBytes(StandardCharsets.ISO_8859_1)))
                .isNotNegative();
        assertThat(TestImages.gifFrames(original)).hasSize(2);
        assertThat(item.bytes()).isEqualTo(original.length);
        assertThat(item.renditions()).extracting(MediaItem.Rendition::width).containsExactly(480, 700);
    }

    @Test
    void cutShortGifIsRefusedWith422LikeOtherDamagedImagesAndLeavesNothing() {
        long rows = images.rows();
        long files = images.files();
        byte[] gif = TestImages.animatedGif(300, 200, TestImages.gifXmp(TestImages.XMP_GPS), new byte[0]);

        assertThatThrownBy(() -> images.upload("cut.gif", java.util.Arrays.copyOf(gif, gif.length - 40), ""))
                .isInstanceOfSatisfying(MediaRefused.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(e.getMessage()).contains("GIF");
                });

        assertThat(images.rows()).isEqualTo(rows);
        assertThat(images.files()).isEqualTo(files);
    }

    @Test
    void textFileNamedJpgIsRefusedWith415AndLeavesNothing() {
        long rows = images.rows();
        long files = images.files();
        byte[] text = "Not a picture at all, only words.\n".repeat(50).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> images.upload("holiday.jpg", text, "A beach"))
                .isInstanceOfSatisfying(
                        MediaRefused.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));

        assertThat(images.rows()).isEqualTo(rows);
        assertThat(images.files()).isEqualTo(files);
    }

    @Test
    void fiftyMegabytesAreRefusedWith413AndLeaveNothing() {
        long rows = images.rows();
        long files = images.files();
        long uploader = images.uploader();

        assertThatThrownBy(
                        () -> uploads.upload("huge.jpg", TestImages.endless(50L * 1024 * 1024), uploader, "", "", ""))
                .isInstanceOfSatisfying(MediaRefused.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(e.getMessage()).contains("20 MB");
                });

        assertThat(images.rows()).isEqualTo(rows);
        assertThat(images.files()).isEqualTo(files);
    }

    @Test
    void pixelFloodIsRefusedWith422BeforeDecodingAndLeavesNothing() {
        long rows = images.rows();
        long files = images.files();
        byte[] bomb = TestImages.pngClaiming(100_000, 100_000);
        assertThat(bomb.length).isLessThan(1024);

        assertThatThrownBy(() -> images.upload("bomb.png", bomb, "")).isInstanceOfSatisfying(MediaRefused.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(e.getMessage()).contains("100,000 × 100,000");
        });
        assertThatThrownBy(() -> images.upload("tall.png", TestImages.pngClaiming(10, 13_000), ""))
                .isInstanceOfSatisfying(
                        MediaRefused.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT));

        assertThat(images.rows()).isEqualTo(rows);
        assertThat(images.files()).isEqualTo(files);
    }

    @Test
    void damagedImageIsRefusedWith422AndLeavesNothing() {
        long rows = images.rows();
        long files = images.files();
        byte[] jpeg = TestImages.jpeg(400, 300);
        byte[] cut = java.util.Arrays.copyOf(jpeg, 200); // ends in its tables, before any picture data
        byte[] noPixels = TestImages.pngClaiming(50, 50); // a valid header, then too little data

        assertThatThrownBy(() -> images.upload("cut.jpg", cut, ""))
                .isInstanceOfSatisfying(
                        MediaRefused.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT));
        assertThatThrownBy(() -> images.upload("short.png", java.util.Arrays.copyOf(noPixels, 40), ""))
                .isInstanceOfSatisfying(
                        MediaRefused.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT));

        assertThat(images.rows()).isEqualTo(rows);
        assertThat(images.files()).isEqualTo(files);
    }

    @Test
    void tooLongAltTextIsAFieldErrorAndNothingIsStored() {
        long rows = images.rows();
        assertThatThrownBy(() -> images.upload("a.png", TestImages.png(20, 20), "x".repeat(301)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(ValidationException.Problem::field)
                                .containsExactly("alt"));
        assertThat(images.rows()).isEqualTo(rows);
    }

    @Test
    void filenameKeepsOnlyItsLastPartWithoutControlCharacters() {
        assertThat(MediaUploads.filename("C:\\Users\\me\\Pictures\\dock.jpg")).isEqualTo("dock.jpg");
        assertThat(MediaUploads.filename("../../etc/pass\u0000wd")).isEqualTo("passwd");
        assertThat(MediaUploads.filename("  ")).isEqualTo("image");
        assertThat(MediaUploads.filename(null)).isEqualTo("image");
    }

    @Test
    void uploadReadsNothingPastTheLimitFromAStreamThatLies() {
        // An upload that claims nothing and sends a lot: the service counts what it reads.
        long uploader = images.uploader();
        assertThatThrownBy(() -> uploads.upload(
                        "x.gif", new ByteArrayInputStream(new byte[21 * 1024 * 1024]), uploader, "", "", ""))
                .isInstanceOfSatisfying(
                        MediaRefused.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
    }
}
