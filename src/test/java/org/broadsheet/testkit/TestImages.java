package org.broadsheet.testkit;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/**
 * Images made in code for the tests, and the metadata blocks written byte by byte: the same
 * bytes on every call. {@link Images} uploads them through the real pipeline.
 */
public final class TestImages {

    /** The GPS latitude 51° 30' 26.97" as three TIFF rationals: bytes no stored file may contain. */
    public static final byte[] LATITUDE = {
        0, 0, 0, 51, 0, 0, 0, 1, 0, 0, 0, 30, 0, 0, 0, 1, 0, 0, 0x0A, (byte) 0x89, 0, 0, 0, 100
    };

    private TestImages() {}

    public static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2a6f97));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0xf4d35e));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    /** A PNG whose left half is fully transparent. */
    public static byte[] pngWithAlpha(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x8a, 0x1c, 0x7c, 255));
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return encode(image, "png");
    }

    /** A GIF with a palette of three colours. */
    public static byte[] gif(int width, int height) {
        byte[] r = {0, (byte) 200, 20};
        byte[] gr = {0, 40, (byte) 160};
        byte[] b = {0, 40, 60};
        BufferedImage image =
                new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(2, 3, r, gr, b));
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 40, 40));
        g.fillRect(0, 0, width, height / 2);
        g.setColor(new Color(20, 160, 60));
        g.fillRect(0, height / 2, width, height - height / 2);
        g.dispose();
        return encode(image, "gif");
    }

    /** A progressive JPEG: several scans, with Huffman tables between them. */
    public static byte[] progressiveJpeg(int width, int height) {
        javax.imageio.ImageWriter writer =
                ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new javax.imageio.IIOImage(picture(width, height), null, null), param);
            stream.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** Words no stored GIF may contain: a place in an XMP packet. */
    public static final String XMP_GPS = "exif:GPSLatitude=\"51,30.4495N\" exif:GPSLongitude=\"0,7.5083W\"";
    /** Words no stored GIF may contain: a comment. */
    public static final String GIF_COMMENT = "Shot from the roof of 14 Harbour Row";

    /** The colours of the two frames of {@link #animatedGif}: its palette's entries 1 and 2. */
    public static final int[] GIF_FRAME_COLOURS = {0xC82828, 0x14A03C};

    /**
     * A looping two-frame GIF written by hand: a four-colour palette, the NETSCAPE2.0 loop,
     * then {@code afterLoop} (extension blocks as they are), the first frame (colour 1),
     * {@code betweenFrames}, the second frame (colour 2), and the trailer.
     */
    public static byte[] animatedGif(int width, int height, byte[] afterLoop, byte[] betweenFrames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes(StandardCharsets.ISO_8859_1));
        putLittle16(out, width);
        putLittle16(out, height);
        out.write(0x80 | 0x01); // a global colour table of 2^(1+1) = 4 entries
        out.write(0); // background colour
        out.write(0); // no aspect ratio
        for (int rgb : new int[] {0x000000, GIF_FRAME_COLOURS[0], GIF_FRAME_COLOURS[1], 0xFFFFFF}) {
            out.write(rgb >> 16);
            out.write(rgb >> 8 & 0xFF);
            out.write(rgb & 0xFF);
        }
        out.writeBytes(gifApplication("NETSCAPE2.0", new byte[] {1, 0, 0})); // loop for ever
        out.writeBytes(afterLoop);
        out.writeBytes(gifFrame(width, height, 1));
        out.writeBytes(betweenFrames);
        out.writeBytes(gifFrame(width, height, 2));
        out.write(0x3B);
        return out.toByteArray();
    }

    /** An application extension: the 11-byte identifier, then {@code data} in sub-blocks. */
    public static byte[] gifApplication(String identifier, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x21);
        out.write(0xFF);
        out.write(11);
        out.writeBytes(identifier.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(subBlocks(data));
        return out.toByteArray();
    }

    /**
     * XMP as GIF carries it: the packet's bytes as they are after the identifier
     * {@code XMP DataXMP}, then the 258-byte "magic trailer" that makes a reader of sub-blocks
     * land on the terminator whatever the packet holds.
     */
    public static byte[] gifXmp(String attributes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x21);
        out.write(0xFF);
        out.write(11);
        out.writeBytes("XMP DataXMP".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(("<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
                        + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description "
                        + "xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" " + attributes + "/></rdf:RDF></x:xmpmeta>"
                        + "<?xpacket end=\"w\"?>")
                .getBytes(StandardCharsets.UTF_8));
        out.write(1);
        for (int b = 0xFF; b >= 0; b--) {
            out.write(b);
        }
        out.write(0);
        return out.toByteArray();
    }

    public static byte[] gifComment(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x21);
        out.write(0xFE);
        out.writeBytes(subBlocks(text.getBytes(StandardCharsets.ISO_8859_1)));
        return out.toByteArray();
    }

    /** A graphic control extension (a tenth of a second) and an image of one palette colour. */
    private static byte[] gifFrame(int width, int height, int colour) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x21, (byte) 0xF9, 4, 0, 10, 0, 0, 0});
        out.write(0x2C);
        putLittle16(out, 0);
        putLittle16(out, 0);
        putLittle16(out, width);
        putLittle16(out, height);
        out.write(0); // no local colour table, not interlaced
        out.write(2); // LZW minimum code size: codes of 3 bits, clear = 4, end = 5
        Bits bits = new Bits(); // a clear code before every two pixels, so the codes never grow wider
        for (int pixel = 0; pixel < width * height; pixel += 2) {
            bits.write(4, 3);
            bits.write(colour, 3);
            if (pixel + 1 < width * height) {
                bits.write(colour, 3);
            }
        }
        bits.write(5, 3);
        out.writeBytes(subBlocks(bits.bytes()));
        return out.toByteArray();
    }

    private static byte[] subBlocks(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < data.length; i += 255) {
            int n = Math.min(255, data.length - i);
            out.write(n);
            out.write(data, i, n);
        }
        out.write(0);
        return out.toByteArray();
    }

    private static void putLittle16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write(value >> 8 & 0xFF);
    }

    /** The frames of a GIF, as ImageIO decodes them. */
    public static List<BufferedImage> gifFrames(byte[] gif) {
        javax.imageio.ImageReader reader =
                ImageIO.getImageReadersByFormatName("gif").next();
        try (javax.imageio.stream.ImageInputStream in =
                ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(gif))) {
            reader.setInput(in);
            List<BufferedImage> frames = new java.util.ArrayList<>();
            for (int i = 0; i < reader.getNumImages(true); i++) {
                frames.add(reader.read(i));
            }
            return frames;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    public static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JPEG with an APP1 segment holding {@code payload} right after its start marker. */
    public static byte[] withApp1(byte[] jpeg, byte[] payload) {
        return withSegment(jpeg, 0xE1, payload);
    }

    /** The JPEG with a segment of this marker holding {@code payload} right after its start marker. */
    public static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /**
     * An EXIF APP1 payload (big-endian TIFF) with IFD0 holding the orientation and a pointer to
     * a GPS IFD with a latitude ({@link #LATITUDE}, north) and a longitude (east).
     */
    public static byte[] exifWithGps(int orientation) {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(tiff);
        try {
            d.writeBytes("MM");
            d.writeShort(42);
            d.writeInt(8);
            // IFD0 at 8: two entries (2 + 24 + 4 = 30 bytes), so the GPS IFD starts at 38
            d.writeShort(2);
            entry(d, 0x0112, 3, 1, orientation << 16);
            entry(d, 0x8825, 4, 1, 38);
            d.writeInt(0);
            // GPS IFD at 38: four entries (2 + 48 + 4 = 54 bytes), so its values start at 92
            d.writeShort(4);
            entry(d, 0x0001, 2, 2, 'N' << 24);
            entry(d, 0x0002, 5, 3, 92);
            entry(d, 0x0003, 2, 2, 'E' << 24);
            entry(d, 0x0004, 5, 3, 116);
            d.writeInt(0);
            d.write(LATITUDE);
            for (int v : new int[] {0, 1, 7, 1, 3050, 100}) { // 0° 7' 30.50"
                d.writeInt(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        payload.writeBytes(tiff.toByteArray());
        return payload.toByteArray();
    }

    private static void entry(DataOutputStream d, int tag, int type, int count, int value) throws IOException {
        d.writeShort(tag);
        d.writeShort(type);
        d.writeInt(count);
        d.writeInt(value);
    }

    /** A PNG with a chunk of this type and data inserted after its header chunk. */
    public static byte[] pngWithChunk(byte[] png, String type, byte[] data) {
        int afterHeader = 8 + 8 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.writeBytes(chunk(type, data));
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    /**
     * A small, valid PNG whose header claims {@code width} x {@code height} pixels: a handful of
     * compressed bytes that would take gigabytes to decode.
     */
    public static byte[] pngClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bits per sample
        header[9] = 2; // RGB
        out.writeBytes(chunk("IHDR", header));
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[64 * 1024]);
        deflater.finish();
        byte[] compressed = new byte[1024];
        int n = deflater.deflate(compressed);
        out.writeBytes(chunk("IDAT", java.util.Arrays.copyOf(compressed, n)));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    public static byte[] chunk(String type, byte[] data) {
        byte[] chunk = new byte[12 + data.length];
        putInt(chunk, 0, data.length);
        byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(name, 0, chunk, 4, 4);
        System.arraycopy(data, 0, chunk, 8, data.length);
        CRC32 crc = new CRC32();
        crc.update(chunk, 4, 4 + data.length);
        putInt(chunk, 8 + data.length, (int) crc.getValue());
        return chunk;
    }

    private static void putInt(byte[] data, int offset, int value) {
        data[offset] = (byte) (value >>> 24);
        data[offset + 1] = (byte) (value >>> 16);
        data[offset + 2] = (byte) (value >>> 8);
        data[offset + 3] = (byte) value;
    }

    /**
     * A lossless WebP of one colour, written by hand: the VP8L bitstream holds the size and
     * five prefix codes of one symbol each (green, red, blue, alpha, distance), so every pixel
     * is that colour and takes no bits at all.
     */
    public static byte[] webp(int width, int height, int argb) {
        return riff(vp8l(width, height, argb));
    }

    /** The same picture in the extended format (VP8X), with an EXIF chunk holding {@code exif}. */
    public static byte[] webpWithExif(int width, int height, int argb, byte[] exif) {
        return webpExtended(width, height, argb, 0x08, riffChunk("EXIF", exif)); // flag: EXIF present
    }

    /** The same picture in the extended format (VP8X) with these header flags, followed by {@code chunks} as they are. */
    public static byte[] webpExtended(int width, int height, int argb, int flags, byte[]... chunks) {
        byte[] vp8x = new byte[10];
        vp8x[0] = (byte) flags;
        putLittle24(vp8x, 4, width - 1);
        putLittle24(vp8x, 7, height - 1);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(riffChunk("VP8X", vp8x));
        all.writeBytes(riffChunk("VP8L", vp8lData(width, height, argb)));
        for (byte[] chunk : chunks) {
            all.writeBytes(chunk);
        }
        return riffOf(all.toByteArray());
    }

    private static byte[] vp8l(int width, int height, int argb) {
        return riffChunk("VP8L", vp8lData(width, height, argb));
    }

    private static byte[] vp8lData(int width, int height, int argb) {
        Bits bits = new Bits();
        bits.write(0x2F, 8); // VP8L signature
        bits.write(width - 1, 14);
        bits.write(height - 1, 14);
        bits.write(1, 1); // alpha may be used
        bits.write(0, 3); // version 0
        bits.write(0, 1); // no transform
        bits.write(0, 1); // no colour cache
        bits.write(0, 1); // no meta prefix codes
        int[] symbols = {(argb >> 8) & 0xFF, (argb >> 16) & 0xFF, argb & 0xFF, (argb >>> 24) & 0xFF};
        for (int symbol : symbols) { // green, red, blue, alpha: simple codes of one 8-bit symbol
            bits.write(1, 1);
            bits.write(0, 1);
            bits.write(1, 1);
            bits.write(symbol, 8);
        }
        bits.write(1, 1); // distance: a simple code of one 1-bit symbol, 0
        bits.write(0, 1);
        bits.write(0, 1);
        bits.write(0, 1);
        bits.write(0, 64); // padding: TwelveMonkeys' reader fetches 8 bytes at a time
        return bits.bytes();
    }

    private static byte[] riff(byte[] chunk) {
        return riffOf(chunk);
    }

    private static byte[] riffOf(byte[] chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
        byte[] size = new byte[4];
        putLittle32(size, 0, 4 + chunks.length);
        out.writeBytes(size);
        out.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(chunks);
        return out.toByteArray();
    }

    public static byte[] riffChunk(String fourcc, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(fourcc.getBytes(StandardCharsets.ISO_8859_1));
        byte[] size = new byte[4];
        putLittle32(size, 0, data.length);
        out.writeBytes(size);
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static void putLittle24(byte[] data, int offset, int value) {
        data[offset] = (byte) value;
        data[offset + 1] = (byte) (value >> 8);
        data[offset + 2] = (byte) (value >> 16);
    }

    private static void putLittle32(byte[] data, int offset, int value) {
        putLittle24(data, offset, value);
        data[offset + 3] = (byte) (value >> 24);
    }

    /** Bits packed least significant first, as VP8L reads them. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int used;

        void write(int value, int count) {
            for (int i = 0; i < count; i++) {
                current |= ((value >> i) & 1) << used;
                if (++used == 8) {
                    out.write(current);
                    current = 0;
                    used = 0;
                }
            }
        }

        byte[] bytes() {
            if (used > 0) {
                out.write(current);
                current = 0;
                used = 0;
            }
            return out.toByteArray();
        }
    }

    /** {@code size} bytes that start like a JPEG, made as they are read. */
    public static InputStream endless(long size) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= size) {
                    return -1;
                }
                int b = position < 3 ? new int[] {0xFF, 0xD8, 0xFF}[(int) position] : (int) (position % 251);
                position++;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(length, size - position);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = (byte) read();
                }
                return n;
            }
        };
    }

    /** Decodes image bytes (any format ImageIO reads here). */
    public static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalStateException("Not readable as an image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
