package org.broadsheet.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import org.broadsheet.article.StoryKey;
import org.jspecify.annotations.Nullable;

/**
 * The opaque {@code cursor} of list pages: where the next page starts (publication time in
 * microseconds and id), base64url-encoded. Clients only pass back what a {@code Link} header
 * gave them; anything else is refused with 400, never read as a position.
 */
final class ApiCursor {

    private static final Pattern SHAPE = Pattern.compile("v1\\.(-?\\d{1,19})\\.(\\d{1,19})");
    private static final Pattern COMMENT_SHAPE = Pattern.compile("c1\\.(\\d{1,19})");
    private static final int MAX_LENGTH = 80;

    private ApiCursor() {}

    static String encode(StoryKey key) {
        long micros = Math.addExact(
                Math.multiplyExact(key.publishedAt().getEpochSecond(), 1_000_000L),
                key.publishedAt().getNano() / 1_000);
        String plain = "v1." + micros + "." + key.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The position a cursor names; null for none given. */
    static @Nullable StoryKey decode(@Nullable String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            var m = SHAPE.matcher(plain);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a cursor");
            }
            long micros = Long.parseLong(m.group(1));
            Instant at =
                    Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
            if (at.isBefore(Instant.parse("0001-01-01T00:00:00Z"))
                    || at.isAfter(Instant.parse("9999-12-31T00:00:00Z"))) {
                throw new IllegalArgumentException("out of range");
            }
            return new StoryKey(at, Long.parseLong(m.group(2)));
        } catch (IllegalArgumentException e) { // NumberFormatException is one
            throw ApiException.badParameter("cursor", "Use the cursor of a Link header as it was given");
        }
    }

    /** The cursor of a page of comments: the id of the last comment already given. */
    static String encodeComment(long lastId) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("c1." + lastId).getBytes(StandardCharsets.US_ASCII));
    }

    /** The comment id a comments cursor names (the next page starts after it); null for none given. */
    static @Nullable Long decodeComment(@Nullable String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            var m = COMMENT_SHAPE.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
            if (!m.matches()) {
                throw new IllegalArgumentException("not a comments cursor");
            }
            return Long.parseLong(m.group(1));
        } catch (IllegalArgumentException e) { // NumberFormatException is one
            throw ApiException.badParameter("cursor", "Use the cursor of a Link header as it was given");
        }
    }
}
