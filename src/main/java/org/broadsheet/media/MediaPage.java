package org.broadsheet.media;

import java.util.List;

/**
 * One page of the library, newest first.
 *
 * @param page  from 1
 * @param total how many images match the search in all
 */
public record MediaPage(List<MediaItem> items, int page, int size, long total) {

    public boolean hasNewer() {
        return page > 1;
    }

    public boolean hasOlder() {
        return (long) page * size < total;
    }
}
