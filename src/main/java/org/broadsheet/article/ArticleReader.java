package org.broadsheet.article;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.broadsheet.media.MediaImage;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.taxonomy.Author;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.Term;
import org.broadsheet.web.Dates;
import org.broadsheet.web.HtmlSanitizer;
import org.broadsheet.web.SiteUrls;
import org.broadsheet.web.Slugs;
import org.springframework.stereotype.Service;

/**
 * What readers may see of articles, ready for pages: only published articles whose time
 * has come, newest first, with URLs from {@link SiteUrls} and dates in the site's zone.
 *
 * <p>Reads run without a transaction of their own (each query on its own), which saves
 * a page several round trips to the database; a page may therefore combine an article
 * with a "More from" list read a moment later, which readers cannot tell apart.
 */
@Service
public class ArticleReader {

    private final ArticleRepository repository;
    private final HtmlSanitizer sanitizer;
    private final SiteUrls urls;
    private final Dates dates;
    private final ArticleSettings settings;
    private final ArticleCache cache;
    private final MediaLibrary media;

    ArticleReader(
            ArticleRepository repository,
            HtmlSanitizer sanitizer,
            SiteUrls urls,
            Dates dates,
            ArticleSettings settings,
            ArticleCache cache,
            MediaLibrary media) {
        this.cache = cache;
        this.media = media;
        this.repository = repository;
        this.sanitizer = sanitizer;
        this.urls = urls;
        this.dates = dates;
        this.settings = settings;
    }

    /** The public article that has, or once had, {@code slug}; empty for anything else. */
    public Optional<ArticleView> findBySlug(String slug) {
        if (!Slugs.isValid(slug)) {
            return Optional.empty();
        }
        return cache.view(slug, key -> repository.findVisibleBySlug(key).map(this::view));
    }

    /** The public article with this id (for forms posted about it); empty for anything else. */
    public Optional<ArticleView> findById(long id) {
        // A cheap look-up of the current slug, then the (usually cached) view by slug.
        return repository.findVisibleSlug(id).flatMap(this::findBySlug).filter(view -> view.id() == id);
    }

    /** The address of public article {@code id}, read afresh (one small query; no view is built). */
    public Optional<String> publicUrl(long id) {
        return repository.findVisibleByIds(List.of(id)).stream()
                .findFirst()
                .map(row -> urls.article(row.sectionSlug(), row.publishedAt(), row.slug()));
    }

    /** The newest other public stories of the article's section ("More from {Section}"). */
    public List<Teaser> moreFromSection(ArticleView article) {
        return cache.list(
                List.of("more-from", article.id()),
                () -> teasers(repository.findLatest(
                        article.sectionId(), List.of(article.id()), settings.moreFromSection(), 0)));
    }

    /** The public ones among {@code ids}, as teasers, in the order given (read afresh, not kept). */
    public List<Teaser> visibleTeasers(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Teaser> found =
                teasers(repository.findVisibleByIds(ids)).stream().collect(Collectors.toMap(Teaser::id, t -> t));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** Page {@code page} (from 1) of every public story. */
    public Slice latest(int page, int size) {
        return cache.list(
                List.of("latest", page, size),
                () -> slice(offset -> repository.findLatest(null, List.of(), size + 1, offset), page, size));
    }

    public Slice latestInSection(long sectionId, int page, int size) {
        return cache.list(
                List.of("section", sectionId, page, size),
                () -> slice(offset -> repository.findLatest(sectionId, List.of(), size + 1, offset), page, size));
    }

    public Slice latestWithTag(long tagId, int page, int size) {
        return cache.list(
                List.of("tag", tagId, page, size),
                () -> slice(offset -> repository.findLatestByTag(tagId, size + 1, offset), page, size));
    }

    public Slice latestByAuthor(long authorId, int page, int size) {
        return cache.list(
                List.of("author", authorId, page, size),
                () -> slice(offset -> repository.findLatestByAuthor(authorId, size + 1, offset), page, size));
    }

    /**
     * A view assembled from what this reader returns (the front page from its lists), kept as
     * long as they are: forgotten with them on any change to public articles or taxonomies.
     *
     * @param key what the view is and depends on; equal keys are the same view
     */
    public <T> T assembled(Object key, Supplier<T> assembly) {
        return cache.assembled(key, assembly);
    }

    /** The {@code count} newest public stories. */
    public List<Teaser> newest(int count) {
        return cache.list(List.of("newest", count), () -> teasers(repository.findLatest(null, List.of(), count, 0)));
    }

    /**
     * Up to {@code perSection} of the newest public stories of each section, leaving out
     * {@code excluded}, section by section in navigation order.
     */
    public List<Teaser> newestPerSection(Set<Long> excluded, int perSection) {
        Set<Long> left = Set.copyOf(excluded);
        return cache.list(
                List.of("per-section", left, perSection),
                () -> teasers(repository.findLatestPerSection(left, perSection)));
    }

    /**
     * The {@code count} newest public stories in full, newest first, for feeds: of the whole site
     * ({@code of} null), or of one section, tag or author. Read afresh on every call (two
     * queries, and one more for each article with story references or a library image), never
     * from this reader's cache: a feed keeps what it makes of them and forgets it on the same
     * events, so it must not pick up a list this cache has yet to forget.
     */
    public List<ArticleEntry> newestInFull(Term of, int count) {
        List<SummaryRow> newest;
        if (of instanceof Tag tag) {
            newest = repository.findLatestByTag(tag.id(), count, 0);
        } else if (of instanceof Author author) {
            newest = repository.findLatestByAuthor(author.id(), count, 0);
        } else {
            newest = repository.findLatest(of == null ? null : of.id(), List.of(), count, 0);
        }
        return inFull(newest.stream().map(SummaryRow::id).toList());
    }

    /** The public ones among {@code ids} in full, in the order given, read afresh (two queries, and more for references). */
    List<ArticleEntry> inFull(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ArticleRow> rows =
                repository.findVisibleInFull(ids).stream().collect(Collectors.toMap(ArticleRow::id, row -> row));
        return ids.stream()
                .map(rows::get)
                .filter(Objects::nonNull)
                .map(row -> new ArticleEntry(view(row), row.createdAt(), modified(row)))
                .toList();
    }

    /**
     * The public ones among {@code ids}, keyed by id, without their bodies (for lists of whole
     * stories), read afresh: one query, and one more when some have a library image.
     */
    Map<Long, ArticleEntry> inBrief(Collection<Long> ids) {
        List<ArticleRow> rows = repository.findVisibleInBrief(ids);
        Map<Long, MediaImage> images =
                libraryImages(rows.stream().map(ArticleRow::image).toList());
        Map<Long, ArticleEntry> found = new HashMap<>();
        rows.forEach(
                row -> found.put(row.id(), new ArticleEntry(view(row, images, false), row.createdAt(), modified(row))));
        return found;
    }

    private static Instant modified(ArticleRow row) {
        Instant latest = row.updatedAt() != null && row.updatedAt().isAfter(row.publishedAt())
                ? row.updatedAt()
                : row.publishedAt();
        return latest.truncatedTo(ChronoUnit.SECONDS);
    }

    private Slice slice(Function<Long, List<SummaryRow>> query, int page, int size) {
        List<SummaryRow> rows = query.apply((long) (page - 1) * size);
        boolean hasOlder = rows.size() > size;
        return new Slice(teasers(hasOlder ? rows.subList(0, size) : rows), hasOlder);
    }

    private ArticleView view(ArticleRow row) {
        return view(row, libraryImages(Collections.singletonList(row.image())), true);
    }

    private ArticleView view(ArticleRow row, Map<Long, MediaImage> images, boolean withBody) {
        var notes = row.notes().stream()
                .map(n -> new ArticleView.Note(n.kind(), dates.of(n.notedAt()), n.body()))
                .toList();
        var authors = zip(row.authorNames(), row.authorSlugs(), urls::author);
        var tags = zip(row.tagNames(), row.tagSlugs(), urls::tag);
        var updated = showsUpdated(row.publishedAt(), row.updatedAt(), row.notes(), settings.updatedThreshold())
                ? dates.of(row.updatedAt())
                : null;
        return new ArticleView(
                row.id(),
                row.slug(),
                urls.article(row.sectionSlug(), row.publishedAt(), row.slug()),
                row.headline(),
                row.standfirst(),
                row.sectionId(),
                row.sectionSlug(),
                row.sectionName(),
                urls.section(row.sectionSlug()),
                authors,
                tags,
                withSources(row.image(), images),
                dates.of(row.publishedAt()),
                updated,
                row.updatedAt(),
                notes,
                withBody ? body(row.bodyHtml()) : List.of(),
                row.commentsOpen(),
                topics(tags, row.tagKinds()));
    }

    /** The kinds in the order the page shows them, with their plural labels. */
    private static final Map<String, String> TOPIC_GROUPS = topicGroups();

    private static Map<String, String> topicGroups() {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("place", "Places");
        groups.put("person", "People");
        groups.put("organisation", "Organisations");
        groups.put("topic", "Topics");
        return groups;
    }

    static List<ArticleView.TopicGroup> topics(List<ArticleView.Link> tags, List<String> kinds) {
        List<ArticleView.TopicGroup> groups = new ArrayList<>();
        TOPIC_GROUPS.forEach((kind, label) -> {
            List<ArticleView.Link> ofKind = new ArrayList<>();
            for (int i = 0; i < tags.size() && i < kinds.size(); i++) {
                if (kinds.get(i).equals(kind)) {
                    ofKind.add(tags.get(i));
                }
            }
            if (!ofKind.isEmpty()) {
                groups.add(new ArticleView.TopicGroup(kind, label, List.copyOf(ofKind)));
            }
        });
        return List.copyOf(groups);
    }

    private static List<ArticleView.Link> zip(List<String> names, List<String> slugs, Function<String, String> url) {
        List<ArticleView.Link> links = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            links.add(new ArticleView.Link(names.get(i), url.apply(slugs.get(i))));
        }
        return links;
    }

    /** Splits stored HTML at its story-reference markers and resolves them to public articles. */
    List<ArticleView.BodyPart> body(String html) {
        Matcher m = BodyRenderer.MARKER.matcher(html);
        List<Long> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(2)));
        }
        if (ids.isEmpty()) {
            return List.of(new ArticleView.BodyPart(sanitizer.fromStore(html), null, false));
        }
        Map<Long, Teaser> targets =
                teasers(repository.findVisibleByIds(ids)).stream().collect(Collectors.toMap(Teaser::id, t -> t));
        List<ArticleView.BodyPart> parts = new ArrayList<>();
        int start = 0;
        m.reset();
        while (m.find()) {
            addHtml(parts, html.substring(start, m.start()));
            Teaser target = targets.get(Long.parseLong(m.group(2)));
            if (target != null) {
                parts.add(new ArticleView.BodyPart(null, target, "related".equals(m.group(1))));
            }
            start = m.end();
        }
        addHtml(parts, html.substring(start));
        return parts;
    }

    private void addHtml(List<ArticleView.BodyPart> parts, String html) {
        if (!html.isBlank()) {
            parts.add(new ArticleView.BodyPart(sanitizer.fromStore(html), null, false));
        }
    }

    private List<Teaser> teasers(List<SummaryRow> rows) {
        Map<Long, MediaImage> images =
                libraryImages(rows.stream().map(SummaryRow::image).toList());
        return rows.stream().map(row -> teaser(row, images)).toList();
    }

    private Teaser teaser(SummaryRow row, Map<Long, MediaImage> images) {
        return new Teaser(
                row.id(),
                urls.article(row.sectionSlug(), row.publishedAt(), row.slug()),
                row.headline(),
                row.standfirst(),
                row.sectionName(),
                urls.section(row.sectionSlug()),
                dates.of(row.publishedAt()),
                withSources(row.image(), images));
    }

    /** The library images among these lead images (nulls allowed), in one query; none when there are none. */
    private Map<Long, MediaImage> libraryImages(List<LeadImage> images) {
        List<Long> ids = images.stream()
                .filter(i -> i != null && i.hasMediaId())
                .map(LeadImage::mediaId)
                .distinct()
                .toList();
        return ids.isEmpty() ? Map.of() : media.images(ids);
    }

    /** A library image with its renditions ({@code srcset}); any other image as it is. */
    private static LeadImage withSources(LeadImage image, Map<Long, MediaImage> images) {
        MediaImage library = image == null || !image.hasMediaId() ? null : images.get(image.mediaId());
        return library == null ? image : image.withSources(library);
    }

    /**
     * Whether an article's page shows "Updated": it changed well after publication, or it
     * carries a correction or update note made after publication (however soon after).
     */
    static boolean showsUpdated(Instant published, Instant updated, List<NoteRow> notes, Duration threshold) {
        return changedWellAfter(published, updated, threshold)
                || published != null && notes.stream().anyMatch(n -> n.notedAt().isAfter(published));
    }

    static boolean changedWellAfter(Instant published, Instant updated, Duration threshold) {
        return published != null
                && updated != null
                && Duration.between(published, updated).compareTo(threshold) > 0;
    }
}
