package org.broadsheet.taxonomy;

/** A term as the newsroom lists it: with how many articles (of any status) use it. */
public record TermSummary<T extends Term>(T term, long articles) {}
