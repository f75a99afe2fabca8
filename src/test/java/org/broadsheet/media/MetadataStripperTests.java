package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Location metadata goes; the picture's bytes stay as they were. */
class MetadataStripperTests {

    @TempDir Path dir;

    @Test
    void jpegLosesItsExifWithTheGpsBlockAndKeepsOnlyItsOrientation() throws IOException {
        byte[] plain = TestImages.jpeg(64, 48);
        byte[] tagged = TestImages.withApp1(plain, TestImages.exifWithGps(6));
        assertThat(indexOf(tagged, TestImages.LATITUDE)).isNotNegative();

        StripResult result = strip(ImageType.JPEG, tagged);

        assertThat(result.orientation).isEqualTo(6);
        assertThat(indexOf(result.bytes, TestImages.LATITUDE)).isNegative();
        assertThat(indexOf(result.bytes, "Exif".getBytes(StandardCharsets.ISO_8859_1))).isNotNegative();
        assertThat(app1Segments(result.bytes)).containsExactly(MetadataStripper.orientationOnlyExif(6));
        // Everything else is the original file byte for byte, with the orientation segment after its JFIF header.
        assertThat(TestImages.decode(result.bytes).getWidth()).isEqualTo(64);
        assertThat(MetadataStripper.exifOrientation(MetadataStripper.orientationOnlyExif(6))).isEqualTo(6);
    }

    @Test
    void uprightJpegKeepsNoExifAtAll() throws IOException {
        byte[] plain = TestImages.jpeg(64, 48);
        StripResult result = strip(ImageType.JPEG, TestImages.withApp1(plain, TestImages.exifWithGps(1)));
        assertThat(result.orientation).isEqualTo(1);
        assertThat(app1Segments(result.bytes)).isEmpty();
        assertThat(result.bytes).isEqualTo(plain);
    }

    @Test
    void pngLosesExifAndTextChunks() throws IOException {
        byte[] plain = TestImages.png(40, 30);
        byte[] exif = Arrays.copyOfRange(TestImages.exifWithGps(1), 6, TestImages.exifWithGps(1).length);
        byte[] tagged = TestImages.pngWithChunk(TestImages.pngWithChunk(plain, "eXIf", exif), "iTXt",
                "XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>".getBytes(StandardCharsets.ISO_8859_1));

        StripResult result = strip(ImageType.PNG, tagged);

        assertThat(result.bytes).isEqualTo(plain);
    }

    @Test
    void webpLosesItsExifChunkAndTheFlagThatAnnouncedIt() throws IOException {
        byte[] tagged = TestImages.webpWithExif(20, 10, 0xFF336699, TestImages.exifWithGps(1));
        assertThat(TestImages.decode(tagged).getWidth()).isEqualTo(20);

        StripResult result = strip(ImageType.WEBP, tagged);

        assertThat(indexOf(result.bytes, TestImages.LATITUDE)).isNegative();
        assertThat(indexOf(result.bytes, "EXIF".getBytes(StandardCharsets.ISO_8859_1))).isNegative();
        assertThat(result.bytes[20] & 0x08).isZero(); // the VP8X flags byte
        long riffSize = (result.bytes[4] & 0xFF) | (result.bytes[5] & 0xFF) << 8 | (result.bytes[6] & 0xFF) << 16
                | (long) (result.bytes[7] & 0xFF) << 24;
        assertThat(riffSize).isEqualTo(result.bytes.length - 8);
        assertThat(TestImages.decode(result.bytes).getRGB(3, 3)).isEqualTo(0xFF336699);
    }

    @Test
    void brokenStructureIsRefusedAsDamaged() throws IOException {
        byte[] jpeg = TestImages.jpeg(32, 32);
        byte[] cut = Arrays.copyOf(jpeg, 30);
        assertThatThrownBy(() -> strip(ImageType.JPEG, cut)).isInstanceOf(MediaRefused.class)
                .hasMessageContaining("JPEG");
        byte[] png = TestImages.png(8, 8);
        assertThatThrownBy(() -> strip(ImageType.PNG, Arrays.copyOf(png, 40))).isInstanceOf(MediaRefused.class);
        byte[] webp = TestImages.webp(8, 8, 0xFF000000);
        webp[4] = (byte) 200; // claims more chunks than there are
        assertThatThrownBy(() -> strip(ImageType.WEBP, webp)).isInstanceOf(MediaRefused.class);
    }

    private record StripResult(int orientation, byte[] bytes) {
    }

    private StripResult strip(ImageType type, byte[] input) throws IOException {
        Path in = Files.write(dir.resolve("in-" + System.nanoTime()), input);
        Path out = dir.resolve("out-" + System.nanoTime());
        int orientation = MetadataStripper.strip(type, in, out);
        return new StripResult(orientation, Files.readAllBytes(out));
    }

    /** The payloads of a JPEG's APP1 segments before its first scan. */
    static List<byte[]> app1Segments(byte[] jpeg) {
        List<byte[]> segments = new ArrayList<>();
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            int length = (jpeg[i + 2] & 0xFF) << 8 | jpeg[i + 3] & 0xFF;
            if (marker == 0xE1) {
                segments.add(Arrays.copyOfRange(jpeg, i + 4, i + 2 + length));
            }
            if (marker == 0xDA) {
                break;
            }
            i += 2 + length;
        }
        return segments;
    }

    static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
