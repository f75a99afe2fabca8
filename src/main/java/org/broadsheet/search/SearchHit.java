package org.broadsheet.search;

import java.util.List;
import org.broadsheet.web.DisplayDate;

/** A story a search found, as the results list shows it. */
public record SearchHit(
        long id,
        String url,
        String headline,
        String sectionName,
        String sectionUrl,
        DisplayDate published,
        List<String> authors,
        Snippet snippet) {

    public SearchHit {
        authors = List.copyOf(authors);
    }

    /** "Amara Okafor", "Amara Okafor and Daniel Reyes", "A, B and C"; empty without authors. */
    public String byline() {
        if (authors.size() <= 1) {
            return authors.isEmpty() ? "" : authors.get(0);
        }
        return String.join(", ", authors.subList(0, authors.size() - 1)) + " and " + authors.get(authors.size() - 1);
    }
}
