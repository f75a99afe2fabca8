package org.broadsheet.web;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Slugs: lower-case ASCII words joined by hyphens, at most {@link #MAX_LENGTH} characters. */
public final class Slugs {

    public static final int MAX_LENGTH = 120;
    /** The same rule for a form field's {@code pattern} attribute, so browsers check it before sending. */
    public static final String HTML_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private Slugs() {}

    public static boolean isValid(String slug) {
        return slug != null
                && slug.length() <= MAX_LENGTH
                && VALID.matcher(slug).matches();
    }

    /** The slug as typed (trimmed), or, when it is blank, one made from {@code text} (a name, a headline). */
    public static String orFrom(String slug, String text) {
        return slug == null || slug.isBlank() ? from(text) : slug.strip();
    }

    /** A slug made from free text ("Élection anticipée!" becomes "election-anticipee"). */
    public static String from(String text) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (ascii.length() > 80) {
            ascii = ascii.substring(0, 80).replaceAll("-[^-]*$", "");
        }
        return ascii;
    }
}
