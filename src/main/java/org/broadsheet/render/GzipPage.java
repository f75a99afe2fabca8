package org.broadsheet.render;

import gg.jte.TemplateOutput;
import gg.jte.output.Utf8ByteOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A rendered page that may be sent gzip-compressed without compressing it per request: the
 * parts that are the same for many readers ({@link RenderedHtml}, compressed once and kept)
 * go in as their deflate blocks, and the rest of the page, small and different each time,
 * as stored (uncompressed) deflate blocks, which cost nothing to make. The result is one
 * standard gzip member (RFC 1952) that any client decoding gzip reads.
 *
 * <p>Collects the page as a jte output, as a list of segments (the page's own bytes between
 * kept parts, and the kept parts), so that neither path copies the kept parts. Not
 * thread-safe; one per response.
 */
final class GzipPage implements TemplateOutput {

    /** Below this many bytes of kept parts, gzip framing is not worth sending. */
    static final int MIN_KEPT_BYTES = 2048;

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    /** An empty final block with fixed codes: ends the deflate stream. */
    private static final byte[] LAST_BLOCK = {0x03, 0x00};

    private static final int MAX_STORED = 65_535;

    private final Map<byte[], RenderedHtml> known = new IdentityHashMap<>();
    /** Each a {@code byte[]} of the page's own bytes or a kept {@link RenderedHtml}. */
    private final List<Object> segments = new ArrayList<>(5);

    private Utf8ByteOutput current = new Utf8ByteOutput();
    private int length;
    private int keptBytes;

    /** A page that may hold these parts (others are written as plain bytes). */
    GzipPage(List<RenderedHtml> parts) {
        parts.forEach(part -> known.put(part.utf8(), part));
    }

    @Override
    public void writeContent(String value) {
        current.writeContent(value);
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        current.writeContent(value, beginIndex, endIndex);
    }

    @Override
    public void writeBinaryContent(byte[] value) {
        RenderedHtml part = known.get(value);
        if (part == null) {
            current.writeBinaryContent(value);
            return;
        }
        closeSegment();
        segments.add(part);
        length += part.size();
        keptBytes += part.size();
    }

    private void closeSegment() {
        if (current.getContentLength() > 0) {
            byte[] own = current.toByteArray();
            segments.add(own);
            length += own.length;
            current = new Utf8ByteOutput();
        }
    }

    /** Whether enough of the page is kept parts for gzip to save something. */
    boolean worthCompressing() {
        return keptBytes >= MIN_KEPT_BYTES;
    }

    /** The page, uncompressed, in one array. */
    byte[] body() {
        byte[] body = new byte[length()];
        int at = 0;
        for (Object segment : segments) {
            byte[] bytes = bytes(segment);
            System.arraycopy(bytes, 0, body, at, bytes.length);
            at += bytes.length;
        }
        return body;
    }

    private static byte[] bytes(Object segment) {
        return segment instanceof RenderedHtml part ? part.utf8() : (byte[]) segment;
    }

    /** The length of the page, uncompressed. */
    int length() {
        closeSegment();
        return length;
    }

    /**
     * Writes the page, uncompressed, a segment at a time (the kept parts are not copied). A
     * reader who goes away meanwhile is Tomcat's {@code ClientAbortException}, thrown as it is:
     * wrapped, it reached the log as an error with its stack trace.
     */
    void writeTo(OutputStream out) throws IOException {
        closeSegment();
        for (Object segment : segments) {
            out.write(bytes(segment));
        }
    }

    /** The page as one gzip member. */
    byte[] gzip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(gzipLength());
        try {
            writeGzipTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from a ByteArrayOutputStream
        }
        return out.toByteArray();
    }

    /** The length of {@link #writeGzipTo}'s output. */
    int gzipLength() {
        closeSegment();
        int size = HEADER.length + LAST_BLOCK.length + 8;
        for (Object segment : segments) {
            if (segment instanceof RenderedHtml part) {
                size += part.deflated().length;
            } else {
                int own = ((byte[]) segment).length;
                size += own + 5 * ((own + MAX_STORED - 1) / MAX_STORED);
            }
        }
        return size;
    }

    /** Writes the page as one gzip member, a segment at a time (a reader gone away: as {@link #writeTo}). */
    void writeGzipTo(OutputStream out) throws IOException {
        closeSegment();
        out.write(HEADER);
        long crc = 0; // of the bytes so far; kept parts bring their own, combined without reading them
        for (Object segment : segments) {
            if (segment instanceof RenderedHtml part) {
                out.write(part.deflated());
                crc = Crc32Combine.combine(crc, part.crc32(), part.size());
            } else {
                byte[] own = (byte[]) segment;
                stored(out, own);
                CRC32 ownCrc = new CRC32();
                ownCrc.update(own);
                crc = Crc32Combine.combine(crc, ownCrc.getValue(), own.length);
            }
        }
        out.write(LAST_BLOCK);
        out.write(littleEndian((int) crc));
        out.write(littleEndian(length));
    }

    /** Bytes as stored blocks (no compression), each preceded by its length. */
    private static void stored(OutputStream out, byte[] bytes) throws IOException {
        for (int start = 0; start < bytes.length; start += MAX_STORED) {
            int size = Math.min(MAX_STORED, bytes.length - start);
            // not final, stored (the stream is byte-aligned here), then LEN and NLEN
            out.write(new byte[] {0, (byte) size, (byte) (size >>> 8), (byte) ~size, (byte) (~size >>> 8)});
            out.write(bytes, start, size);
        }
    }

    private static byte[] littleEndian(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }
}
