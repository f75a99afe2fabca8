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
import java.util.List;
import java.util.Set;

/**
 * Copies an uploaded original without the metadata that can tell where, when or by whom a
 * picture was taken (EXIF, with its GPS block, XMP, IPTC, comments), losslessly: the picture
 * data is copied byte for byte. What is kept is listed; everything else goes.
 * <ul>
 *   <li>JPEG: of the application segments only JFIF/JFXX (APP0), the colour profile (APP2
 *       {@code ICC_PROFILE}) and Adobe's colour transform (APP14) stay; EXIF and XMP (APP1),
 *       IPTC (APP13), comments and all other APPn segments go, and so does anything after the
 *       end of the image (a phone's second picture or motion clip). The one EXIF field browsers
 *       need, the orientation, comes back as a minimal EXIF segment holding nothing else.</li>
 *   <li>PNG: the critical chunks and the ancillary chunks that change how the picture looks
 *       (transparency, colour, gamma, pixel size, animation) stay; {@code eXIf}, the text
 *       chunks ({@code tEXt}, {@code zTXt}, {@code iTXt}, which carry XMP), {@code tIME} and
 *       private chunks go; anything after {@code IEND} too.</li>
 *   <li>WebP: the image, alpha, animation, frame and colour profile chunks stay; {@code EXIF},
 *       {@code XMP } and unknown chunks go and the extended header's flags for EXIF and XMP are
 *       cleared; anything after the RIFF container too.</li>
 *   <li>GIF: the images, their graphic controls and the looping extensions ({@code NETSCAPE2.0},
 *       {@code ANIMEXTS1.0}) stay; other application extensions (XMP's {@code XMP DataXMP}) and
 *       comments go; anything after the trailer too.</li>
 * </ul>
 * A file whose structure is broken is refused as damaged.
 */
final class MetadataStripper {

    /** The EXIF orientation that means "as stored". */
    static final int UPRIGHT = 1;

    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final int COM = 0xFE;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    /** What {@link #copyScan} returns when the file ends inside picture data. */
    private static final int CUT_SHORT = -1;

    private static final byte[] EXIF_HEADER = bytes("Exif\0\0");
    private static final List<byte[]> JPEG_APP_KEPT =
            List.of(bytes("JFIF\0"), bytes("JFXX\0"), bytes("ICC_PROFILE\0"), bytes("Adobe"));
    /** Ancillary PNG chunks that change how the picture looks; critical chunks are always kept. */
    private static final Set<String> PNG_KEPT = Set.of(
            "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "cICP", "mDCV", "cLLI", "bKGD", "pHYs", "hIST", "sPLT",
            "acTL", "fcTL", "fdAT");

    private static final Set<String> WEBP_KEPT = Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP");
    private static final int VP8X_EXIF_AND_XMP = 0x08 | 0x04;
    private static final int GIF_IMAGE = 0x2C;
    private static final int GIF_EXTENSION = 0x21;
    private static final int GIF_TRAILER = 0x3B;
    /** Graphic control (delays, transparency) and plain text: how the frames are shown. */
    private static final Set<Integer> GIF_EXTENSIONS_KEPT = Set.of(0xF9, 0x01);

    private static final int GIF_APPLICATION = 0xFF;
    /** The application extensions that make an animation loop. */
    private static final Set<String> GIF_APPLICATIONS_KEPT = Set.of("NETSCAPE2.0", "ANIMEXTS1.0");

    private MetadataStripper() {}

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
                case GIF -> gif(in, out);
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
            boolean scanned = false;
            int marker = nextMarker(src);
            while (marker != EOI && marker != CUT_SHORT) {
                if (marker == 0xD8 || marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                    throw MediaRefused.damaged(ImageType.JPEG); // no standalone markers outside the picture data
                }
                byte[] payload = segmentPayload(src);
                if (marker == APP1 && startsWith(payload, EXIF_HEADER) && !scanned) {
                    orientation = exifOrientation(payload);
                }
                if (keptInJpeg(marker, payload)) {
                    if (!orientationWritten && (marker < APP0 || marker > 0xEF)) {
                        // After the application segments kept (JFIF first), before the tables and the frame.
                        if (orientation != UPRIGHT) {
                            writeSegment(dst, APP1, orientationOnlyExif(orientation));
                        }
                        orientationWritten = true;
                    }
                    writeSegment(dst, marker, payload);
                }
                scanned |= marker == SOS;
                marker = marker == SOS ? copyScan(src, dst) : nextMarker(src);
            }
            if (!scanned) {
                throw MediaRefused.damaged(ImageType.JPEG);
            }
            if (marker == EOI) {
                dst.writeShort(0xFF00 | EOI); // and nothing that follows it
            }
            return orientation;
        }
    }

    private static byte[] segmentPayload(DataInputStream src) throws IOException {
        int length = src.readUnsignedShort();
        if (length < 2) {
            throw MediaRefused.damaged(ImageType.JPEG);
        }
        byte[] payload = new byte[length - 2];
        src.readFully(payload);
        return payload;
    }

    private static boolean keptInJpeg(int marker, byte[] payload) {
        if (marker == COM) {
            return false;
        }
        if (marker < APP0 || marker > 0xEF) {
            return true;
        }
        return (marker == APP0 || marker == APP2 || marker == APP14)
                && JPEG_APP_KEPT.stream().anyMatch(id -> startsWith(payload, id));
    }

    /**
     * Copies a scan's entropy-coded data, with its stuffed bytes and restart markers, and
     * returns the marker that ends it (or {@link #CUT_SHORT}: a file cut off in its picture
     * data is kept as far as it goes, as browsers show it).
     */
    private static int copyScan(DataInputStream src, DataOutputStream dst) throws IOException {
        while (true) {
            int b = src.read();
            if (b != 0xFF) {
                if (b < 0) {
                    return CUT_SHORT;
                }
                dst.write(b);
                continue;
            }
            int next;
            do {
                next = src.read(); // 0xFF fill bytes may precede a marker
            } while (next == 0xFF);
            if (next < 0) {
                return CUT_SHORT;
            }
            if (next != 0x00 && (next < 0xD0 || next > 0xD7)) {
                return next;
            }
            dst.write(0xFF);
            dst.write(next);
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
            'M',
            'M',
            0,
            42,
            0,
            0,
            0,
            8, // big-endian TIFF, IFD0 at offset 8
            0,
            1, // one entry
            0x01,
            0x12,
            0,
            3,
            0,
            0,
            0,
            1,
            0,
            (byte) orientation,
            0,
            0, // Orientation, SHORT, 1 value
            0,
            0,
            0,
            0
        }; // no next IFD
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
                boolean critical = (type[0] & 0x20) == 0;
                if (!critical && !PNG_KEPT.contains(name)) {
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
                if (!WEBP_KEPT.contains(name)) {
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
            file.write(new byte[] {
                (byte) riffSize, (byte) (riffSize >> 8), (byte) (riffSize >> 16), (byte) (riffSize >> 24)
            });
        }
        return UPRIGHT;
    }

    private static int gif(Path in, Path out) throws IOException {
        try (DataInputStream src = new DataInputStream(new BufferedInputStream(Files.newInputStream(in)));
                DataOutputStream dst = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
            byte[] screen = new byte[13]; // signature and logical screen descriptor
            src.readFully(screen);
            dst.write(screen);
            copyColourTable(src, dst, screen[10]);
            while (true) {
                int block = src.readUnsignedByte();
                switch (block) {
                    case GIF_IMAGE -> copyGifImage(src, dst);
                    case GIF_EXTENSION -> copyOrSkipGifExtension(src, dst);
                    case GIF_TRAILER -> {
                        dst.write(GIF_TRAILER); // and nothing that follows it
                        return UPRIGHT;
                    }
                    default -> throw MediaRefused.damaged(ImageType.GIF);
                }
            }
        }
    }

    private static void copyColourTable(DataInputStream src, DataOutputStream dst, byte packed) throws IOException {
        if ((packed & 0x80) != 0) {
            copyFully(src, dst, 3L << ((packed & 0x07) + 1));
        }
    }

    private static void copyGifImage(DataInputStream src, DataOutputStream dst) throws IOException {
        byte[] descriptor = new byte[9]; // position, size, flags
        src.readFully(descriptor);
        dst.write(GIF_IMAGE);
        dst.write(descriptor);
        copyColourTable(src, dst, descriptor[8]);
        dst.write(src.readUnsignedByte()); // LZW minimum code size
        copySubBlocks(src, dst);
    }

    private static void copyOrSkipGifExtension(DataInputStream src, DataOutputStream dst) throws IOException {
        int label = src.readUnsignedByte();
        byte[] first = new byte[src.readUnsignedByte()];
        src.readFully(first);
        boolean kept = GIF_EXTENSIONS_KEPT.contains(label)
                || label == GIF_APPLICATION
                        && first.length == 11
                        && GIF_APPLICATIONS_KEPT.contains(new String(first, StandardCharsets.ISO_8859_1));
        if (!kept) {
            if (first.length > 0) {
                copySubBlocks(src, OutputStream.nullOutputStream());
            }
            return;
        }
        dst.write(GIF_EXTENSION);
        dst.write(label);
        dst.write(first.length);
        dst.write(first);
        if (first.length > 0) {
            copySubBlocks(src, dst);
        }
    }

    /** Data sub-blocks (a length byte, then that many bytes) up to and with the empty one that ends them. */
    private static void copySubBlocks(DataInputStream src, OutputStream dst) throws IOException {
        byte[] block = new byte[255];
        int length;
        do {
            length = src.readUnsignedByte();
            src.readFully(block, 0, length);
            dst.write(length);
            dst.write(block, 0, length);
        } while (length > 0);
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

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
