package org.broadsheet.feed;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.article.ArticleEntry;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.ArticleView;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.taxonomy.Term;
import org.broadsheet.web.FeedFormat;
import org.broadsheet.web.SiteUrls;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the feeds of stories say: the site's newest stories, or a section's, a tag's or an
 * author's, read afresh from the database (the caller keeps the result). A story's full text is
 * its page's lead image, body and notes, rendered by the page's own templates
 * ({@code feed/story.jte}), so it escapes what they escape.
 */
@Component
record StoryFeeds(
        ArticleReader reader,
        SectionService sections,
        TagService tags,
        AuthorService authors,
        SiteUrls urls,
        FeedSettings settings,
        TemplateEngine templates) {

    /** The feed of {@code source}, a feed of stories; empty when its section, tag or author does not exist. */
    Optional<FeedContent> of(FeedSource source) {
        return switch (source.kind()) {
            case SITE -> Optional.of(content(null, null, null, urls.home()));
            case SECTION ->
                sections.findBySlug(source.key())
                        .map(s -> content(
                                s,
                                s.name(),
                                orElse(s.description(), "The newest stories in " + s.name() + "."),
                                urls.section(s.slug())));
            case TAG ->
                tags.findBySlug(source.key())
                        .map(t -> content(t, t.name(), "Stories about " + t.name() + ".", urls.tag(t.slug())));
            case AUTHOR ->
                authors.findBySlug(source.key())
                        .map(a -> content(a, a.name(), "Stories by " + a.name() + ".", urls.author(a.slug())));
            case COMMENTS, ARTICLE_COMMENTS -> throw new IllegalArgumentException("Not a feed of stories: " + source);
        };
    }

    private FeedContent content(@Nullable Term of, @Nullable String name, @Nullable String description, String home) {
        List<FeedEntry> entries = reader.newestInFull(of, settings.items()).stream()
                .map(this::entry)
                .toList();
        return new FeedContent(
                name, description, home, paths(of == null, home), FeedContent.latest(entries, Instant.EPOCH), entries);
    }

    private Map<FeedFormat, String> paths(boolean wholeSite, String home) {
        return wholeSite
                ? Map.of(
                        FeedFormat.RSS,
                        urls.feed(FeedFormat.RSS),
                        FeedFormat.ATOM,
                        urls.feed(FeedFormat.ATOM),
                        FeedFormat.JSON,
                        urls.feed(FeedFormat.JSON))
                : Map.of(
                        FeedFormat.RSS,
                        urls.feed(home, FeedFormat.RSS),
                        FeedFormat.ATOM,
                        urls.feed(home, FeedFormat.ATOM));
    }

    private FeedEntry entry(ArticleEntry entry) {
        ArticleView view = entry.view();
        return new FeedEntry(
                new EntryId("article", view.id(), entry.created()),
                view.url(),
                view.headline(),
                view.standfirst().isBlank() ? null : view.standfirst(),
                settings.fullText() ? fullText(view) : null,
                view.published().at().toInstant(),
                entry.modified(),
                view.authors().stream()
                        .map(a -> new FeedEntry.Person(a.name(), a.url()))
                        .toList(),
                view.tags().stream().map(ArticleView.Link::name).toList(),
                view.hasImage() ? view.image().path() : null);
    }

    private String fullText(ArticleView view) {
        StringOutput html = new StringOutput();
        templates.render("feed/story.jte", view, html);
        return html.toString().strip();
    }

    private static String orElse(String text, String otherwise) {
        return text == null || text.isBlank() ? otherwise : text;
    }
}
