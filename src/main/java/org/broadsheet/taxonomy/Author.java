package org.broadsheet.taxonomy;

import org.jspecify.annotations.Nullable;

/**
 * A byline: a person who writes for the site, with a job title, a short bio and a photo.
 *
 * @param photo a site-relative image path ({@code /assets/...}, {@code /media/...}), or null
 */
public record Author(
        long id,
        String slug,
        String name,
        String title,
        String bio,
        @Nullable String photo) implements Term {

    @Override
    public TermForm form() {
        return TermForm.author(slug, name, title, bio, photo);
    }
}
