package org.broadsheet.web;

import java.util.List;
import java.util.function.IntFunction;

/**
 * One page of a longer list, numbered from 1, as the newsroom's tables show it.
 *
 * @param total how many items the whole list holds
 */
public record ResultPage<T>(List<T> items, long total, int page, int pageSize) {

    public ResultPage {
        items = List.copyOf(items);
    }

    /** How many pages the whole list fills (at least one, even when empty). */
    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    /** The links to the pages before and after this one; {@code url} gives the address of any page. */
    public Pagination pagination(IntFunction<String> url) {
        return Pagination.of(page, page < pages(), url);
    }

    /** The offset of this page's first item, for {@code offset} in SQL. */
    public static long offset(int page, int pageSize) {
        return (long) (Math.max(page, 1) - 1) * pageSize;
    }
}
