package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.broadsheet.testkit.TestImages;
import org.junit.jupiter.api.Test;

/** JPEG: only JFIF, the colour profile, Adobe's segment and the orientation stay; the picture's bytes stay as they were. */
class JpegStripperTests extends StripperTest {

    @Test
    void jpegLosesItsExifWithTheGpsBlockAndKeepsOnlyItsOrientation() throws IOException {
        byte[] plain = TestImages.jpeg(64, 48);
        byte[] tagged = TestImages.withApp1(plain, TestImages.exifWithGps(6));
        assertThat(indexOf(tagged, TestImages.LATITUDE)).isNotNegative();

        StripResult result = strip(ImageType.JPEG, tagged);

        assertThat(result.orientation()).isEqualTo(6);
        assertThat(indexOf(result.bytes(), TestImages.LATITUDE)).isNegative();
        assertThat(indexOf(result.bytes(), "Exif".getBytes(StandardCharsets.ISO_8859_1)))
                .isNotNegative();
        assertThat(app1Segments(result.bytes())).containsExactly(JpegStripper.orientationOnlyExif(6));
        // Everything else is the original file byte for byte, with the orientation segment after its JFIF header.
        assertThat(TestImages.decode(result.bytes()).getWidth()).isEqualTo(64);
        assertThat(JpegStripper.exifOrientation(JpegStripper.orientationOnlyExif(6)))
                .isEqualTo(6);
    }

    @Test
    void uprightJpegKeepsNoExifAtAll() throws IOException {
        byte[] plain = TestImages.jpeg(64, 48);
        StripResult result = strip(ImageType.JPEG, TestImages.withApp1(plain, TestImages.exifWithGps(1)));
        assertThat(result.orientation()).isEqualTo(1);
        assertThat(app1Segments(result.bytes())).isEmpty();
        assertThat(result.bytes()).isEqualTo(plain);
    }

    @Test
    void jpegLosesCommentsOtherApplicationSegmentsAndWhateverFollowsItsEnd() throws IOException {
        byte[] plain = TestImages.jpeg(64, 48);
        byte[] secondPicture = TestImages.withApp1(TestImages.jpeg(16, 16), TestImages.exifWithGps(1));
        byte[] tagged = TestImages.withSegment(
                TestImages.withSegment(plain, 0xFE, ascii("Taken by J. Smith")),
                0xEB,
                ascii("JP\0\0jumb c2pa claims")); // APP11: content credentials
        tagged = concat(tagged, secondPicture); // as phones append a second picture or a clip

        StripResult result = strip(ImageType.JPEG, tagged);

        assertThat(result.bytes()).isEqualTo(plain);
        assertThat(indexOf(result.bytes(), TestImages.LATITUDE)).isNegative();
    }

    @Test
    void jpegKeepsItsColourProfileAndAllScansOfAProgressivePicture() throws IOException {
        byte[] progressive = TestImages.progressiveJpeg(96, 64);
        byte[] withProfile = TestImages.withSegment(progressive, 0xE2, ascii("ICC_PROFILE\0\1\1not a real profile"));
        byte[] tagged = TestImages.withSegment(withProfile, 0xE1, TestImages.exifWithGps(1));

        StripResult result = strip(ImageType.JPEG, tagged);

        assertThat(result.bytes()).isEqualTo(withProfile);
        assertThat(TestImages.decode(result.bytes()).getRGB(48, 32))
                .isEqualTo(TestImages.decode(progressive).getRGB(48, 32));
    }
}
