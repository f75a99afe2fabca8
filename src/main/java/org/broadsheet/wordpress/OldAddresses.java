package org.broadsheet.wordpress;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.ArticleView;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.web.FeedFormat;
import org.broadsheet.web.MovedAddresses;
import org.broadsheet.web.SiteUrls;
import org.springframework.stereotype.Component;

/**
 * The addresses of the WordPress site an import came from: an imported article's old permalink
 * (any structure, with or without its trailing slash), {@code /category/…}, {@code /tag/…} and
 * {@code /author/…} archives, and {@code /feed/}, each answered with a 301. Asked only for
 * requests that found nothing, so normal pages never pay for it. {@code /?p=ID} reaches the
 * front page instead and is answered by {@link ShortLinks}.
 */
@Component
record OldAddresses(
        ImportedItems items,
        ArticleReader reader,
        SectionService sections,
        TagService tags,
        AuthorService authors,
        SiteUrls urls)
        implements MovedAddresses {

    private static final Pattern ARCHIVE = Pattern.compile("/(category|tag|author)/(?:[^/]+/)*([^/]+)");

    @Override
    public Optional<String> movedTo(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.equals("/feed")) {
            return path.equals(trimmed) ? Optional.empty() : Optional.of(urls.feed(FeedFormat.RSS));
        }
        Matcher archive = ARCHIVE.matcher(trimmed);
        if (archive.matches()) {
            Optional<String> moved = archive(archive.group(1), archive.group(2));
            if (moved.isPresent()) {
                return moved;
            }
        }
        return article(trimmed);
    }

    /** The public address of the article imported from old path {@code oldPath} (or "/?p=ID"). */
    Optional<String> article(String oldPath) {
        Optional<Long> id = oldPath.startsWith("/?p=")
                ? items.target(ImportedItems.Kind.POST, Long.parseLong(oldPath.substring(4)))
                        .or(() -> items.target(ImportedItems.Kind.PAGE, Long.parseLong(oldPath.substring(4))))
                : Optional.empty();
        return id.or(() -> items.articleAt(oldPath)).flatMap(reader::findById).map(ArticleView::url);
    }

    private Optional<String> archive(String kind, String slug) {
        return switch (kind) {
            case "category" ->
                sections.findBySlug(slug)
                        .map(s -> sections.readerUrl(s.slug()))
                        .or(() -> tags.findBySlug(slug).map(t -> tags.readerUrl(t.slug())));
            case "tag" -> tags.findBySlug(slug).map(t -> tags.readerUrl(t.slug()));
            default -> authors.findBySlug(slug).map(a -> authors.readerUrl(a.slug()));
        };
    }
}
