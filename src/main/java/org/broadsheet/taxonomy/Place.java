package org.broadsheet.taxonomy;

/**
 * A place the gazetteer knows: a country (by its English name, or the name the newsroom uses)
 * or a capital, with the slug its place tag has.
 */
public record Place(String slug, String name) {}
