package org.broadsheet.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes JSON Feed 1.1 with Jackson. Each item's {@code id} is its permanent tag URI; a full-text
 * feed gives {@code content_html} and the standfirst as {@code summary}, a summary feed the
 * standfirst as {@code summary} and {@code content_text}. Dates are RFC 3339 in UTC.
 */
final class JsonFeedWriter {

    static final String VERSION = "https://jsonfeed.org/version/1.1";

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultPropertyInclusion(include -> include.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    record Document(
            String version,
            String title,
            String homePageUrl,
            String feedUrl,
            String description,
            String language,
            List<Author> authors,
            List<Item> items) {}

    record Item(
            String id,
            String url,
            String title,
            @Nullable String contentHtml,
            @Nullable String contentText,
            @Nullable String summary,
            @Nullable String image,
            String datePublished,
            String dateModified,
            @Nullable List<Author> authors,
            @Nullable List<String> tags) {}

    record Author(String name, @Nullable String url) {}

    private JsonFeedWriter() {}

    static byte[] write(FeedContent content, FeedContext context) {
        Document document = new Document(
                VERSION,
                context.title(content),
                context.absolute(content.homePath()),
                context.self(content),
                context.description(content),
                context.language(),
                List.of(new Author(context.site().name(), context.absolute(content.homePath()))),
                content.entries().stream().map(e -> item(e, context)).toList());
        return JSON.writeValueAsBytes(document);
    }

    private static Item item(FeedEntry entry, FeedContext context) {
        String url = context.absolute(entry.path());
        String html = entry.html() == null ? null : AbsoluteUrls.in(entry.html(), url);
        List<Author> authors = entry.authors().stream()
                .map(person -> new Author(person.name(), person.url() == null ? null : context.absolute(person.url())))
                .toList();
        return new Item(
                entry.id().uri(context.host()),
                url,
                entry.title(),
                html,
                html == null ? (entry.summary() == null ? "" : entry.summary()) : null,
                entry.summary(),
                entry.imagePath() == null ? null : context.absolute(entry.imagePath()),
                FeedContext.rfc3339(entry.published()),
                FeedContext.rfc3339(entry.modified()),
                authors.isEmpty() ? null : authors,
                entry.categories().isEmpty() ? null : entry.categories());
    }
}
