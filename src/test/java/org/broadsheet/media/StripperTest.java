package org.broadsheet.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The base of the metadata stripper tests: a file through {@link MetadataStripper}, and looks inside the result. */
abstract class StripperTest {

    @TempDir
    Path dir;

    record StripResult(int orientation, byte[] bytes) {}

    StripResult strip(ImageType type, byte[] input) throws IOException {
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

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[] first, byte[] second) {
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
