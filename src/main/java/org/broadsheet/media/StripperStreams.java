package org.broadsheet.media;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the format strippers ({@link MetadataStripper}) share: buffered streams over the files,
 * copying a run of bytes unchanged, and reading the numbers and tags of a binary structure. A
 * file that ends early surfaces as {@link java.io.EOFException}, which the entry point turns into
 * a refusal.
 */
final class StripperStreams {

    private StripperStreams() {}

    static DataInputStream reader(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
    }

    static DataOutputStream writer(Path file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)));
    }

    /** Copies exactly {@code count} bytes. */
    static void copyFully(DataInputStream src, OutputStream dst, long count) throws IOException {
        byte[] buffer = new byte[8192];
        while (count > 0) {
            int n = (int) Math.min(buffer.length, count);
            src.readFully(buffer, 0, n);
            dst.write(buffer, 0, n);
            count -= n;
        }
    }

    /** The unsigned number in {@code length} bytes at {@code offset}, little- or big-endian. */
    static long unsigned(byte[] data, int offset, int length, boolean little) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            int b = data[offset + (little ? length - 1 - i : i)] & 0xFF;
            value = value << 8 | b;
        }
        return value;
    }

    /** A tag or signature as the bytes a file holds (ISO 8859-1, one byte a character). */
    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The text of a tag or signature (ISO 8859-1, one byte a character). */
    static String text(byte[] data, int offset, int length) {
        return new String(data, offset, length, StandardCharsets.ISO_8859_1);
    }

    static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
