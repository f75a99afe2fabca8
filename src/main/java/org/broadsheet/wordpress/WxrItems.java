package org.broadsheet.wordpress;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.broadsheet.web.SiteUrls;
import org.broadsheet.wordpress.WxrExportRepository.ArticleRow;
import org.broadsheet.wordpress.WxrExportRepository.MediaRow;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code <item>} of an export: an attachment, or an article with its comments. Story
 * references become what WordPress sites write and our importer reads back as references: a
 * paragraph holding only a link to the story (a related card), or "READ MORE:" and the link.
 */
@Component
record WxrItems(SiteUrls urls) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern MARKER = Pattern.compile("<!--ref:(related|read-more):(\\d+)-->");
    private static final Pattern REFERENCE = Pattern.compile(
            "(?m)^([ \\t]*)\\[\\[\\s*(related|read-more)\\s*:\\s*([A-Za-z0-9-]{1,120})\\s*]]([ \\t]*)$");

    /** Post meta holding the article's Markdown source, story references keyed by their target's slug. */
    static final String MARKDOWN = "_broadsheet_markdown";

    /** Post meta: the lead image as the article shows it ({@code path, alt, caption, credit, width, height}). */
    static final String IMAGE = "_broadsheet_image";

    /** Post meta: a byline of several authors, their logins as a JSON array. */
    static final String BYLINE = "_broadsheet_byline";

    /** Post meta, one per note: {@code {"kind", "noted_at", "body"}} as JSON. */
    static final String NOTE = "_broadsheet_note";

    void attachment(WxrWriter wxr, MediaRow media, long postId) throws XMLStreamException {
        String url = urls.absolute(media.url());
        wxr.start("item");
        wxr.cdataIn(null, "title", media.filename());
        wxr.text("link", url);
        wxr.text("pubDate", WxrWriter.rfc822(media.createdAt()));
        guid(wxr, postId);
        wxr.cdataIn(WxrWriter.CONTENT, "encoded", media.caption());
        wxr.cdataIn(WxrWriter.EXCERPT, "encoded", media.credit());
        wxr.wp("post_id", postId);
        dates(wxr, media.createdAt(), media.createdAt());
        wxr.wpCdata("post_name", media.filename());
        wxr.wpCdata("status", "inherit");
        wxr.wpCdata("post_type", "attachment");
        wxr.wpCdata("attachment_url", url);
        wxr.meta("postmeta", "_wp_attachment_image_alt", media.alt());
        wxr.end();
    }

    /** Writes the article's item; returns how many comments it holds. */
    int article(WxrWriter wxr, ArticleRow a, long firstMedia) throws XMLStreamException {
        wxr.start("item");
        wxr.cdataIn(null, "title", a.headline());
        wxr.text("link", link(a.id(), a.status(), a.publishedAt(), a.sectionSlug(), a.slug()));
        wxr.text("pubDate", WxrWriter.rfc822(a.publishedAt() == null ? a.createdAt() : a.publishedAt()));
        wxr.cdataIn(
                WxrWriter.DC,
                "creator",
                a.authors().isEmpty() ? "" : a.authors().get(0));
        guid(wxr, a.id());
        wxr.text("description", "");
        wxr.cdataIn(WxrWriter.CONTENT, "encoded", body(a.bodyHtml(), a.references()));
        wxr.cdataIn(WxrWriter.EXCERPT, "encoded", a.standfirst());
        wxr.wp("post_id", a.id());
        dates(wxr, a.publishedAt() == null ? a.createdAt() : a.publishedAt(), a.updatedAt());
        wxr.wpCdata("comment_status", a.commentsOpen() ? "open" : "closed");
        wxr.wpCdata("ping_status", "closed");
        wxr.wpCdata("post_name", a.slug());
        wxr.wpCdata("status", status(a.status(), a.publishedAt()));
        wxr.wp("post_parent", 0);
        wxr.wp("menu_order", 0);
        wxr.wpCdata("post_type", "post");
        wxr.wpCdata("post_password", "");
        wxr.wp("is_sticky", 0);
        category(wxr, "category", a.sectionSlug(), a.sectionName());
        for (int i = 0; i < a.tagSlugs().size(); i++) {
            category(wxr, "post_tag", a.tagSlugs().get(i), a.tagNames().get(i));
        }
        meta(wxr, a, firstMedia);
        int comments = comments(wxr, a.comments());
        wxr.end();
        return comments;
    }

    private void meta(WxrWriter wxr, ArticleRow a, long firstMedia) throws XMLStreamException {
        if (a.imageMediaId() != null) {
            wxr.meta("postmeta", "_thumbnail_id", Long.toString(firstMedia + a.imageMediaId()));
        }
        if (a.authors().size() > 1) {
            wxr.meta("postmeta", BYLINE, JSON.writeValueAsString(a.authors()));
        }
        if (a.image() != null) {
            wxr.meta("postmeta", IMAGE, a.image());
        }
        wxr.meta("postmeta", MARKDOWN, markdown(a.bodyMarkdown(), a.references()));
        for (JsonNode note : JSON.readTree(a.notes())) {
            wxr.meta("postmeta", NOTE, JSON.writeValueAsString(note));
        }
    }

    private int comments(WxrWriter wxr, String json) throws XMLStreamException {
        int count = 0;
        for (JsonNode c : JSON.readTree(json)) {
            Instant at = Instant.parse(c.get("at").asString());
            wxr.startWp("comment");
            wxr.wp("comment_id", c.get("id").asLong());
            wxr.wpCdata("comment_author", c.get("name").asString());
            wxr.wpCdata("comment_author_email", c.get("email").asString());
            wxr.wp("comment_author_url", text(c, "url"));
            wxr.wpCdata("comment_author_IP", text(c, "ip"));
            wxr.wpCdata("comment_date", WxrWriter.wpDate(at));
            wxr.wpCdata("comment_date_gmt", WxrWriter.wpDate(at));
            wxr.wpCdata("comment_content", c.get("body").asString());
            wxr.wpCdata("comment_approved", approved(c.get("status").asString()));
            wxr.wpCdata("comment_agent", text(c, "agent"));
            wxr.wpCdata("comment_type", "comment");
            wxr.wp(
                    "comment_parent",
                    c.get("parent").isNull() ? 0 : c.get("parent").asLong());
            wxr.wp("comment_user_id", 0);
            if (c.get("staff").asBoolean()) {
                wxr.meta("commentmeta", WxrComments.STAFF, "1");
            }
            wxr.end();
            count++;
        }
        return count;
    }

    /** The body's HTML with each story reference marker written as a link paragraph. */
    String body(String html, String referencesJson) {
        Map<Long, JsonNode> targets = new HashMap<>();
        for (JsonNode ref : JSON.readTree(referencesJson)) {
            targets.put(ref.get("id").asLong(), ref);
        }
        Matcher m = MARKER.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 256);
        while (m.find()) {
            JsonNode target = targets.get(Long.parseLong(m.group(2)));
            String replacement = "";
            if (target != null) {
                String published = text(target, "published_at");
                String href = link(
                        target.get("id").asLong(),
                        target.get("status").asString(),
                        published.isEmpty() ? null : Instant.parse(published),
                        target.get("section").asString(),
                        target.get("slug").asString());
                String anchor = "<a href=\"" + escape(href) + "\">"
                        + escape(target.get("headline").asString()) + "</a>";
                replacement = "\n<p>" + (m.group(1).equals("read-more") ? "READ MORE: " : "") + anchor + "</p>\n";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The Markdown source with each story reference keyed by its target's slug now, whether the
     * editor typed it, a former slug (the import does not bring those) or the ID (which the import
     * does not keep). A reference that names no article is left as typed.
     */
    static String markdown(String markdown, String referencesJson) {
        Map<String, String> slugs = new HashMap<>();
        for (JsonNode ref : JSON.readTree(referencesJson)) {
            String slug = ref.get("slug").asString();
            slugs.put(Long.toString(ref.get("id").asLong()), slug);
            ref.get("slugs").forEach(former -> slugs.put(former.asString(), slug));
        }
        return REFERENCE.matcher(markdown).replaceAll(m -> {
            String slug = slugs.get(m.group(3).toLowerCase(java.util.Locale.ROOT));
            return Matcher.quoteReplacement(
                    slug == null ? m.group() : m.group(1) + "[[" + m.group(2) + ": " + slug + "]]" + m.group(4));
        });
    }

    /** Where the story is read: its permalink when public, else WordPress's {@code /?p=ID}. */
    String link(long id, String status, @Nullable Instant publishedAt, String section, String slug) {
        boolean visible = status.equals("published") && publishedAt != null && !publishedAt.isAfter(Instant.now());
        return visible ? urls.absolute(urls.article(section, publishedAt, slug)) : urls.origin() + "/?p=" + id;
    }

    static String status(String status, @Nullable Instant publishedAt) {
        return switch (status) {
            case "published" -> publishedAt != null && publishedAt.isAfter(Instant.now()) ? "future" : "publish";
            case "scheduled" -> "future";
            case "in_review" -> "pending";
            case "unpublished" -> "private";
            default -> "draft";
        };
    }

    static String approved(String status) {
        return switch (status) {
            case "approved" -> "1";
            case "spam" -> "spam";
            case "trash" -> "trash";
            default -> "0";
        };
    }

    private void guid(WxrWriter wxr, long postId) throws XMLStreamException {
        wxr.start("guid");
        wxr.attribute("isPermaLink", "false");
        wxr.characters(urls.origin() + "/?p=" + postId);
        wxr.end();
    }

    private static void dates(WxrWriter wxr, Instant posted, Instant modified) throws XMLStreamException {
        wxr.wpCdata("post_date", WxrWriter.wpDate(posted));
        wxr.wpCdata("post_date_gmt", WxrWriter.wpDate(posted));
        wxr.wpCdata("post_modified", WxrWriter.wpDate(modified));
        wxr.wpCdata("post_modified_gmt", WxrWriter.wpDate(modified));
    }

    private static void category(WxrWriter wxr, String domain, String slug, String name) throws XMLStreamException {
        wxr.start("category");
        wxr.attribute("domain", domain);
        wxr.attribute("nicename", slug);
        wxr.cdata(name);
        wxr.end();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
