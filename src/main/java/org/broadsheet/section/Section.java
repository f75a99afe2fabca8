package org.broadsheet.section;

/** A desk's part of the site ("Americas"); every article belongs to exactly one. */
public record Section(long id, String slug, String name, String description, int position) {}
