package org.broadsheet.media;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * PNG for {@link MetadataStripper}: the critical chunks and the ancillary chunks that change how
 * the picture looks (transparency, colour, gamma, pixel size, animation) stay, byte for byte;
 * {@code eXIf}, the text chunks ({@code tEXt}, {@code zTXt}, {@code iTXt}, which carry XMP),
 * {@code tIME} and private chunks go; anything after {@code IEND} too.
 */
final class PngStripper {

    /** Ancillary chunks that change how the picture looks; critical chunks are always kept. */
    private static final Set<String> KEPT = Set.of(
            "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "cICP", "mDCV", "cLLI", "bKGD", "pHYs", "hIST", "sPLT",
            "acTL", "fcTL", "fdAT");

    private PngStripper() {}

    /** Writes {@code in} to {@code out} without its metadata. */
    static void strip(Path in, Path out) throws IOException {
        try (DataInputStream src = StripperStreams.reader(in);
                DataOutputStream dst = StripperStreams.writer(out)) {
            byte[] signature = new byte[8];
            src.readFully(signature);
            dst.write(signature);
            while (true) {
                int length = src.readInt();
                byte[] type = new byte[4];
                src.readFully(type);
                if (length < 0) {
                    throw MediaRefused.damaged(ImageType.PNG);
                }
                String name = StripperStreams.text(type, 0, 4);
                boolean critical = (type[0] & 0x20) == 0;
                if (!critical && !KEPT.contains(name)) {
                    src.skipNBytes(length + 4L);
                    continue;
                }
                dst.writeInt(length);
                dst.write(type);
                StripperStreams.copyFully(src, dst, length + 4L); // data and CRC, unchanged
                if (name.equals("IEND")) {
                    return;
                }
            }
        }
    }
}
