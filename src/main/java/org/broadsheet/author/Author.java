package org.broadsheet.author;

/** A byline: a person who writes for the site, with a job title and a short bio. */
public record Author(long id, String slug, String name, String title, String bio) {
}
