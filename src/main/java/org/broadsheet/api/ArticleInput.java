package org.broadsheet.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.LeadImage;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.web.Slugs;
import org.broadsheet.web.ValidationException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An article's content as a client writes it (create, and update, which replaces the whole
 * content: a field left out is emptied, as in the newsroom's form). The names are the read API's;
 * {@code section} and {@code authors} are slugs, {@code tags} slugs or names. {@code version} is
 * the version the client last read, required by an update.
 *
 * @param unknown fields the API does not know: refused with 422, since a misspelt field would
 *                otherwise quietly empty the one it meant
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ArticleInput(
        @Nullable Integer version,
        @Nullable String headline,
        @Nullable String slug,
        @Nullable String standfirst,
        @Nullable String bodyMarkdown,
        @Nullable String section,
        @Nullable List<String> authors,
        @Nullable List<String> tags,
        ApiJson.@Nullable SourceImage image,
        @JsonAnySetter @Schema(hidden = true) @Nullable Map<String, Object> unknown) {

    /** The tags an article names, as slugs, and those among them a save is to create (by the name typed). */
    record TagChoice(List<String> slugs, List<String> created) {}

    /** Refuses (422) every field the API does not know, naming each. */
    void refuseUnknown() {
        if (unknown != null && !unknown.isEmpty()) {
            throw new ValidationException(unknown.keySet().stream()
                    .sorted()
                    .map(name -> new ValidationException.Problem(name, "An article has no such field"))
                    .toList());
        }
    }

    ArticleInput withAuthors(List<String> byline) {
        return new ArticleInput(
                version, headline, slug, standfirst, bodyMarkdown, section, byline, tags, image, unknown);
    }

    /** The content for the article service, with {@code tagSlugs} as its tags. */
    ArticleForm toForm(List<String> tagSlugs) {
        return new ArticleForm(
                slug,
                Objects.requireNonNullElse(headline, ""),
                Objects.requireNonNullElse(standfirst, ""),
                Objects.requireNonNullElse(bodyMarkdown, ""),
                section,
                nonBlank(authors),
                tagSlugs,
                leadImage());
    }

    private @Nullable LeadImage leadImage() {
        if (image == null) {
            return null;
        }
        if (image.mediaId() != null) {
            return new LeadImage(null, image.alt(), image.caption(), image.credit(), null, null, image.mediaId(), null);
        }
        return new LeadImage(image.path(), image.alt(), image.caption(), image.credit(), image.width(), image.height());
    }

    /**
     * The editor's rule for typed tags: one that names an existing tag by slug, or by name
     * ignoring case, is that tag; any other is a new tag, made only for those who may create
     * tags (for others the article service refuses its slug as unknown, 422 on {@code tags}).
     */
    TagChoice tagChoice(List<Tag> all, boolean mayCreate) {
        List<String> slugs = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (String typed : nonBlank(tags)) {
            var existing = all.stream()
                    .filter(t -> t.slug().equals(typed) || t.name().equalsIgnoreCase(typed))
                    .findFirst();
            slugs.add(existing.map(Tag::slug).orElse(Slugs.from(typed)));
            if (existing.isEmpty() && mayCreate) {
                created.add(typed);
            }
        }
        return new TagChoice(List.copyOf(slugs), List.copyOf(created));
    }

    /**
     * The same refusal in the API's words: the article service names the newsroom form's fields
     * ({@code body}, {@code image.mediaId}, {@code publishAt}, {@code note}); a client sent
     * {@code body_markdown}, {@code image.media_id}, {@code publish_at} and {@code text}.
     */
    static ValidationException inApiTerms(ValidationException refused) {
        return new ValidationException(refused.problems().stream()
                .map(p -> new ValidationException.Problem(
                        switch (p.field()) {
                            case "body" -> "body_markdown";
                            case "image.mediaId" -> "image.media_id";
                            case "publishAt" -> "publish_at";
                            case "note" -> "text";
                            default -> p.field();
                        },
                        p.message()))
                .toList());
    }

    private static List<String> nonBlank(@Nullable List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .toList();
    }
}
