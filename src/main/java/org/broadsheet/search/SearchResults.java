package org.broadsheet.search;

import java.util.List;

/**
 * What a search found.
 *
 * @param outcome whether there was anything to search for, and what
 * @param hits    this page's stories, best first
 * @param total   how many stories were ranked: all that match, or {@link SearchService#MAX_RESULTS}
 *                when more do ({@code capped})
 * @param capped  whether more stories match than were ranked (only the newest are)
 * @param page    this page's number, from 1
 * @param perPage results per page
 */
public record SearchResults(Outcome outcome, List<SearchHit> hits, int total, boolean capped, int page, int perPage) {

    /** Whether the text gave the search something to look for. */
    public enum Outcome {
        /** Nothing was typed. */
        EMPTY,
        /** Only words too common to search for (stop words), or only punctuation. */
        NO_WORDS,
        /** Only words to leave out ({@code -word}): something to look for is missing. */
        ONLY_EXCLUDED,
        /** The search ran; {@code hits} may still be empty. */
        SEARCHED,
        /** The search ran too long and was stopped (a phrase of very common words, usually). */
        TOO_SLOW
    }

    public SearchResults {
        hits = List.copyOf(hits);
    }

    static SearchResults nothing(Outcome outcome, int perPage) {
        return new SearchResults(outcome, List.of(), 0, false, 1, perPage);
    }

    /** How many pages the ranked stories fill (at least one). */
    public int pages() {
        return Math.max(1, (total + perPage - 1) / perPage);
    }

    public boolean hasNext() {
        return page < pages();
    }
}
