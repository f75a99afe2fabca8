package org.broadsheet.newsroom;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.LeadImage;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.web.Slugs;
import org.broadsheet.web.ValidationException;

/**
 * The article editor's form as typed: bound from the request, shown again as it was when a
 * save is refused, and turned into an {@link ArticleForm} for the article service.
 *
 * @param version      the version the editor started from (hidden)
 * @param authors      byline author slugs, one per select, blanks ignored
 * @param tags         tag names or slugs as typed, one per box, blanks ignored
 * @param imageMediaId the lead image's id in the media library, as typed or chosen; wins over a path
 * @param imagePath    a lead image given by address (the demo's pictures): kept in hidden fields with
 *                     its width and height, shown read-only, never typed
 * @param imageRemove  non-blank when the person asked to remove the lead image (a checkbox)
 * @param publishAt    a {@code datetime-local} value in the site's zone, for scheduling
 */
public record ArticleEditorForm(
        String version,
        String headline,
        String slug,
        String standfirst,
        String body,
        String section,
        List<String> authors,
        List<String> tags,
        String imageMediaId,
        String imagePath,
        String imageAlt,
        String imageCaption,
        String imageCredit,
        String imageWidth,
        String imageHeight,
        String imageRemove,
        String publishAt) {

    /** The most digits a library image id can have (it fits a {@code long}). */
    public static final int MEDIA_ID_MAX = 18;

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    public ArticleEditorForm {
        authors = nonBlank(authors);
        tags = nonBlank(tags);
    }

    /** The form for an article's content; tags are shown by name. */
    static ArticleEditorForm of(ArticleForm form, int version, List<Tag> allTags) {
        Map<String, String> names = allTags.stream().collect(Collectors.toMap(Tag::slug, Tag::name, (a, b) -> a));
        LeadImage image = form.image();
        return new ArticleEditorForm(
                Integer.toString(version),
                form.headline(),
                form.slug(),
                form.standfirst(),
                form.body(),
                form.section(),
                form.authors(),
                form.tags().stream().map(slug -> names.getOrDefault(slug, slug)).toList(),
                image == null || !image.hasMediaId() ? null : image.mediaId().toString(),
                image == null || image.hasMediaId() ? null : image.path(),
                image == null ? null : image.alt(),
                image == null ? null : image.caption(),
                image == null ? null : image.credit(),
                image == null || image.hasMediaId() || image.width() == null
                        ? null
                        : image.width().toString(),
                image == null || image.hasMediaId() || image.height() == null
                        ? null
                        : image.height().toString(),
                null,
                null);
    }

    static ArticleEditorForm blank(String authorSlug) {
        return new ArticleEditorForm(
                "0",
                "",
                "",
                "",
                "",
                "",
                authorSlug == null ? List.of() : List.of(authorSlug),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    ArticleEditorForm withVersion(int newVersion) {
        return with(Integer.toString(newVersion), tags, publishAt);
    }

    /** This form with {@code name} among its tags (once). */
    ArticleEditorForm withTag(String name) {
        if (tags.stream().anyMatch(t -> t.equalsIgnoreCase(name))) {
            return this;
        }
        List<String> more = new java.util.ArrayList<>(tags);
        more.add(name);
        return with(version, List.copyOf(more), publishAt);
    }

    ArticleEditorForm withPublishAt(String localTime) {
        return with(version, tags, localTime);
    }

    private ArticleEditorForm with(String newVersion, List<String> newTags, String newPublishAt) {
        return new ArticleEditorForm(
                newVersion,
                headline,
                slug,
                standfirst,
                body,
                section,
                authors,
                newTags,
                imageMediaId,
                imagePath,
                imageAlt,
                imageCaption,
                imageCredit,
                imageWidth,
                imageHeight,
                imageRemove,
                newPublishAt);
    }

    /** The typed library image id, or null when none (or not a number). */
    Long mediaId() {
        if (isBlank(imageMediaId)) {
            return null;
        }
        try {
            long id = Long.parseLong(imageMediaId.strip());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether the form carries a lead image given by address (kept unless a library image replaces it). */
    public boolean hasImagePath() {
        return !isBlank(imagePath);
    }

    /** Whether the form has a lead image of either kind (chosen, typed or by address). */
    public boolean hasImage() {
        return !isBlank(imageMediaId) || hasImagePath();
    }

    public boolean removesImage() {
        return !isBlank(imageRemove);
    }

    /** The version started from; -1 (never current) when missing or forged. */
    int baseVersion() {
        try {
            return version == null ? -1 : Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The article's content, each typed tag given as the slug of the existing tag it names, or of a new one. */
    ArticleForm toArticleForm(List<Tag> allTags) {
        Function<String, String> slugOf = tagSlugs(allTags);
        return new ArticleForm(
                slug,
                headline == null ? "" : headline,
                standfirst,
                body,
                section,
                authors,
                tags.stream().map(slugOf).toList(),
                image());
    }

    /** The typed tags that name no existing tag: the ones a save would create. */
    List<String> newTags(List<Tag> allTags) {
        Function<String, String> slugOf = tagSlugs(allTags);
        List<String> known = allTags.stream().map(Tag::slug).toList();
        return tags.stream().filter(t -> !known.contains(slugOf.apply(t))).toList();
    }

    /** When to publish, from {@code publishAt} in the site's zone; a field error when it is not a time. */
    Instant publishAt(ZoneId zone) {
        try {
            return LocalDateTime.parse(publishAt == null ? "" : publishAt.strip())
                    .atZone(zone)
                    .toInstant();
        } catch (DateTimeException e) {
            throw new ValidationException(List.of(
                    new ValidationException.Problem("publishAt", "Give a date and time, such as 2026-12-01T06:00")));
        }
    }

    /** A {@code datetime-local} value for {@code at} in {@code zone}. */
    static String localTime(Instant at, ZoneId zone) {
        return at == null ? "" : LOCAL.format(at.atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES));
    }

    /**
     * The lead image: none when removed or when every field is empty; a library image when an
     * id is given (the service fills in its path and size, and refuses an unknown id); else the
     * image given by address.
     */
    private LeadImage image() {
        if (removesImage()
                || isBlank(imageMediaId)
                        && isBlank(imagePath)
                        && isBlank(imageAlt)
                        && isBlank(imageCaption)
                        && isBlank(imageCredit)
                        && isBlank(imageWidth)
                        && isBlank(imageHeight)) {
            return null;
        }
        if (!isBlank(imageMediaId)) {
            Long id = mediaId();
            return new LeadImage(
                    null,
                    strip(imageAlt),
                    strip(imageCaption),
                    strip(imageCredit),
                    null,
                    null,
                    id == null ? -1L : id,
                    null);
        }
        return new LeadImage(
                strip(imagePath),
                strip(imageAlt),
                strip(imageCaption),
                strip(imageCredit),
                number(imageWidth),
                number(imageHeight));
    }

    /** Matches a typed tag to an existing tag by slug, or by name ignoring case; else the slug made from it. */
    private static Function<String, String> tagSlugs(List<Tag> allTags) {
        return typed -> allTags.stream()
                .filter(t -> t.slug().equals(typed.strip()) || t.name().equalsIgnoreCase(typed.strip()))
                .map(Tag::slug)
                .findFirst()
                .orElse(Slugs.from(typed));
    }

    /** A number as typed; -1 (refused by the service as out of range) when it is not one. */
    private static Integer number(String typed) {
        if (isBlank(typed)) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<String> nonBlank(List<String> values) {
        List<String> kept = new ArrayList<>();
        if (values != null) {
            values.stream().filter(v -> !isBlank(v)).map(String::strip).forEach(kept::add);
        }
        return List.copyOf(kept);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
