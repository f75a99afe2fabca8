package org.broadsheet.author;

/** What a new author is made from. */
public record AuthorForm(String slug, String name, String title, String bio) {
}
