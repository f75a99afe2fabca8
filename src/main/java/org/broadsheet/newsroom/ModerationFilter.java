package org.broadsheet.newsroom;

import org.broadsheet.comment.CommentStatus;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.PageNumber;
import org.broadsheet.web.TextSearch;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Which part of the moderation queue is shown: a status tab ({@code pending} unless asked
 * otherwise, or {@code all}), a search and a page. It travels in the query string of the
 * queue and as hidden fields of its forms, so an action lands back where it was made.
 */
public record ModerationFilter(String status, String search, int page) {

    public static final String ALL = "all";
    static final String DEFAULT = "pending";

    public ModerationFilter {
        search = TextSearch.normalise(search);
    }

    /** From request parameters: an unknown status or page number is a 404, as for reader pages. */
    static ModerationFilter parse(String status, String search, String page) {
        String s = status == null || status.isBlank() ? DEFAULT : status;
        if (!s.equals(ALL) && CommentStatus.fromKey(s).isEmpty()) {
            throw new NotFoundException("No comment status " + s);
        }
        return new ModerationFilter(s, search, page == null || page.isBlank() ? 1 : PageNumber.parse(page));
    }

    /** The status to list, or null for all. */
    public CommentStatus commentStatus() {
        return status.equals(ALL) ? null : CommentStatus.fromKey(status).orElseThrow();
    }

    public String searchOrEmpty() {
        return search == null ? "" : search;
    }

    public String url() {
        return url(status, page);
    }

    public String url(int page) {
        return url(status, page);
    }

    /** The same tab without the search. */
    public String clearSearchUrl() {
        return new ModerationFilter(status, null, 1).url();
    }

    /** The queue with another status tab, same search, first page. */
    public String tabUrl(String status) {
        return url(status, 1);
    }

    private String url(String status, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(NewsroomUrls.COMMENTS);
        if (!status.equals(DEFAULT)) {
            url.queryParam("status", status);
        }
        if (search != null) {
            url.queryParam("q", search);
        }
        if (page > 1) {
            url.queryParam("page", page);
        }
        return url.encode().build().toUriString();
    }
}
