package org.broadsheet.media;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Set;

/**
 * WebP for {@link MetadataStripper}: the image, alpha, animation, frame and colour profile
 * chunks stay, byte for byte; {@code EXIF}, {@code XMP } and unknown chunks go and the extended
 * header's flags for EXIF and XMP are cleared; anything after the RIFF container too. The RIFF
 * header's size is corrected to what was kept.
 */
final class WebpStripper {

    private static final Set<String> KEPT = Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP");
    private static final int VP8X_EXIF_AND_XMP = 0x08 | 0x04;

    private WebpStripper() {}

    /** Writes {@code in} to {@code out} without its metadata. */
    static void strip(Path in, Path out) throws IOException {
        long riffSize;
        try (DataInputStream src = StripperStreams.reader(in);
                DataOutputStream dst = StripperStreams.writer(out)) {
            byte[] header = new byte[12];
            src.readFully(header);
            dst.write(header); // its size is corrected below
            riffSize = copyKeptChunks(src, dst, 8 + littleEndian(header, 4));
        }
        try (RandomAccessFile file = new RandomAccessFile(out.toFile(), "rw")) {
            file.seek(4);
            file.write(new byte[] {
                (byte) riffSize, (byte) (riffSize >> 8), (byte) (riffSize >> 16), (byte) (riffSize >> 24)
            });
        }
    }

    /**
     * Copies the chunks kept from after the header to {@code riffEnd} (where the RIFF container
     * says it ends) and returns the RIFF size of what was written.
     */
    private static long copyKeptChunks(DataInputStream src, DataOutputStream dst, long riffEnd) throws IOException {
        long riffSize = 4; // "WEBP", then the chunks kept
        long read = 12;
        while (read < riffEnd) {
            byte[] chunk = new byte[8];
            src.readFully(chunk);
            long size = littleEndian(chunk, 4);
            long padded = size + (size & 1);
            read += 8 + padded;
            if (read > riffEnd) {
                throw MediaRefused.damaged(ImageType.WEBP);
            }
            String name = StripperStreams.text(chunk, 0, 4);
            if (!KEPT.contains(name)) {
                src.skipNBytes(padded);
                continue;
            }
            dst.write(chunk);
            if (name.equals("VP8X") && size >= 1) {
                dst.write(src.readUnsignedByte() & ~VP8X_EXIF_AND_XMP);
                StripperStreams.copyFully(src, dst, padded - 1);
            } else {
                StripperStreams.copyFully(src, dst, padded);
            }
            riffSize += 8 + padded;
        }
        return riffSize;
    }

    private static long littleEndian(byte[] data, int offset) {
        return StripperStreams.unsigned(data, offset, 4, true);
    }
}
