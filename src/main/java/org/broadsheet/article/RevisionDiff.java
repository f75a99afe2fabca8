package org.broadsheet.article;

import java.util.List;

/**
 * What changed between two revisions of an article, field by field, for a side-by-side view:
 * each line holds the text before and after, and a changed line marks the changed words.
 * Long stretches of unchanged body text are folded into one {@link Change#SKIPPED} line.
 */
public record RevisionDiff(RevisionSummary from, RevisionSummary to, List<FieldDiff> fields) {

    public boolean identical() {
        return fields.stream().noneMatch(FieldDiff::changed);
    }

    /** One field (Headline, Body, ...); an unchanged field has its lines too, all {@link Change#SAME}. */
    public record FieldDiff(String label, boolean changed, List<Line> lines) {}

    /**
     * A line of the side-by-side view.
     *
     * @param before  the old line in pieces (empty for an added line)
     * @param after   the new line in pieces (empty for a removed line)
     * @param skipped for {@link Change#SKIPPED}, how many unchanged lines it stands for
     */
    public record Line(Change change, List<Span> before, List<Span> after, int skipped) {}

    public enum Change {
        SAME,
        CHANGED,
        ADDED,
        REMOVED,
        SKIPPED
    }

    /** A piece of a line; {@code changed} marks words removed (on the left) or added (on the right). */
    public record Span(String text, boolean changed) {}
}
