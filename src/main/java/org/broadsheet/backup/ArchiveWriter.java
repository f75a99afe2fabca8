package org.broadsheet.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an archive's entries one after another into a zip stream, each hashed (SHA-256) and
 * counted as it goes: nothing is held in memory but a buffer, whatever the size of an entry.
 * Not thread-safe.
 */
final class ArchiveWriter implements AutoCloseable {

    /** What writes an entry's bytes. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final ZipOutputStream zip;

    ArchiveWriter(OutputStream out) {
        this.zip = new ZipOutputStream(out);
    }

    /** Writes one entry; {@code compress} false for what is compressed already (pictures). */
    Manifest.Entry write(String name, boolean compress, Body body) throws IOException {
        zip.setLevel(compress ? Deflater.DEFAULT_COMPRESSION : Deflater.BEST_SPEED);
        zip.putNextEntry(new ZipEntry(name));
        MessageDigest sha256 = sha256();
        CountingStream counted = new CountingStream(new DigestOutputStream(new Unclosed(zip), sha256));
        body.writeTo(counted);
        counted.flush();
        zip.closeEntry();
        return new Manifest.Entry(name, counted.count, HexFormat.of().formatHex(sha256.digest()));
    }

    /** Writes the manifest, the last entry, and ends the zip. */
    void finish(Manifest manifest) throws IOException {
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        zip.putNextEntry(new ZipEntry(Manifest.NAME));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.finish();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /** Counts what passes. */
    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Keeps a body that closes its stream from closing the zip. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
