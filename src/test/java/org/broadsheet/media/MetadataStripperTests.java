package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
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

    @TempDir
    Path dir;

    @Test
    void jpegLosesItsExifWithTheGpsBlockAndKeepsOnlyItsOrientation() throws IOException {
        byte[] plain = TestImages.jpeg(64, 48);
        byte[] tagged = TestImages.withApp1(plain, TestImages.exifWithGps(6));
        assertThat(indexOf(tagged, TestImages.LATITUDE)).isNotNegative();

        StripResult result = strip(ImageType.JPEG, tagged);

        assertThat(result.orientation).isEqualTo(6);
        assertThat(indexOf(result.bytes, TestImages.LATITUDE)).isNegative();
        assertThat(indexOf(result.bytes, "Exif".getBytes(StandardCharsets.ISO_8859_1)))
                .isNotNegative();
        assertThat(app1Segments(result.bytes)).containsExactly(MetadataStripper.orientationOnlyExif(6));
        // Everything else is the original file byte for byte, with the orientation segment after its JFIF header.
        assertThat(TestImages.decode(result.bytes).getWidth()).isEqualTo(64);
        assertThat(MetadataStripper.exifOrientation(MetadataStripper.orientationOnlyExif(6)))
                .isEqualTo(6);
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
        byte[] tagged = TestImages.pngWithChunk(
                TestImages.pngWithChunk(plain, "eXIf", exif),
                "iTXt",
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
        assertThat(indexOf(result.bytes, "EXIF".getBytes(StandardCharsets.ISO_8859_1)))
                .isNegative();
        assertThat(result.bytes[20] & 0x08).isZero(); // the VP8X flags byte
        long riffSize = (result.bytes[4] & 0xFF)
                | (result.bytes[5] & 0xFF) << 8
                | (result.bytes[6] & 0xFF) << 16
                | (long) (result.bytes[7] & 0xFF) << 24;
        assertThat(riffSize).isEqualTo(result.bytes.length - 8);
        assertThat(TestImages.decode(result.bytes).getRGB(3, 3)).isEqualTo(0xFF336699);
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

        assertThat(result.bytes).isEqualTo(plain);
        assertThat(indexOf(result.bytes, TestImages.LATITUDE)).isNegative();
    }

    @Test
    void jpegKeepsItsColourProfileAndAllScansOfAProgressivePicture() throws IOException {
        byte[] progressive = TestImages.progressiveJpeg(96, 64);
        byte[] withProfile = TestImages.withSegment(progressive, 0xE2, ascii("ICC_PROFILE\0\1\1not a real profile"));
        byte[] tagged = TestImages.withSegment(withProfile, 0xE1, TestImages.exifWithGps(1));

        StripResult result = strip(ImageType.JPEG, tagged);

        assertThat(result.bytes).isEqualTo(withProfile);
        assertThat(TestImages.decode(result.bytes).getRGB(48, 32))
                .isEqualTo(TestImages.decode(progressive).getRGB(48, 32));
    }

    @Test
    void pngLosesItsTimeAndPrivateChunksAndKeepsThoseThatChangeHowItLooks() throws IOException {
        byte[] withGamma =
                TestImages.pngWithChunk(TestImages.png(40, 30), "gAMA", new byte[] {0, 0, (byte) 0xB1, (byte) 0x8F});
        byte[] tagged = TestImages.pngWithChunk(withGamma, "tIME", new byte[] {7, (byte) 0xE8, 5, 17, 9, 30, 0});
        tagged = TestImages.pngWithChunk(tagged, "tEXt", ascii("Author\0J. Smith"));
        tagged = TestImages.pngWithChunk(tagged, "zTXt", ascii("Comment\0\0x"));
        tagged = TestImages.pngWithChunk(tagged, "gpSx", TestImages.LATITUDE); // a private chunk
        tagged = concat(tagged, ascii("trailing words"));

        StripResult result = strip(ImageType.PNG, tagged);

        assertThat(result.bytes).isEqualTo(withGamma);
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

        assertThat(result.bytes).isEqualTo(TestImages.webpExtended(20, 10, 0xFF336699, 0));
        assertThat(TestImages.decode(result.bytes).getRGB(3, 3)).isEqualTo(0xFF336699);
    }

    @Test
    void gifLosesItsXmpAndCommentsAndKeepsItsFramesAndItsLoop() throws IOException {
        byte[] plain = TestImages.animatedGif(6, 4, new byte[0], new byte[0]);
        byte[] tagged = TestImages.animatedGif(
                6, 4, TestImages.gifXmp(TestImages.XMP_GPS), TestImages.gifComment(TestImages.GIF_COMMENT));
        List<BufferedImage> before = TestImages.gifFrames(tagged);
        assertThat(before).hasSize(2);
        assertThat(indexOf(tagged, ascii(TestImages.XMP_GPS))).isNotNegative();

        StripResult result = strip(ImageType.GIF, tagged);

        assertThat(result.bytes).isEqualTo(plain); // the frames' bytes untouched
        assertThat(indexOf(result.bytes, ascii("XMP DataXMP"))).isNegative();
        assertThat(indexOf(result.bytes, ascii("GPSLatitude"))).isNegative();
        assertThat(indexOf(result.bytes, ascii(TestImages.GIF_COMMENT))).isNegative();
        assertThat(indexOf(result.bytes, ascii("NETSCAPE2.0"))).isNotNegative();
        List<BufferedImage> after = TestImages.gifFrames(result.bytes);
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < after.size(); i++) {
            assertThat(after.get(i).getWidth())
                    .isEqualTo(before.get(i).getWidth())
                    .isEqualTo(6);
            assertThat(after.get(i).getHeight())
                    .isEqualTo(before.get(i).getHeight())
                    .isEqualTo(4);
            assertThat(after.get(i).getRGB(5, 3) & 0xFFFFFF).isEqualTo(TestImages.GIF_FRAME_COLOURS[i]);
        }
    }

    @Test
    void gifKeepsTheOtherLoopExtensionAndLosesOtherApplications() throws IOException {
        byte[] loop = TestImages.gifApplication("ANIMEXTS1.0", new byte[] {1, 0, 0});
        byte[] kept = TestImages.animatedGif(3, 3, loop, new byte[0]);
        byte[] tagged = TestImages.animatedGif(
                3, 3, concat(loop, TestImages.gifApplication("ICCRGBG1012", ascii("a profile"))), new byte[0]);

        assertThat(strip(ImageType.GIF, tagged).bytes).isEqualTo(kept);
    }

    @Test
    void brokenGifIsRefusedAsDamaged() throws IOException {
        byte[] gif = TestImages.animatedGif(6, 4, TestImages.gifXmp(TestImages.XMP_GPS), new byte[0]);
        assertThatThrownBy(() -> strip(ImageType.GIF, Arrays.copyOf(gif, gif.length - 12))) // cut in the second frame
                .isInstanceOf(MediaRefused.class)
                .hasMessageContaining("GIF");
        assertThatThrownBy(() -> strip(ImageType.GIF, Arrays.copyOf(gif, gif.length - 1))) // no trailer
                .isInstanceOf(MediaRefused.class);
        byte[] unknownBlock = gif.clone();
        unknownBlock[13 + 12] = 0x42; // where the loop extension starts, after the header and the palette
        assertThatThrownBy(() -> strip(ImageType.GIF, unknownBlock)).isInstanceOf(MediaRefused.class);
    }

    @Test
    void brokenStructureIsRefusedAsDamaged() throws IOException {
        byte[] jpeg = TestImages.jpeg(32, 32);
        byte[] cut = Arrays.copyOf(jpeg, 30);
        assertThatThrownBy(() -> strip(ImageType.JPEG, cut))
                .isInstanceOf(MediaRefused.class)
                .hasMessageContaining("JPEG");
        byte[] png = TestImages.png(8, 8);
        assertThatThrownBy(() -> strip(ImageType.PNG, Arrays.copyOf(png, 40))).isInstanceOf(MediaRefused.class);
        byte[] webp = TestImages.webp(8, 8, 0xFF000000);
        webp[4] = (byte) 200; // claims more chunks than there are
        assertThatThrownBy(() -> strip(ImageType.WEBP, webp)).isInstanceOf(MediaRefused.class);
    }

    private record StripResult(int orientation, byte[] bytes) {}

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

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
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
