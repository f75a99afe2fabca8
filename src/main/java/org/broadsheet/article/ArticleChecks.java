package org.broadsheet.article;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.broadsheet.media.MediaImage;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.taxonomy.Term;
import org.broadsheet.web.Problems;
import org.broadsheet.web.Slugs;
import org.broadsheet.web.ValidationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The rules an article's content must meet before it is written: lengths, a slug no other
 * article has or had, a known section, known authors and tags, a lead image from the library
 * or on this site with alt text. Every problem is collected, then thrown at once as a
 * {@link ValidationException}; nothing is written.
 */
@Component
record ArticleChecks(
        ArticleRepository repository,
        ImportRepository imports,
        SectionService sections,
        AuthorService authors,
        TagService tags,
        MediaLibrary media) {

    /** Where {@link #validate} looks up the article slugs, authors and tags a form names. */
    interface Names {
        Optional<Long> slugOwner(String slug);

        List<? extends Term> authors(List<String> slugs);

        List<? extends Term> tags(List<String> slugs);
    }

    /** The database, a query for each look-up. */
    Names live() {
        return new Names() {
            @Override
            public Optional<Long> slugOwner(String slug) {
                return repository.findIdBySlug(slug);
            }

            @Override
            public List<? extends Term> authors(List<String> slugs) {
                return authors.findBySlugs(slugs);
            }

            @Override
            public List<? extends Term> tags(List<String> slugs) {
                return tags.findBySlugs(slugs);
            }
        };
    }

    /** Every name {@code forms} use, read at once (three queries): for a batch of imports. */
    Names prefetched(List<ArticleForm> forms) {
        Map<String, Long> owners = imports.findIdsBySlugs(forms.stream()
                .map(f -> Slugs.orFrom(f.slug(), f.headline()))
                .filter(Slugs::isValid)
                .distinct()
                .toList());
        Map<String, Term> byAuthor = bySlug(authors.findBySlugs(
                forms.stream().flatMap(f -> f.authors().stream()).distinct().toList()));
        Map<String, Term> byTag = bySlug(tags.findBySlugs(
                forms.stream().flatMap(f -> f.tags().stream()).distinct().toList()));
        return new Names() {
            @Override
            public Optional<Long> slugOwner(String slug) {
                return Optional.ofNullable(owners.get(slug));
            }

            @Override
            public List<? extends Term> authors(List<String> slugs) {
                return slugs.stream()
                        .map(byAuthor::get)
                        .filter(java.util.Objects::nonNull)
                        .toList();
            }

            @Override
            public List<? extends Term> tags(List<String> slugs) {
                return slugs.stream()
                        .map(byTag::get)
                        .filter(java.util.Objects::nonNull)
                        .toList();
            }
        };
    }

    private static Map<String, Term> bySlug(List<? extends Term> terms) {
        return terms.stream().collect(Collectors.toMap(Term::slug, t -> t, (a, b) -> a));
    }

    /** The field error for a lead image that is neither a library image nor a path. */
    static final String CHOOSE_IMAGE = "Choose an image from the library";

    /** What the form's names resolved to, ready to write. */
    record Resolved(String slug, long sectionId, List<Long> authorIds, List<Long> tagIds) {}

    /**
     * The form checked and its names resolved, for article {@code id} (null for a new one).
     *
     * @throws ValidationException with every problem found
     */
    Resolved validate(ArticleForm form, Long id) {
        return validate(form, id, live());
    }

    /** As {@link #validate(ArticleForm, Long)}, looking the form's names up in {@code names}. */
    Resolved validate(ArticleForm form, Long id, Names names) {
        Problems problems = new Problems();
        checkLengths(form, problems);
        String slug = slug(form, id, names, problems);
        Optional<Long> section = sections.findBySlug(form.section() == null ? "" : form.section())
                .map(Term::id);
        problems.require(
                section.isPresent(),
                "section",
                form.section() == null || form.section().isBlank() ? "Section is required" : "Unknown section");
        List<Long> authorIds =
                resolveAll(form.authors(), names::authors, "authors", "author", ArticleForm.MAX_AUTHORS, problems);
        problems.require(!form.authors().isEmpty(), "authors", "At least one author is required");
        List<Long> tagIds = resolveAll(form.tags(), names::tags, "tags", "tag", ArticleForm.MAX_TAGS, problems);
        checkImage(form.image(), problems);
        problems.throwIfAny();
        return new Resolved(slug, section.get(), authorIds, tagIds);
    }

    /** Only the lengths a save would accept, for what is kept unsaved (autosaves). */
    static void checkUnsaved(ArticleForm form) {
        Problems problems = new Problems()
                .maxLength(form.headline(), "headline", "Headline", ArticleForm.HEADLINE_MAX)
                .maxLength(form.standfirst(), "standfirst", "Standfirst", ArticleForm.STANDFIRST_MAX)
                .maxLength(form.body(), "body", "Body", ArticleForm.BODY_MAX);
        problems.require(
                        form.authors().size() <= ArticleForm.MAX_AUTHORS
                                && form.tags().size() <= ArticleForm.MAX_TAGS,
                        "tags",
                        "Too many authors or tags")
                .throwIfAny();
    }

    /**
     * A library lead image as the article stores it: the path, width and height of the image's
     * default rendition, with the article's own alt text, caption and credit; when the image is
     * newly chosen (not {@code previousMediaId}), each one left blank is taken from the library.
     * An id the library does not know keeps no path, which {@link #validate} refuses.
     */
    ArticleForm withLibraryImage(ArticleForm form, Long previousMediaId) {
        LeadImage image = form.image();
        if (image == null || !image.hasMediaId()) {
            return form;
        }
        Optional<MediaImage> found = image.mediaId() > 0 ? media.image(image.mediaId()) : Optional.empty();
        LeadImage resolved = found.map(library -> image.mediaId().equals(previousMediaId)
                        ? new LeadImage(
                                library.src(),
                                image.alt(),
                                image.caption(),
                                image.credit(),
                                library.width(),
                                library.height(),
                                library.mediaId(),
                                null)
                        : LeadImage.fromLibrary(library, image.alt(), image.caption(), image.credit()))
                .orElseGet(() -> new LeadImage(
                        null, image.alt(), image.caption(), image.credit(), null, null, image.mediaId(), null));
        return form.withImage(resolved);
    }

    /** Another writer took the slug between the check and the write. */
    static ValidationException slugTaken(String slug) {
        return new ValidationException(List.of(new ValidationException.Problem("slug", slugTakenMessage(slug))));
    }

    /**
     * The library image was deleted between the check and the write (the foreign key refused
     * it): the same field error as an unknown id. Any other integrity error is not ours to explain.
     */
    static RuntimeException imageGone(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        if (!message.contains("image_media_id")) {
            return e;
        }
        return new ValidationException(List.of(new ValidationException.Problem("image.mediaId", CHOOSE_IMAGE)));
    }

    private static void checkLengths(ArticleForm form, Problems problems) {
        problems.requireText(form.headline(), "headline", "Headline", ArticleForm.HEADLINE_MAX)
                .maxLength(form.standfirst(), "standfirst", "Standfirst", ArticleForm.STANDFIRST_MAX)
                .maxLength(form.body(), "body", "Body", ArticleForm.BODY_MAX);
    }

    /** The slug the article will have: as given, or made from the headline; one no other article has or had. */
    private String slug(ArticleForm form, Long id, Names names, Problems problems) {
        String slug = Slugs.orFrom(form.slug(), form.headline());
        if (!Slugs.isValid(slug)) {
            problems.require(
                    false,
                    "slug",
                    "Slug must be lower-case letters and digits joined by hyphens, at most " + Slugs.MAX_LENGTH
                            + " characters");
        } else {
            Optional<Long> owner = names.slugOwner(slug);
            problems.require(owner.isEmpty() || owner.get().equals(id), "slug", slugTakenMessage(slug));
        }
        return slug;
    }

    private static String slugTakenMessage(String slug) {
        return "Another article uses or used the slug \"" + slug + "\"";
    }

    /** The ids of the terms named by {@code slugs}, in order; each unknown, repeated or extra one is a problem. */
    private static List<Long> resolveAll(
            List<String> slugs,
            Function<List<String>, List<? extends Term>> finder,
            String field,
            String label,
            int max,
            Problems problems) {
        problems.require(slugs.size() <= max, field, "At most " + max + " " + label + "s");
        problems.require(new HashSet<>(slugs).size() == slugs.size(), field, "A " + label + " is named twice");
        Map<String, Long> found = finder.apply(slugs).stream().collect(Collectors.toMap(Term::slug, Term::id));
        List<Long> ids = new ArrayList<>();
        for (String slug : new LinkedHashSet<>(slugs)) {
            Long termId = found.get(slug);
            problems.require(termId != null, field, "Unknown " + label + " \"" + slug + "\"");
            if (termId != null) {
                ids.add(termId);
            }
        }
        return ids;
    }

    /** Refuses a lead image that is neither a library image ({@link #withLibraryImage} resolved it) nor a path. */
    private static void checkImage(LeadImage image, Problems problems) {
        if (image == null) {
            return;
        }
        if (image.hasMediaId() || image.path() == null || image.path().isBlank()) {
            problems.require(image.path() != null && !image.path().isBlank(), "image.mediaId", CHOOSE_IMAGE);
        } else {
            problems.requireText(image.path(), "image.path", "Image path", LeadImage.PATH_MAX)
                    .require(
                            image.path().startsWith("/") && !image.path().startsWith("//"),
                            "image.path",
                            "Image path must be a path on this site, such as /media/photo.jpg");
        }
        problems.requireText(image.alt(), "image.alt", "Image alt text", LeadImage.ALT_MAX)
                .maxLength(image.caption(), "image.caption", "Caption", LeadImage.CAPTION_MAX)
                .maxLength(image.credit(), "image.credit", "Credit", LeadImage.CREDIT_MAX)
                .require(fits(image.width()), "image.width", "Image width must be between 1 and 20000")
                .require(fits(image.height()), "image.height", "Image height must be between 1 and 20000");
    }

    private static boolean fits(Integer side) {
        return side == null || side > 0 && side <= LeadImage.SIDE_MAX;
    }
}
