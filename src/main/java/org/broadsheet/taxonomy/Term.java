package org.broadsheet.taxonomy;

/** A section, tag or author: something articles are classified by, with a name and an address. */
public sealed interface Term permits Section, Tag, Author {

    long id();

    String slug();

    String name();

    /** The form that would make this term as it is: what an editor starts from. */
    TermForm form();
}
