package org.broadsheet.api;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The shapes of the API's JSON: stable snake_case names, absolute URLs, ISO-8601 dates with
 * offsets. Built only from what readers may see: no email, IP address or user agent has a
 * field here.
 */
final class ApiJson {

    private ApiJson() {}

    /** Who an API token acts as: never their email. {@code role} is the role's key, e.g. "editor". */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Me(long id, String name, String role) {}

    /** A list page: its items, and the URL of the next page (also in the {@code Link} header), or null. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Page<T>(List<T> items, @Nullable String next) {}

    /**
     * A public story. {@code body_html} (the rendered, sanitised body, story references as links)
     * is present on a single story and null in lists; {@code body_markdown} (the source as the
     * editor holds it) and {@code version} (what an update names, see {@link Source}) only on a
     * single story asked for with a staff token, null otherwise.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Article(
            long id,
            String slug,
            String url,
            String headline,
            String standfirst,
            SectionRef section,
            List<Link> authors,
            List<TagRef> tags,
            @Nullable Image image,
            String publishedAt,
            String modifiedAt,
            @Nullable String updatedAt,
            List<Note> notes,
            boolean commentsOpen,
            String commentsUrl,
            @Nullable String bodyHtml,
            @Nullable String bodyMarkdown,
            @Nullable Integer version) {

        /** The same story with its Markdown source and version, for a staff token's answer. */
        Article withSource(String markdown, int sourceVersion) {
            return new Article(
                    id,
                    slug,
                    url,
                    headline,
                    standfirst,
                    section,
                    authors,
                    tags,
                    image,
                    publishedAt,
                    modifiedAt,
                    updatedAt,
                    notes,
                    commentsOpen,
                    commentsUrl,
                    bodyHtml,
                    markdown,
                    sourceVersion);
        }
    }

    /**
     * An article as its editors hold it, in any status: what staff tokens read before an update
     * and what every article write answers. {@code section}, {@code authors} and {@code tags}
     * are slugs, as a write sends them; {@code version} is what the next update must name;
     * {@code url} is the permalink while readers can see it, else null; {@code published_at}
     * the publication (or scheduled) time, else null; {@code warnings} what the write that
     * answered warns of (story references that name no public story), empty on reads.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Source(
            long id,
            String slug,
            String status,
            int version,
            String headline,
            String standfirst,
            String bodyMarkdown,
            String section,
            List<String> authors,
            List<String> tags,
            @Nullable SourceImage image,
            @Nullable String publishedAt,
            @Nullable String url,
            boolean commentsOpen,
            List<Note> notes,
            String sourceUrl,
            List<String> warnings) {}

    /**
     * A lead image as a write gives it: a library image by {@code media_id} (its address and size
     * come from the library), or a picture on this site by {@code path} with its size.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SourceImage(
            @Nullable Long mediaId,
            @Nullable String path,
            @Nullable String alt,
            @Nullable String caption,
            @Nullable String credit,
            @Nullable Integer width,
            @Nullable Integer height) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SectionRef(long id, String slug, String name, String url) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Link(String name, String url) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TagRef(String name, String kind, String url) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Image(
            String url,
            String alt,
            String caption,
            String credit,
            @Nullable Integer width,
            @Nullable Integer height) {}

    /** A dated correction or update note; {@code kind} is "correction" or "update". */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Note(String kind, String date, String text) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Section(long id, String slug, String name, String description, String url, String articlesUrl) {}

    /** A tag; {@code kind} is one of topic, person, place, organisation. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Tag(long id, String slug, String name, String kind, String description, String url, String articlesUrl) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Author(
            long id,
            String slug,
            String name,
            String title,
            String bio,
            @Nullable String photoUrl,
            String url,
            String articlesUrl) {}

    /** An approved comment: the name and website its writer chose to publish, never more. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Comment(
            long id,
            String url,
            String authorName,
            @Nullable String authorUrl,
            boolean staff,
            String html,
            String createdAt) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SearchHit(
            long id,
            String url,
            String headline,
            String section,
            List<String> authors,
            String publishedAt,
            String snippet) {}

    /** Search results; {@code outcome} says whether the text gave anything to look for. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SearchResults(
            String outcome,
            int total,
            boolean capped,
            List<SearchHit> items,
            @Nullable String next) {}
}
