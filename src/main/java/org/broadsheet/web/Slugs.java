package org.broadsheet.web;

import java.text.Normalizer;
import java.util.Locale;

/** Slugs: lower-case ASCII words joined by hyphens, at most {@link #MAX_LENGTH} characters. */
public final class Slugs {

    public static final int MAX_LENGTH = 120;
    /** The same rule for a form field's {@code pattern} attribute, so browsers check it before sending. */
    public static final String HTML_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

    private Slugs() {}

    /**
     * Whether {@code slug} follows {@link #HTML_PATTERN} and is at most {@link #MAX_LENGTH} long:
     * checked a character at a time (every article page and every imported post asks, and a
     * pattern's matcher cost more than the check; {@code SlugsTests} compares the two).
     */
    public static boolean isValid(String slug) {
        if (slug == null || slug.isEmpty() || slug.length() > MAX_LENGTH) {
            return false;
        }
        boolean afterHyphen = true; // no hyphen first, none twice
        for (int i = 0; i < slug.length(); i++) {
            char c = slug.charAt(i);
            if (c == '-') {
                if (afterHyphen) {
                    return false;
                }
                afterHyphen = true;
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                afterHyphen = false;
            } else {
                return false;
            }
        }
        return !afterHyphen; // no hyphen last
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
