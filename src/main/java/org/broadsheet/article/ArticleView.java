package org.broadsheet.article;

import java.time.Instant;
import java.util.List;
import org.broadsheet.web.DisplayDate;

/**
 * A public article as its page shows it.
 *
 * @param updated the "Updated" date, or null when the article did not change well after publication
 * @param modifiedAt when the article last changed in a way readers can see (for metadata, always set)
 * @param body    the body in reading order: sanitised HTML and resolved story references
 * @param topics  the tags grouped by kind (places, people, organisations, then topics)
 * @param commentsOpen whether staff left comments open on this article (comments also close
 *                     some days after publication; the comment package decides that)
 */
public record ArticleView(
        long id,
        String slug,
        String url,
        String headline,
        String standfirst,
        long sectionId,
        String sectionSlug,
        String sectionName,
        String sectionUrl,
        List<Link> authors,
        List<Link> tags,
        LeadImage image,
        DisplayDate published,
        DisplayDate updated,
        Instant modifiedAt,
        List<Note> notes,
        List<BodyPart> body,
        boolean commentsOpen,
        List<TopicGroup> topics) {

    /**
     * The article's tags of one kind, for the topics at the foot of its page.
     *
     * @param label what they are, in the plural: "Places", "People", "Organisations", "Topics"
     */
    public record TopicGroup(String kind, String label, List<Link> tags) {}

    /** A name that links somewhere (an author's page, a tag's page). */
    public record Link(String name, String url) {}

    /** A dated correction or update note. */
    public record Note(NoteKind kind, DisplayDate date, String text) {

        public boolean isCorrection() {
            return kind == NoteKind.CORRECTION;
        }
    }

    /**
     * One piece of the body: either HTML or a story reference (a related-story card or a
     * READ MORE line) pointing at a public article.
     */
    public record BodyPart(org.broadsheet.web.SafeHtml html, Teaser target, boolean related) {

        public boolean isHtml() {
            return html != null;
        }
    }

    public boolean hasImage() {
        return image != null;
    }
}
