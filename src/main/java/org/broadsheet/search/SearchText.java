package org.broadsheet.search;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a reader typed, made fit to search for: control characters (U+0001 and U+0002, which mark
 * the words found in snippets, among them) become spaces, the text is NFC-normalised (an accent
 * typed as a separate mark joins its letter), runs of white space become one space, and anything
 * beyond {@link #MAX_LENGTH} characters is cut off, at a whole character.
 *
 * @param text what is searched for; empty when nothing was typed
 * @param cut  whether the text was longer than {@link #MAX_LENGTH} and was cut
 */
public record SearchText(String text, boolean cut) {

    /** The longest search read, in characters (Unicode code points); the form's {@code maxlength}. */
    public static final int MAX_LENGTH = 200;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Z}]+");

    public static SearchText of(@Nullable String typed) {
        if (typed == null) {
            return new SearchText("", false);
        }
        String text = CONTROL.matcher(Normalizer.normalize(typed, Normalizer.Form.NFC))
                .replaceAll(" ")
                .strip();
        if (text.codePointCount(0, text.length()) <= MAX_LENGTH) {
            return new SearchText(text, false);
        }
        return new SearchText(
                text.substring(0, text.offsetByCodePoints(0, MAX_LENGTH)).strip(), true);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }
}
