package org.broadsheet.web;

import java.util.function.IntFunction;

/**
 * The links between the pages of a paged list, reader and newsroom alike, numbered from 1.
 * {@code layout/pagination.jte} renders them; each list names the links ("« Newer stories").
 *
 * @param previousUrl the page before, or null on the first page
 * @param nextUrl     the page after, or null on the last page
 */
public record Pagination(int page, String previousUrl, String nextUrl) {

    /** Page {@code page} of a list; {@code url} gives the address of any page. */
    public static Pagination of(int page, boolean hasNext, IntFunction<String> url) {
        return new Pagination(page, page > 1 ? url.apply(page - 1) : null, hasNext ? url.apply(page + 1) : null);
    }

    /** Whether there is more than one page, so the links are worth showing. */
    public boolean isNeeded() {
        return previousUrl != null || nextUrl != null;
    }
}
