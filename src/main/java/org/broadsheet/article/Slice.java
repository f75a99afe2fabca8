package org.broadsheet.article;

import java.util.List;

/** One page of a newest-first list, and whether an older page follows. */
public record Slice(List<Teaser> items, boolean hasOlder) {}
