package org.broadsheet.media;

import java.time.Instant;
import java.util.List;

/** A media row as stored. */
record MediaRow(
        long id,
        String storageKey,
        String filename,
        ImageType type,
        int width,
        int height,
        long bytes,
        ImageType renditionType,
        List<Integer> renditionWidths,
        List<Integer> renditionHeights,
        String alt,
        String caption,
        String credit,
        Long uploadedBy,
        Instant createdAt) {}
