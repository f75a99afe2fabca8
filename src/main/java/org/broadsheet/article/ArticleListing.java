package org.broadsheet.article;

import java.util.List;

/** One page of the newsroom's article list, most recently changed first, and how many match in all. */
public record ArticleListing(List<ArticleSummary> articles, int page, int pageSize, long total) {

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return (long) page * pageSize < total;
    }

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
