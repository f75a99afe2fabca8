package org.broadsheet.web;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import gg.jte.TemplateOutput;
import gg.jte.output.Utf8ByteOutput;

/**
 * A rendered page that may be sent gzip-compressed without compressing it per request: the
 * parts that are the same for many readers ({@link RenderedHtml}, compressed once and kept)
 * go in as their deflate blocks, and the rest of the page, small and different each time,
 * as stored (uncompressed) deflate blocks, which cost nothing to make. The result is one
 * standard gzip member (RFC 1952) that any client decoding gzip reads.
 *
 * <p>Collects the page as a jte output; not thread-safe, one per response.
 */
final class GzipPage implements TemplateOutput {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    /** An empty final block with fixed codes: ends the deflate stream. */
    private static final byte[] LAST_BLOCK = {0x03, 0x00};
    private static final int MAX_STORED = 65_535;

    private record Placed(int offset, RenderedHtml part) {
    }

    private final Utf8ByteOutput bytes = new Utf8ByteOutput();
    private final Map<byte[], RenderedHtml> known = new IdentityHashMap<>();
    private final List<Placed> placed = new ArrayList<>(2);

    /** A page that may hold these parts (others are written as plain bytes). */
    GzipPage(List<RenderedHtml> parts) {
        parts.forEach(part -> known.put(part.utf8(), part));
    }

    @Override
    public void writeContent(String value) {
        bytes.writeContent(value);
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        bytes.writeContent(value, beginIndex, endIndex);
    }

    @Override
    public void writeBinaryContent(byte[] value) {
        RenderedHtml part = known.get(value);
        if (part != null) {
            placed.add(new Placed(bytes.getContentLength(), part));
        }
        bytes.writeBinaryContent(value);
    }

    /** Whether any kept part was written into the page, so that gzip saves something. */
    boolean hasKeptParts() {
        return !placed.isEmpty();
    }

    /** The page, uncompressed. */
    byte[] body() {
        return bytes.toByteArray();
    }

    /** {@code body} (what {@link #body()} returned) as one gzip member. */
    byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        out.writeBytes(HEADER);
        int from = 0;
        for (Placed p : placed) {
            stored(out, body, from, p.offset());
            out.writeBytes(p.part().deflated());
            from = p.offset() + p.part().size();
        }
        stored(out, body, from, body.length);
        out.writeBytes(LAST_BLOCK);
        CRC32 crc = new CRC32();
        crc.update(body);
        littleEndian(out, (int) crc.getValue());
        littleEndian(out, body.length);
        return out.toByteArray();
    }

    /** {@code body[from, to)} as stored blocks (no compression), each preceded by its length. */
    private static void stored(ByteArrayOutputStream out, byte[] body, int from, int to) {
        for (int start = from; start < to; start += MAX_STORED) {
            int length = Math.min(MAX_STORED, to - start);
            out.write(0); // not final, stored; the stream is byte-aligned here
            out.write(length & 0xff);
            out.write(length >>> 8);
            out.write(~length & 0xff);
            out.write((~length >>> 8) & 0xff);
            out.write(body, start, length);
        }
    }

    private static void littleEndian(ByteArrayOutputStream out, int value) {
        out.write(value & 0xff);
        out.write((value >>> 8) & 0xff);
        out.write((value >>> 16) & 0xff);
        out.write((value >>> 24) & 0xff);
    }
}
