package org.broadsheet.author;

/** An author as the newsroom lists them: with how many articles (of any status) carry their byline. */
public record AuthorSummary(Author author, long articles) {}
