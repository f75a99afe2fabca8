package org.broadsheet.taxonomy;

import java.util.List;

/** What a story is about, across sections: a topic, person, place or organisation. */
public record Tag(long id, String slug, String name, String kind) implements Term {

    /** The kinds a tag may have, in the order forms offer them. */
    public static final List<String> KINDS = List.of("topic", "person", "place", "organisation");

    @Override
    public TermForm form() {
        return TermForm.tag(slug, name, kind);
    }
}
