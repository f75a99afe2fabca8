package org.broadsheet.section;

/** What a new or changed section is made from. */
public record SectionForm(String slug, String name, String description, Integer position) {}
