package org.broadsheet.media;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Copies an uploaded original without the metadata that can tell where a picture was taken
 * (EXIF, with its GPS block, and XMP), losslessly: the picture data is copied byte for byte.
 * <ul>
 *   <li>JPEG: APP1 (EXIF, XMP) and APP13 (IPTC) segments go. The one EXIF field browsers
 *       need, the orientation, comes back as a minimal EXIF segment holding nothing else.</li>
 *   <li>PNG: {@code eXIf} and the text chunks ({@code tEXt}, {@code zTXt}, {@code iTXt}, which
 *       carry XMP) go; anything after {@code IEND} too.</li>
 *   <li>WebP: the {@code EXIF} and {@code XMP } chunks go and the extended header's flags
 *       for them are cleared.</li>
 *   <li>GIF: copied as it is (GIF has no EXIF).</li>
 * </ul>
 * A file whose structure is broken is refused as damaged.
 */
final class MetadataStripper {

    /** The EXIF orientation that means "as stored". */
    static final int UPRIGHT = 1;

    private static final int APP1 = 0xE1;
    private static final int APP13 = 0xED;
    private static final int SOS = 0xDA;
    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final Set<String> PNG_DROPPED = Set.of("eXIf", "tEXt", "zTXt", "iTXt");
    private static final Set<String> WEBP_DROPPED = Set.of("EXIF", "XMP ");
    private static final int VP8X_EXIF_AND_XMP = 0x08 | 0x04;

    private MetadataStripper() {
    }

    /**
     * Writes {@code in} to {@code out} without its location metadata.
     *
     * @return the EXIF orientation of a JPEG (1 to 8), {@link #UPRIGHT} for anything else
     * @throws MediaRefused (damaged) when the file's structure is broken
     */
    static int strip(ImageType type, Path in, Path out) throws IOException {
        try {
            return switch (type) {
                case JPEG -> jpeg(in, out);
                case PNG -> png(in, out);
                case WEBP -> webp(in, out);
                case GIF -> {
                    Files.copy(in, out);
                    yield UPRIGHT;
                }
            };
        } catch (EOFException e) {
            throw MediaRefused.damaged(type);
        }
    }

    private static int jpeg(Path in, Path out) throws IOException {
        try (DataInputStream src = new DataInputStream(new BufferedInputStream(Files.newInputStream(in)));
             DataOutputStream dst = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
            dst.writeShort(src.readUnsignedShort()); // SOI, checked by sniffing
            int orientation = UPRIGHT;
            boolean orientationWritten = false;
            while (true) {
                int marker = nextMarker(src);
                if (marker == 0xD8 || marker == 0xD9 || marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                    throw MediaRefused.damaged(ImageType.JPEG); // no standalone markers before the first scan
                }
                int length = src.readUnsignedShort();
                if (length < 2) {
                    throw MediaRefused.damaged(ImageType.JPEG);
                }
                byte[] payload = new byte[length - 2];
                src.readFully(payload);
                if (marker == APP1 || marker == APP13) {
                    if (marker == APP1 && startsWith(payload, EXIF_HEADER)) {
                        orientation = exifOrientation(payload);
                    }
                    continue;
                }
                if (!orientationWritten && marker != 0xE0) {
                    // After the JFIF (APP0) segment, if any, as files with both have it.
                    if (orientation != UPRIGHT) {
                        writeSegment(dst, APP1, orientationOnlyExif(orientation));
                    }
                    orientationWritten = true;
                }
                writeSegment(dst, marker, payload);
                if (marker == SOS) {
                    src.transferTo(dst); // the picture data, and whatever markers follow it, as they are
                    return orientation;
                }
            }
        }
    }

    private static int nextMarker(DataInputStream src) throws IOException {
        if (src.readUnsignedByte() != 0xFF) {
            throw MediaRefused.damaged(ImageType.JPEG);
        }
        int marker;
        do {
            marker = src.readUnsignedByte(); // 0xFF fill bytes may precede a marker
        } while (marker == 0xFF);
        return marker;
    }

    private static void writeSegment(DataOutputStream dst, int marker, byte[] payload) throws IOException {
        dst.writeByte(0xFF);
        dst.writeByte(marker);
        dst.writeShort(payload.length + 2);
        dst.write(payload);
    }

    /** The Orientation (0x0112) of IFD0 in an EXIF APP1 payload; {@link #UPRIGHT} when absent or unreadable. */
    static int exifOrientation(byte[] app1) {
        int tiff = EXIF_HEADER.length;
        if (app1.length < tiff + 8) {
            return UPRIGHT;
        }
        boolean little = app1[tiff] == 'I' && app1[tiff + 1] == 'I';
        if (!little && !(app1[tiff] == 'M' && app1[tiff + 1] == 'M')) {
            return UPRIGHT;
        }
        long ifd = tiff + unsigned(app1, tiff + 4, 4, little);
        if (ifd + 2 > app1.length) {
            return UPRIGHT;
        }
        int entries = (int) unsigned(app1, (int) ifd, 2, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (entry + 12 > app1.length) {
                return UPRIGHT;
            }
            if (unsigned(app1, entry, 2, little) == 0x0112 && unsigned(app1, entry + 2, 2, little) == 3) {
                int value = (int) unsigned(app1, entry + 8, 2, little);
                return value >= 1 && value <= 8 ? value : UPRIGHT;
            }
        }
        return UPRIGHT;
    }

    /** An EXIF APP1 payload holding one field, the orientation, and nothing else. */
    static byte[] orientationOnlyExif(int orientation) {
        byte[] tiff = {
                'M', 'M', 0, 42, 0, 0, 0, 8,                  // big-endian TIFF, IFD0 at offset 8
                0, 1,                                         // one entry
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, 1 value
                0, 0, 0, 0};                                  // no next IFD
        byte[] payload = Arrays.copyOf(EXIF_HEADER, EXIF_HEADER.length + tiff.length);
        System.arraycopy(tiff, 0, payload, EXIF_HEADER.length, tiff.length);
        return payload;
    }

    private static int png(Path in, Path out) throws IOException {
        try (DataInputStream src = new DataInputStream(new BufferedInputStream(Files.newInputStream(in)));
             DataOutputStream dst = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
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
                String name = new String(type, StandardCharsets.ISO_8859_1);
                if (PNG_DROPPED.contains(name)) {
                    src.skipNBytes(length + 4L);
                    continue;
                }
                dst.writeInt(length);
                dst.write(type);
                copyFully(src, dst, length + 4L); // data and CRC, unchanged
                if (name.equals("IEND")) {
                    return UPRIGHT;
                }
            }
        }
    }

    private static int webp(Path in, Path out) throws IOException {
        long riffSize = 4; // "WEBP", then the chunks kept
        try (DataInputStream src = new DataInputStream(new BufferedInputStream(Files.newInputStream(in)));
             OutputStream dst = new BufferedOutputStream(Files.newOutputStream(out))) {
            byte[] header = new byte[12];
            src.readFully(header);
            long riffEnd = 8 + littleEndian(header, 4);
            long read = 12;
            dst.write(header); // its size is corrected below
            while (read < riffEnd) {
                byte[] chunk = new byte[8];
                src.readFully(chunk);
                long size = littleEndian(chunk, 4);
                long padded = size + (size & 1);
                read += 8 + padded;
                if (read > riffEnd) {
                    throw MediaRefused.damaged(ImageType.WEBP);
                }
                String name = new String(chunk, 0, 4, StandardCharsets.ISO_8859_1);
                if (WEBP_DROPPED.contains(name)) {
                    src.skipNBytes(padded);
                    continue;
                }
                dst.write(chunk);
                if (name.equals("VP8X") && size >= 1) {
                    dst.write(src.readUnsignedByte() & ~VP8X_EXIF_AND_XMP);
                    copyFully(src, dst, padded - 1);
                } else {
                    copyFully(src, dst, padded);
                }
                riffSize += 8 + padded;
            }
        }
        try (RandomAccessFile file = new RandomAccessFile(out.toFile(), "rw")) {
            file.seek(4);
            file.write(new byte[]{(byte) riffSize, (byte) (riffSize >> 8), (byte) (riffSize >> 16),
                    (byte) (riffSize >> 24)});
        }
        return UPRIGHT;
    }

    private static void copyFully(DataInputStream src, OutputStream dst, long count) throws IOException {
        byte[] buffer = new byte[8192];
        while (count > 0) {
            int n = (int) Math.min(buffer.length, count);
            src.readFully(buffer, 0, n);
            dst.write(buffer, 0, n);
            count -= n;
        }
    }

    private static long littleEndian(byte[] data, int offset) {
        return unsigned(data, offset, 4, true);
    }

    private static long unsigned(byte[] data, int offset, int length, boolean little) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            int b = data[offset + (little ? length - 1 - i : i)] & 0xFF;
            value = value << 8 | b;
        }
        return value;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
