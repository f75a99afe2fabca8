package org.broadsheet.taxonomy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three ways articles are classified. Each names its table (and the {@code {table}_slug}
 * table of former slugs), how articles use it, and its place in the newsroom's addresses.
 */
public enum Taxonomy {
    SECTION("section", "sections", "Section", "article", "section_id", "position, name", 80),
    TAG("tag", "tags", "Tag", "article_tag", "tag_id", "lower(name), id", 80),
    AUTHOR("author", "authors", "Author", "article_author", "author_id", "lower(name), id", 120);

    private final String table;
    private final String plural;
    private final String label;
    private final String usageTable;
    private final String usageColumn;
    private final String order;
    private final int nameMax;

    Taxonomy(
            String table,
            String plural,
            String label,
            String usageTable,
            String usageColumn,
            String order,
            int nameMax) {
        this.table = table;
        this.plural = plural;
        this.label = label;
        this.usageTable = usageTable;
        this.usageColumn = usageColumn;
        this.order = order;
        this.nameMax = nameMax;
    }

    /** The taxonomy whose plural is {@code plural} ("sections"), if any. */
    public static Optional<Taxonomy> fromPlural(String plural) {
        return Arrays.stream(values()).filter(t -> t.plural.equals(plural)).findFirst();
    }

    /** The table holding its terms ({@code section}); never input, so safe to put in SQL. */
    String table() {
        return table;
    }

    /** "sections", "tags", "authors": the newsroom's address for the list. */
    public String plural() {
        return plural;
    }

    /** "Section", "Tag", "Author". */
    public String label() {
        return label;
    }

    /** The table and column that refer to a term from an article (for counts). */
    String usageTable() {
        return usageTable;
    }

    String usageColumn() {
        return usageColumn;
    }

    /** How lists of its terms are ordered, in SQL. */
    String order() {
        return order;
    }

    /** The longest name a term may have. */
    public int nameMax() {
        return nameMax;
    }
}
