package org.broadsheet.media;

import static org.broadsheet.media.StripperStreams.bytes;
import static org.broadsheet.media.StripperStreams.startsWith;
import static org.broadsheet.media.StripperStreams.unsigned;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * JPEG for {@link MetadataStripper}: of the application segments only JFIF/JFXX (APP0), the
 * colour profile (APP2 {@code ICC_PROFILE}) and Adobe's colour transform (APP14) stay; EXIF and
 * XMP (APP1), IPTC (APP13), comments and all other APPn segments go, and so does anything after
 * the end of the image (a phone's second picture or motion clip). The one EXIF field browsers
 * need, the orientation, comes back as a minimal EXIF segment holding nothing else. The tables,
 * the frame and the scans are copied byte for byte.
 */
final class JpegStripper {

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
    private static final List<byte[]> APP_KEPT =
            List.of(bytes("JFIF\0"), bytes("JFXX\0"), bytes("ICC_PROFILE\0"), bytes("Adobe"));

    private JpegStripper() {}

    /**
     * Writes {@code in} to {@code out} without its metadata.
     *
     * @return the EXIF orientation (1 to 8), {@link #UPRIGHT} when there is none
     */
    static int strip(Path in, Path out) throws IOException {
        try (DataInputStream src = StripperStreams.reader(in);
                DataOutputStream dst = StripperStreams.writer(out)) {
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
                if (kept(marker, payload)) {
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

    private static boolean kept(int marker, byte[] payload) {
        if (marker == COM) {
            return false;
        }
        if (marker < APP0 || marker > 0xEF) {
            return true;
        }
        return (marker == APP0 || marker == APP2 || marker == APP14)
                && APP_KEPT.stream().anyMatch(id -> startsWith(payload, id));
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
}
