package org.broadsheet.tag;

/** What a new tag is made from; {@code kind} defaults to "topic". */
public record TagForm(String slug, String name, String kind) {}
