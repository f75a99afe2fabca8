package org.broadsheet.web;

import java.util.List;

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

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /** The offset of this page's first item, for {@code offset} in SQL. */
    public static long offset(int page, int pageSize) {
        return (long) (Math.max(page, 1) - 1) * pageSize;
    }
}
