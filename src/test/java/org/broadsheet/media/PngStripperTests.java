package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.broadsheet.testkit.TestImages;
import org.junit.jupiter.api.Test;

/** PNG: metadata chunks go; the chunks that change how the picture looks stay as they were. */
class PngStripperTests extends StripperTest {

    @Test
    void pngLosesExifAndTextChunks() throws IOException {
        byte[] plain = TestImages.png(40, 30);
        byte[] exif = Arrays.copyOfRange(TestImages.exifWithGps(1), 6, TestImages.exifWithGps(1).length);
        byte[] tagged = TestImages.pngWithChunk(
                TestImages.pngWithChunk(plain, "eXIf", exif),
                "iTXt",
                "XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>".getBytes(StandardCharsets.ISO_8859_1));

        StripResult result = strip(ImageType.PNG, tagged);

        assertThat(result.bytes()).isEqualTo(plain);
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

        assertThat(result.bytes()).isEqualTo(withGamma);
    }
}
