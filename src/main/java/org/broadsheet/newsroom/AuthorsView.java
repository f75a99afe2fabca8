package org.broadsheet.newsroom;

import java.util.List;
import org.broadsheet.author.Author;
import org.broadsheet.author.AuthorSummary;

/**
 * The authors pages' view: every author (on the list), or the one being edited, and the form.
 *
 * @param editing the author being edited, or null on the list
 */
public record AuthorsView(List<AuthorSummary> authors, Author editing, StaffForm form) {}
