package org.broadsheet.web;

/**
 * Newer/older links of a paginated list, newest first.
 *
 * @param newerUrl the previous (newer) page, or null on the first page
 * @param olderUrl the next (older) page, or null on the last page
 */
public record Pagination(int page, String newerUrl, String olderUrl) {

    public boolean isNeeded() {
        return newerUrl != null || olderUrl != null;
    }
}
