package org.broadsheet.taxonomy;

import java.util.List;

/**
 * What a story is about, across sections: a topic, person, place or organisation.
 *
 * @param kind        one of {@link #KINDS}
 * @param description what the tag is about, written by editors for its page; may be empty
 */
public record Tag(long id, String slug, String name, String kind, String description) implements Term {

    /** The kinds a tag may have, in the order forms offer them. */
    public static final List<String> KINDS = List.of("topic", "person", "place", "organisation");

    @Override
    public TermForm form() {
        return TermForm.tag(slug, name, kind, description);
    }

    /** The kind as readers see it: "Topic", "Person", "Place" or "Organisation". */
    public String kindLabel() {
        return label(kind);
    }

    /** {@code kind} as readers see it. */
    public static String label(String kind) {
        return kind.isEmpty() ? kind : Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }
}
