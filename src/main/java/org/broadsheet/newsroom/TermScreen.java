package org.broadsheet.newsroom;

import java.util.ArrayList;
import java.util.List;
import org.broadsheet.taxonomy.Author;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.Taxonomy;
import org.broadsheet.taxonomy.Term;
import org.broadsheet.taxonomy.TermForm;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.Slugs;

/**
 * What the newsroom's management pages say and ask about each taxonomy: its words, the
 * column that tells its terms apart, and its form's fields (besides the name and slug every
 * taxonomy has). One set of templates ({@code newsroom/taxonomy/}) renders all three.
 */
public enum TermScreen {
    SECTIONS(
            Taxonomy.SECTION,
            "section",
            "a section",
            null,
            "The section's address",
            "Only a section without articles can be deleted; move its articles to another section first.",
            "View the section"),
    TAGS(
            Taxonomy.TAG,
            "tag",
            "a tag",
            "Kind",
            "The topic page's address, /tag/slug",
            "Only a tag that no article carries can be deleted.",
            "View the topic page"),
    AUTHORS(
            Taxonomy.AUTHOR,
            "author",
            "an author",
            "Job title",
            "The author page's address, /author/slug",
            "Only an author with no bylines, whom no staff account writes as, can be deleted.",
            "View the author page");

    private final Taxonomy taxonomy;
    private final String noun;
    private final String withArticle;
    private final String detailHeading;
    private final String slugHint;
    private final String deleteRule;
    private final String viewLink;

    TermScreen(
            Taxonomy taxonomy,
            String noun,
            String withArticle,
            String detailHeading,
            String slugHint,
            String deleteRule,
            String viewLink) {
        this.taxonomy = taxonomy;
        this.noun = noun;
        this.withArticle = withArticle;
        this.detailHeading = detailHeading;
        this.slugHint = slugHint;
        this.deleteRule = deleteRule;
        this.viewLink = viewLink;
    }

    static TermScreen of(Taxonomy taxonomy) {
        return values()[taxonomy.ordinal()];
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** The newsroom's list of its terms. */
    public String listUrl() {
        return NewsroomUrls.terms(taxonomy.plural());
    }

    /** "Sections". */
    public String title() {
        return taxonomy.label() + "s";
    }

    /** "Add a section". */
    public String addHeading() {
        return "Add " + withArticle;
    }

    /** "Add the section". */
    public String addButton() {
        return "Add the " + noun;
    }

    /** "All sections". */
    public String allLink() {
        return "All " + taxonomy.plural();
    }

    /** "Delete the section". */
    public String deleteHeading() {
        return "Delete the " + noun;
    }

    public String deleteRule() {
        return deleteRule;
    }

    public String viewLink() {
        return viewLink;
    }

    /** The heading of the column that tells terms apart (a tag's kind, an author's job title), or null. */
    public String detailHeading() {
        return detailHeading;
    }

    /** That column's value for {@code term}. */
    public String detail(Term term) {
        return term instanceof Tag tag ? tag.kind() : term instanceof Author author ? author.title() : null;
    }

    /** Sections are listed in navigation order and can be moved; the others by name. */
    public boolean ordered() {
        return taxonomy == Taxonomy.SECTION;
    }

    /** Tags are many: their list is searched and paged. */
    public boolean searchable() {
        return taxonomy == Taxonomy.TAG;
    }

    /** How messages name a term: people by their name, the others in quotes ("Section “Asia”"). */
    public String named(Term term) {
        return taxonomy == Taxonomy.AUTHOR ? term.name() : "“" + term.name() + "”";
    }

    /** The confirmation a delete button asks for. */
    public String deleteConfirm(Term term) {
        return "Delete the " + noun + " " + named(term) + "?";
    }

    /** The form's fields: the name and slug, then the taxonomy's own. */
    public List<FormField> fields(boolean creating) {
        List<FormField> fields = new ArrayList<>();
        fields.add(FormField.text("name", "Name", taxonomy.nameMax()).asRequired());
        fields.add(FormField.text("slug", "Slug", TermForm.SLUG_MAX)
                .pattern(Slugs.HTML_PATTERN)
                .hint(slugHint + ": lower-case words joined by hyphens."
                        + (creating
                                ? " Leave it empty to make one from the name."
                                : " If you change it, the old address keeps working and leads here.")));
        fields.addAll(ownFields());
        return fields;
    }

    private List<FormField> ownFields() {
        return switch (this) {
            case SECTIONS ->
                List.of(FormField.textarea("description", "Description", 3, TermForm.DESCRIPTION_MAX)
                        .hint("One or two sentences, shown at the top of the section's page and to search engines."));
            case TAGS ->
                List.of(
                        FormField.select(
                                "kind",
                                "Kind",
                                Tag.KINDS.stream()
                                        .map(k -> new FormField.Option(k, Tag.label(k)))
                                        .toList()),
                        FormField.textarea("description", "Description", 3, TermForm.DESCRIPTION_MAX)
                                .hint("One or two sentences, shown at the top of the tag's page."));
            case AUTHORS ->
                List.of(
                        FormField.text("title", "Job title", TermForm.TITLE_MAX),
                        FormField.textarea("bio", "Bio", 4, TermForm.BIO_MAX),
                        FormField.text("photo", "Photo", TermForm.PHOTO_MAX)
                                .hint("The path of an image on this site, such as /media/2026/06/portrait.jpg; "
                                        + "leave it empty for none."));
        };
    }

    /** The list's caption. */
    public String caption(long total, int page, int pages) {
        return switch (this) {
            case SECTIONS -> "Sections in navigation order";
            case TAGS -> "Tags by name: " + total + " in all, page " + page + " of " + pages;
            case AUTHORS -> "Authors by name";
        };
    }

    /** The picture an edit page shows above the form: an author's photo on file, or null. */
    public String photo(Term term) {
        return term instanceof Author author ? author.photo() : null;
    }
}
