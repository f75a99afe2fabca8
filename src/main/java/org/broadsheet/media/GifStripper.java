package org.broadsheet.media;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * GIF for {@link MetadataStripper}: the images, their graphic controls and the looping
 * extensions ({@code NETSCAPE2.0}, {@code ANIMEXTS1.0}) stay, byte for byte; other application
 * extensions (XMP's {@code XMP DataXMP}) and comments go; anything after the trailer too.
 */
final class GifStripper {

    private static final int IMAGE = 0x2C;
    private static final int EXTENSION = 0x21;
    private static final int TRAILER = 0x3B;
    /** Graphic control (delays, transparency) and plain text: how the frames are shown. */
    private static final Set<Integer> EXTENSIONS_KEPT = Set.of(0xF9, 0x01);

    private static final int APPLICATION = 0xFF;
    /** The application extensions that make an animation loop. */
    private static final Set<String> APPLICATIONS_KEPT = Set.of("NETSCAPE2.0", "ANIMEXTS1.0");

    private GifStripper() {}

    /** Writes {@code in} to {@code out} without its metadata. */
    static void strip(Path in, Path out) throws IOException {
        try (DataInputStream src = StripperStreams.reader(in);
                DataOutputStream dst = StripperStreams.writer(out)) {
            byte[] screen = new byte[13]; // signature and logical screen descriptor
            src.readFully(screen);
            dst.write(screen);
            copyColourTable(src, dst, screen[10]);
            while (true) {
                int block = src.readUnsignedByte();
                switch (block) {
                    case IMAGE -> copyImage(src, dst);
                    case EXTENSION -> copyOrSkipExtension(src, dst);
                    case TRAILER -> {
                        dst.write(TRAILER); // and nothing that follows it
                        return;
                    }
                    default -> throw MediaRefused.damaged(ImageType.GIF);
                }
            }
        }
    }

    private static void copyColourTable(DataInputStream src, DataOutputStream dst, byte packed) throws IOException {
        if ((packed & 0x80) != 0) {
            StripperStreams.copyFully(src, dst, 3L << ((packed & 0x07) + 1));
        }
    }

    private static void copyImage(DataInputStream src, DataOutputStream dst) throws IOException {
        byte[] descriptor = new byte[9]; // position, size, flags
        src.readFully(descriptor);
        dst.write(IMAGE);
        dst.write(descriptor);
        copyColourTable(src, dst, descriptor[8]);
        dst.write(src.readUnsignedByte()); // LZW minimum code size
        copySubBlocks(src, dst);
    }

    private static void copyOrSkipExtension(DataInputStream src, DataOutputStream dst) throws IOException {
        int label = src.readUnsignedByte();
        byte[] first = new byte[src.readUnsignedByte()];
        src.readFully(first);
        boolean kept = EXTENSIONS_KEPT.contains(label)
                || label == APPLICATION
                        && first.length == 11
                        && APPLICATIONS_KEPT.contains(StripperStreams.text(first, 0, first.length));
        if (!kept) {
            if (first.length > 0) {
                copySubBlocks(src, OutputStream.nullOutputStream());
            }
            return;
        }
        dst.write(EXTENSION);
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
}
