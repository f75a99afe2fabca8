package org.broadsheet.media;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code broadsheet.media.*}: what uploads the library accepts and what it makes of them.
 *
 * @param maxUploadSize    the largest file accepted (also Spring's multipart limit); larger ones get 413
 * @param maxPixels        images with more pixels than this are refused (422) before they are decoded
 * @param maxSide          images wider or taller than this are refused (422) before they are decoded
 * @param renditionWidths  the widths of the resized copies pages use; never wider than the original
 * @param orphanGrace      stored files no image owns are removed once they are this old (at least a
 *                         minute), so an upload still under way on any node is never touched
 * @param storage          where files are kept: {@code filesystem} ({@code <data-dir>/media}, the
 *                         default) or {@code s3} (an S3-compatible object store, {@link S3Settings})
 * @param s3               the object store's settings, read only for {@code storage=s3}
 */
@ConfigurationProperties("broadsheet.media")
public record MediaSettings(
        @DefaultValue("20MB") DataSize maxUploadSize,
        @DefaultValue("40000000") long maxPixels,
        @DefaultValue("12000") int maxSide,
        @DefaultValue({"480", "960", "1600"}) List<Integer> renditionWidths,
        @DefaultValue("1h") Duration orphanGrace,
        @DefaultValue("filesystem") Storage storage,
        @DefaultValue @NestedConfigurationProperty S3Settings s3) {

    /** The kinds of {@link MediaStorage} a site can be configured with. */
    public enum Storage {
        FILESYSTEM,
        S3
    }

    public MediaSettings {
        renditionWidths = renditionWidths.stream().distinct().sorted().toList();
        if (renditionWidths.isEmpty()
                || renditionWidths.get(0) < 16
                || renditionWidths.get(renditionWidths.size() - 1) > 8000) {
            throw new IllegalArgumentException("broadsheet.media.rendition-widths must be between 16 and 8000");
        }
        if (orphanGrace.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("broadsheet.media.orphan-grace must be at least one minute");
        }
    }

    /** The upload limit as people write it: "20 MB" (or "500 KB", or an exact number of bytes). */
    public String maxUploadSizeText() {
        long bytes = maxUploadSize.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return String.format(Locale.ENGLISH, "%,d MB", bytes / (1024 * 1024));
        }
        return bytes % 1024 == 0
                ? String.format(Locale.ENGLISH, "%,d KB", bytes / 1024)
                : String.format(Locale.ENGLISH, "%,d bytes", bytes);
    }
}
