package org.broadsheet.taxonomy;

import org.jspecify.annotations.Nullable;

/**
 * What a new or changed section, tag or author is made from. Each taxonomy reads the fields it
 * owns and ignores the rest; the factories name them.
 *
 * @param slug        blank to make one from the name
 * @param description a section's description
 * @param kind        a tag's kind ({@link Tag#KINDS}; "topic" when blank)
 * @param title       an author's job title
 * @param bio         an author's bio
 * @param photo       an author's photo: a site-relative image path such as
 *                    {@code /media/2026/06/amara.jpg}; blank for none
 */
public record TermForm(
        @Nullable String slug,
        @Nullable String name,
        @Nullable String description,
        @Nullable String kind,
        @Nullable String title,
        @Nullable String bio,
        @Nullable String photo) {

    public static final int SLUG_MAX = 120;
    public static final int DESCRIPTION_MAX = 300;
    public static final int TITLE_MAX = 120;
    public static final int BIO_MAX = 1000;
    public static final int PHOTO_MAX = 500;

    public static TermForm section(@Nullable String slug, @Nullable String name, @Nullable String description) {
        return new TermForm(slug, name, description, null, null, null, null);
    }

    public static TermForm tag(@Nullable String slug, @Nullable String name, @Nullable String kind) {
        return tag(slug, name, kind, "");
    }

    public static TermForm tag(
            @Nullable String slug, @Nullable String name, @Nullable String kind, @Nullable String description) {
        return new TermForm(slug, name, description, kind, null, null, null);
    }

    public static TermForm author(
            @Nullable String slug,
            @Nullable String name,
            @Nullable String title,
            @Nullable String bio,
            @Nullable String photo) {
        return new TermForm(slug, name, null, null, title, bio, photo);
    }

    public static TermForm author(
            @Nullable String slug, @Nullable String name, @Nullable String title, @Nullable String bio) {
        return author(slug, name, title, bio, null);
    }

    TermForm withSlug(@Nullable String newSlug) {
        return new TermForm(newSlug, name, description, kind, title, bio, photo);
    }

    /** {@code text} stripped; empty for null. */
    static String text(@Nullable String text) {
        return text == null ? "" : text.strip();
    }
}
