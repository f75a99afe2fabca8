package org.broadsheet.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A WordPress date read by hand in its usual form, exactly as the formatter reads it. */
class WxrPostTests {

    /** What {@link WxrPost#parse} means by a date: WordPress's form, resolved by the formatter's rules. */
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static @Nullable Instant byFormatter(String text) {
        if (text.isBlank() || text.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void aUsualDateIsReadAndAnImpossibleOneIsNot() {
        assertThat(WxrPost.parse(" 2024-03-01 09:30:05\n")).isEqualTo(Instant.parse("2024-03-01T09:30:05Z"));
        assertThat(WxrPost.parse("2024-02-29 23:59:59")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
        assertThat(WxrPost.parse("0000-00-00 00:00:00")).isNull();
        assertThat(WxrPost.parse("2024-13-01 09:30:05")).isNull();
        assertThat(WxrPost.parse("yesterday")).isNull();
    }

    @Test
    void everyDateIsReadAsTheFormatterReadsIt() {
        Random random = new Random(3);
        int read = 0;
        for (int n = 0; n < 100_000; n++) {
            String text = random.nextInt(4) == 0 ? mangled(random) : usual(random);
            Instant expected = byFormatter(text);
            assertThat(WxrPost.parse(text)).as(text).isEqualTo(expected);
            read += expected == null ? 0 : 1;
        }
        assertThat(read).as("dates read").isGreaterThan(50_000);
    }

    /** A date in the usual form, its fields sometimes out of range (a 30 February, hour 24…). */
    private static String usual(Random random) {
        return String.format(
                "%04d-%02d-%02d %02d:%02d:%02d",
                random.nextInt(10) == 0 ? random.nextInt(10_000) : 1970 + random.nextInt(80),
                random.nextInt(10) == 0 ? random.nextInt(100) : 1 + random.nextInt(12),
                random.nextInt(5) == 0 ? random.nextInt(100) : 1 + random.nextInt(31),
                random.nextInt(10) == 0 ? random.nextInt(100) : random.nextInt(24),
                random.nextInt(10) == 0 ? random.nextInt(100) : random.nextInt(60),
                random.nextInt(10) == 0 ? random.nextInt(100) : random.nextInt(60));
    }

    /** A usual date with a character changed, added or taken away. */
    private static String mangled(Random random) {
        StringBuilder text = new StringBuilder(usual(random));
        String characters = "0123456789-: T+x\u0660";
        int at = random.nextInt(text.length());
        switch (random.nextInt(3)) {
            case 0 -> text.setCharAt(at, characters.charAt(random.nextInt(characters.length())));
            case 1 -> text.insert(at, characters.charAt(random.nextInt(characters.length())));
            default -> text.deleteCharAt(at);
        }
        return text.toString();
    }
}
