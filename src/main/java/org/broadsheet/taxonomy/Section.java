package org.broadsheet.taxonomy;

/** A desk's part of the site ("Americas"); every article belongs to exactly one. */
public record Section(long id, String slug, String name, String description, int position) implements Term {

    @Override
    public TermForm form() {
        return TermForm.section(slug, name, description);
    }
}
