package org.broadsheet.article;

import java.util.List;
import org.broadsheet.web.DisplayDate;

/**
 * One saved version of an article, for the revision list.
 *
 * @param number       the article's version this revision holds (1, 2, 3, ...)
 * @param staffId      who saved it, or null (an import, the system)
 * @param staffName    their name, or null
 * @param restoredFrom for a restore, the revision it brought back; else null
 * @param changes      the fields that differ from the revision before ("Headline", "Body", ...)
 * @param headline     the headline it had
 */
public record RevisionSummary(
        int number,
        DisplayDate at,
        Long staffId,
        String staffName,
        RevisionKind kind,
        Integer restoredFrom,
        List<String> changes,
        String headline) {}
