package org.broadsheet.tag;

/** What a story is about, across sections: a topic, person, place or organisation. */
public record Tag(long id, String slug, String name, String kind) {

    public static final java.util.Set<String> KINDS = java.util.Set.of("topic", "person", "place", "organisation");
}
