package org.broadsheet.search;

import java.util.ArrayList;
import java.util.List;

/**
 * An excerpt of a story with the words a search found marked. Made from {@code ts_headline}'s
 * output, in which found words stand between U+0001 and U+0002 (characters taken out of the text
 * before, so only ts_headline can have put them there) and {@code <} and {@code >} are U+0003 and
 * U+0004; the template prints every part escaped
 * and wraps the found ones in {@code <mark>}, so no text of the story can become markup.
 */
public record Snippet(List<Part> parts) {

    static final char START = '\u0001';
    static final char STOP = '\u0002';
    /** How the text ts_headline reads carries {@code <} and {@code >}, which it would take for tags. */
    static final char LESS_THAN = '\u0003';

    static final char GREATER_THAN = '\u0004';

    /** A run of the excerpt's text; {@code found} when it is a word the search found. */
    public record Part(String text, boolean found) {}

    public Snippet {
        parts = List.copyOf(parts);
    }

    /** The parts of {@code marked}; markers out of order are dropped, never shown. */
    static Snippet parse(String marked) {
        List<Part> parts = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean found = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == START || c == STOP) {
                add(parts, run, found);
                found = c == START;
            } else {
                run.append(c == LESS_THAN ? '<' : c == GREATER_THAN ? '>' : c);
            }
        }
        add(parts, run, found);
        return new Snippet(parts);
    }

    private static void add(List<Part> parts, StringBuilder run, boolean found) {
        if (!run.isEmpty()) {
            parts.add(new Part(run.toString().replaceAll("\\s+", " "), found));
            run.setLength(0);
        }
    }

    /** The excerpt as plain text. */
    public String text() {
        StringBuilder text = new StringBuilder();
        parts.forEach(part -> text.append(part.text()));
        return text.toString();
    }
}
