package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.broadsheet.testkit.TestImages;
import org.junit.jupiter.api.Test;

/** GIF: XMP, other applications and comments go; frames and the loop stay as they were. */
class GifStripperTests extends StripperTest {

    @Test
    void gifLosesItsXmpAndCommentsAndKeepsItsFramesAndItsLoop() throws IOException {
        byte[] plain = TestImages.animatedGif(6, 4, new byte[0], new byte[0]);
        byte[] tagged = TestImages.animatedGif(
                6, 4, TestImages.gifXmp(TestImages.XMP_GPS), TestImages.gifComment(TestImages.GIF_COMMENT));
        List<BufferedImage> before = TestImages.gifFrames(tagged);
        assertThat(before).hasSize(2);
        assertThat(indexOf(tagged, ascii(TestImages.XMP_GPS))).isNotNegative();

        StripResult result = strip(ImageType.GIF, tagged);

        assertThat(result.bytes()).isEqualTo(plain); // the frames' bytes untouched
        assertThat(indexOf(result.bytes(), ascii("XMP DataXMP"))).isNegative();
        assertThat(indexOf(result.bytes(), ascii("GPSLatitude"))).isNegative();
        assertThat(indexOf(result.bytes(), ascii(TestImages.GIF_COMMENT))).isNegative();
        assertThat(indexOf(result.bytes(), ascii("NETSCAPE2.0"))).isNotNegative();
        List<BufferedImage> after = TestImages.gifFrames(result.bytes());
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

        assertThat(strip(ImageType.GIF, tagged).bytes()).isEqualTo(kept);
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
}
