package org.broadsheet.wordpress;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Matcher#replaceAll(Function)} for a pattern whose every match starts at the start of a
 * line (each alternative begins with {@code ^}, in {@code MULTILINE} mode), trying it only
 * where a line starts. Java's engine tries such a pattern at every character and lets {@code ^}
 * fail there: 3% of an import's processor time went on that (issue 11). The matches are
 * Matcher's own, tried at each position that follows a line terminator, with the whole text
 * as their bounds (so {@code ^} and {@code $} judge positions exactly as {@code find} does).
 */
final class LineStarts {

    private LineStarts() {}

    /**
     * {@code text} with each match of {@code pattern} replaced by {@code replacement}'s result,
     * taken literally (no {@code $} groups).
     */
    static String replaceAll(Pattern pattern, String text, Function<MatchResult, String> replacement) {
        Matcher matcher = pattern.matcher(text).useAnchoringBounds(false).useTransparentBounds(true);
        StringBuilder out = null;
        int copied = 0;
        int at = 0;
        int length = text.length();
        while (at < length) {
            matcher.region(at, length);
            if (matcher.lookingAt()) {
                out = out == null ? new StringBuilder(length + 16) : out;
                out.append(text, copied, matcher.start()).append(replacement.apply(matcher.toMatchResult()));
                copied = matcher.end();
                at = nextLine(text, Math.max(matcher.end(), at + 1) - 1);
            } else {
                at = nextLine(text, at);
            }
        }
        return out == null ? text : out.append(text, copied, length).toString();
    }

    /** The first position after {@code from} that follows a line terminator (the text's length if none). */
    private static int nextLine(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > '\r' && c < '\u0085') {
                continue; // the usual case, in one comparison: no line terminator is in that range
            }
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return i + 1;
            }
        }
        return text.length();
    }
}
