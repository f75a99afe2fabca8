package org.broadsheet.section;

/** A section as the newsroom lists it: with how many articles (of any status) it holds. */
public record SectionSummary(Section section, long articles) {}
