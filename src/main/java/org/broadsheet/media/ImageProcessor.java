package org.broadsheet.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns a sniffed upload into what the library keeps: the original without location metadata
 * and resized renditions. The size an image claims is read from its header and checked
 * against the limits before a single pixel is decoded, so a small file claiming a huge
 * picture (a decompression bomb) costs nothing. Decoding reads only the first frame, skips
 * pixels it does not need (subsampling) and turns the picture upright as its EXIF
 * orientation says. Renditions are JPEG, or PNG for pictures with transparent pixels; they
 * are re-encoded and carry no metadata.
 */
final class ImageProcessor {

    /** Decoding starts from about twice the widest rendition's width, when the original has it... */
    private static final int OVERSAMPLING = 2;
    /** ...but holds no more than about this many pixels in memory (a 40-megapixel JPEG would take 120 MB). */
    private static final long DECODE_BUDGET = 12_000_000;

    private static final float JPEG_QUALITY = 0.82f;

    record Rendition(int width, int height, Path file) {}

    /**
     * What an upload became.
     *
     * @param width       the picture's width as shown (after its EXIF orientation)
     * @param renditions  narrowest first
     */
    record Prepared(
            ImageType type,
            Path original,
            int width,
            int height,
            ImageType renditionType,
            List<Rendition> renditions) {}

    private final MediaSettings settings;

    ImageProcessor(MediaSettings settings) {
        this.settings = settings;
    }

    /** Checks, strips and renders {@code upload} into files in {@code work}. */
    Prepared prepare(Path upload, ImageType type, Path work) throws IOException {
        int[] size = checkClaimedSize(upload, type);
        Path original = work.resolve("original." + type.extension());
        int orientation = MetadataStripper.strip(type, upload, original);
        boolean swapped = orientation >= 5;
        int width = swapped ? size[1] : size[0];
        int height = swapped ? size[0] : size[1];
        BufferedImage picture = upright(decode(original, type, subsampling(width, height)), orientation);
        boolean transparent = hasTransparentPixels(picture);
        ImageType renditionType = transparent ? ImageType.PNG : ImageType.JPEG;
        List<Rendition> renditions = new ArrayList<>();
        for (int w : renditionWidths(width)) {
            int h = Math.max(1, (int) Math.round((double) height * w / width));
            Path file = work.resolve(w + "." + renditionType.extension());
            write(resize(picture, w, h, transparent), renditionType, file);
            renditions.add(new Rendition(w, h, file));
        }
        return new Prepared(type, original, width, height, renditionType, List.copyOf(renditions));
    }

    /** The configured widths up to the picture's own, and the picture's own when it is narrower than the widest. */
    List<Integer> renditionWidths(int width) {
        TreeSet<Integer> widths = new TreeSet<>();
        for (int w : settings.renditionWidths()) {
            if (w <= width) {
                widths.add(w);
            }
        }
        if (width < settings.renditionWidths().get(settings.renditionWidths().size() - 1)) {
            widths.add(width);
        }
        return List.copyOf(widths);
    }

    /** The size the header claims, if within the limits. */
    private int[] checkClaimedSize(Path file, ImageType type) throws IOException {
        int[] size = claimedSize(file, type);
        long width = size[0];
        long height = size[1];
        if (width * height > settings.maxPixels() || Math.max(width, height) > settings.maxSide()) {
            throw MediaRefused.tooManyPixels(width, height, settings.maxPixels(), settings.maxSide());
        }
        return size;
    }

    /** Decode every n-th pixel of every n-th row: enough for the widest rendition, within the memory budget. */
    private int subsampling(int width, int height) {
        int largest = settings.renditionWidths().get(settings.renditionWidths().size() - 1);
        int forQuality = width / (largest * OVERSAMPLING);
        int forMemory = (int) Math.ceil(Math.sqrt((double) width * height / DECODE_BUDGET));
        int mostWithoutLoss = width / largest; // never decode narrower than the widest rendition
        return Math.max(1, Math.min(Math.max(forQuality, forMemory), mostWithoutLoss));
    }

    /** Width and height of the first frame as its header states them; nothing is decoded. */
    private static int[] claimedSize(Path file, ImageType type) throws IOException {
        return withReader(file, type, reader -> {
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1) {
                throw MediaRefused.damaged(type);
            }
            return new int[] {width, height};
        });
    }

    /** The first frame, every {@code step}-th pixel. */
    private static BufferedImage decode(Path file, ImageType type, int step) throws IOException {
        return withReader(file, type, reader -> {
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            return reader.read(0, param);
        });
    }

    private interface ReaderTask<T> {
        T run(ImageReader reader) throws IOException;
    }

    private static <T> T withReader(Path file, ImageType type, ReaderTask<T> task) throws IOException {
        Iterator<ImageReader> readers =
                ImageIO.getImageReadersByFormatName(type.label().toLowerCase(java.util.Locale.ROOT));
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + type);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            return task.run(reader);
        } catch (MediaRefused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // A reader's complaint about the bytes (IIOException, and worse from some readers).
            throw MediaRefused.damaged(type);
        } finally {
            reader.dispose();
        }
    }

    /** The picture turned as an EXIF orientation (1 to 8) says it should be shown. */
    static BufferedImage upright(BufferedImage picture, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return picture;
        }
        int w = picture.getWidth();
        int h = picture.getHeight();
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored upside down
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // a quarter turn clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transversed
            default -> new AffineTransform(0, -1, 1, 0, 0, w); // a quarter turn anticlockwise
        };
        boolean swapped = orientation >= 5;
        BufferedImage turned = new BufferedImage(
                swapped ? h : w,
                swapped ? w : h,
                picture.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(picture, t, null);
        } finally {
            g.dispose();
        }
        return turned;
    }

    static boolean hasTransparentPixels(BufferedImage picture) {
        if (!picture.getColorModel().hasAlpha()) {
            return false;
        }
        int w = picture.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < picture.getHeight(); y++) {
            picture.getRGB(0, y, w, 1, row, 0, w);
            for (int argb : row) {
                if (argb >>> 24 != 0xFF) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Halves with bilinear filtering while that stays above the target, then one bicubic step. */
    static BufferedImage resize(BufferedImage picture, int width, int height, boolean alpha) {
        BufferedImage current = picture;
        int w = picture.getWidth();
        int h = picture.getHeight();
        while (w / 2 >= width && h / 2 >= height) {
            w /= 2;
            h /= 2;
            current = draw(current, w, h, alpha, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        return draw(current, width, height, alpha, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    private static BufferedImage draw(
            BufferedImage source, int width, int height, boolean alpha, Object interpolation) {
        BufferedImage target =
                new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            if (!alpha) {
                g.setColor(java.awt.Color.WHITE); // under pixels that were transparent but not shown so
                g.fillRect(0, 0, width, height);
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static void write(BufferedImage picture, ImageType type, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(type == ImageType.JPEG ? "jpeg" : "png")
                .next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (type == ImageType.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(picture, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
