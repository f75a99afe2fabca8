package org.broadsheet.author;

/**
 * What a new or changed author is made from.
 *
 * @param photo a site-relative image path such as {@code /media/2026/06/amara.jpg}; blank for none
 */
public record AuthorForm(String slug, String name, String title, String bio, String photo) {

    public AuthorForm(String slug, String name, String title, String bio) {
        this(slug, name, title, bio, null);
    }
}
