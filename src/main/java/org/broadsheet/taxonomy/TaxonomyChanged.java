package org.broadsheet.taxonomy;

import org.broadsheet.platform.ClusterEvent;

/**
 * A section, tag or author was created, renamed, given a new slug, moved in the navigation
 * or deleted. Names, addresses and the navigation appear on many reader pages at once, so
 * reader caches listening to it drop what they hold (at once, and again when the writing
 * transaction ends), on every node.
 *
 * @param id the term that changed, or 0 when several did (sections put in a new order)
 */
public record TaxonomyChanged(Taxonomy taxonomy, long id) implements ClusterEvent {

    /** Whether article addresses may have changed (a section's slug is part of every permalink in it). */
    public boolean changesPermalinks() {
        return taxonomy == Taxonomy.SECTION;
    }
}
