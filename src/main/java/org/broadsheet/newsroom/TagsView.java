package org.broadsheet.newsroom;

import java.util.List;
import org.broadsheet.tag.Tag;
import org.broadsheet.tag.TagSummary;
import org.broadsheet.web.ResultPage;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The tags pages' view: a page of tags (on the list, with its search), or the tag being
 * edited, and the form.
 *
 * @param search  the search typed, or null
 * @param editing the tag being edited, or null on the list
 */
public record TagsView(ResultPage<TagSummary> tags, String search, Tag editing, StaffForm form) {

    public List<String> kinds() {
        return Tag.KINDS;
    }

    public String previousUrl() {
        return tags.hasPrevious() ? url(tags.page() - 1) : null;
    }

    public String nextUrl() {
        return tags.hasNext() ? url(tags.page() + 1) : null;
    }

    private String url(int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/newsroom/tags");
        if (search != null) {
            url.queryParam("q", search);
        }
        if (page > 1) {
            url.queryParam("page", page);
        }
        return url.encode().build().toUriString();
    }
}
