package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import org.broadsheet.testkit.TestImages;
import org.junit.jupiter.api.Test;

/** A file whose structure is broken is refused as damaged, whatever its format; each format's rules have their own tests. */
class MetadataStripperTests extends StripperTest {

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
}
