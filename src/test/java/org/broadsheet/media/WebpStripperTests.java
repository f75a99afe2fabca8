package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.broadsheet.testkit.TestImages;
import org.junit.jupiter.api.Test;

/** WebP: metadata chunks and the flags announcing them go; the picture's chunks stay as they were. */
class WebpStripperTests extends StripperTest {

    @Test
    void webpLosesItsExifChunkAndTheFlagThatAnnouncedIt() throws IOException {
        byte[] tagged = TestImages.webpWithExif(20, 10, 0xFF336699, TestImages.exifWithGps(1));
        assertThat(TestImages.decode(tagged).getWidth()).isEqualTo(20);

        StripResult result = strip(ImageType.WEBP, tagged);

        assertThat(indexOf(result.bytes(), TestImages.LATITUDE)).isNegative();
        assertThat(indexOf(result.bytes(), "EXIF".getBytes(StandardCharsets.ISO_8859_1)))
                .isNegative();
        assertThat(result.bytes()[20] & 0x08).isZero(); // the VP8X flags byte
        long riffSize = (result.bytes()[4] & 0xFF)
                | (result.bytes()[5] & 0xFF) << 8
                | (result.bytes()[6] & 0xFF) << 16
                | (long) (result.bytes()[7] & 0xFF) << 24;
        assertThat(riffSize).isEqualTo(result.bytes().length - 8);
        assertThat(TestImages.decode(result.bytes()).getRGB(3, 3)).isEqualTo(0xFF336699);
    }

    @Test
    void webpLosesXmpAndUnknownChunksAndWhateverFollowsIt() throws IOException {
        byte[] tagged = TestImages.webpExtended(
                20,
                10,
                0xFF336699,
                0x08 | 0x04,
                TestImages.riffChunk("XMP ", ascii("<x:xmpmeta>51,30.4495N</x:xmpmeta>")),
                TestImages.riffChunk("GPSx", TestImages.LATITUDE));
        tagged = concat(tagged, TestImages.LATITUDE);

        StripResult result = strip(ImageType.WEBP, tagged);

        assertThat(result.bytes()).isEqualTo(TestImages.webpExtended(20, 10, 0xFF336699, 0));
        assertThat(TestImages.decode(result.bytes()).getRGB(3, 3)).isEqualTo(0xFF336699);
    }
}
