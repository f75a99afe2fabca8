package org.broadsheet.tag;

/** A tag as the newsroom lists it: with how many articles (of any status) carry it. */
public record TagSummary(Tag tag, long articles) {}
