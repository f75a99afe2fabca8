package org.broadsheet.wordpress;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.taxonomy.TermForm;
import org.broadsheet.web.Slugs;
import org.broadsheet.web.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The categories, tags and authors of one import, read from the file's head, and the sections,
 * tags and authors they became, made when a post first needs them and remembered for the run,
 * so a post costs no term query. A category becomes a section when it is some post's first, a
 * topic tag otherwise (possibly both). Not thread-safe; one per run.
 */
final class WxrTerms {

    record Named(String slug, String name, String description) {}

    /** Term meta of our own exports: a category that is a section (its position), a tag's kind. */
    static final String SECTION = "_broadsheet_section";

    static final String KIND = "_broadsheet_kind";

    private final SectionService sections;
    private final TagService tags;
    private final AuthorService authors;
    private final AccountService accounts;
    private final ImportReport report;
    private final boolean dryRun;
    private final Map<String, Named> categories = new HashMap<>();
    private final Map<String, Named> wpTags = new HashMap<>();
    private final Map<String, String> authorSlugs = new HashMap<>();
    private final Map<String, String> sectionSlugs = new HashMap<>();
    private final Map<String, String> tagSlugs = new HashMap<>();
    private final Map<String, String> tagKinds = new HashMap<>();

    WxrTerms(
            SectionService sections,
            TagService tags,
            AuthorService authors,
            AccountService accounts,
            ImportReport report,
            boolean dryRun) {
        this.accounts = accounts;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.report = report;
        this.dryRun = dryRun;
    }

    void category(WxrNode node) {
        String nicename = node.text("wp:category_nicename");
        String name = WxrBodies.unescape(node.text("wp:cat_name"));
        categories.put(nicename, new Named(slug(nicename, name), name, node.text("wp:category_description")));
        String parent = node.text("wp:category_parent");
        if (!parent.isBlank()) {
            report.note("category '" + name + "' was under '" + parent + "': flattened (it stands alone now)");
        }
        if (!WxrPost.meta(node, "wp:termmeta", SECTION).isEmpty()) {
            section(nicename, name); // one of our sections: made now, in the file's order, posts or not
        }
    }

    void tag(WxrNode node) {
        String slug = node.text("wp:tag_slug");
        String name = WxrBodies.unescape(node.text("wp:tag_name"));
        wpTags.put(slug, new Named(slug(slug, name), name, node.text("wp:tag_description")));
        List<String> kind = WxrPost.meta(node, "wp:termmeta", KIND);
        if (!kind.isEmpty()) {
            tagKinds.put(
                    slug, Tag.KINDS.contains(kind.get(0).strip()) ? kind.get(0).strip() : "topic");
            tag(slug, name, false); // one of our tags: made now, with its kind, posts or not
        }
    }

    /** Makes the author (or finds the one of the same slug, from an earlier run). */
    void author(WxrNode node) {
        String login = node.text("wp:author_login");
        String display = WxrBodies.unescape(node.text("wp:author_display_name"));
        String name = display.isBlank() ? login : display;
        String slug = slug(login, name);
        authorSlugs.put(login, slug);
        if (dryRun || authors.findBySlug(slug).isPresent()) {
            report.count("author", ImportReport.Outcome.SKIPPED);
            return;
        }
        String bio = WxrPost.cut(node.text("wp:author_description").strip(), TermForm.BIO_MAX);
        long id = authors.create(TermForm.author(slug, name, "", bio)).id();
        report.count("author", ImportReport.Outcome.IMPORTED);
        staff(node.text("wp:author_email").strip(), name, id);
    }

    /** A disabled staff account (no password) for an imported author with an email, as a contributor. */
    private void staff(String email, String name, long authorId) {
        if (email.isEmpty()) {
            return;
        }
        try {
            accounts.importDisabled(email, WxrPost.cut(name, AccountService.NAME_MAX), Role.CONTRIBUTOR, authorId);
            report.count("staff", ImportReport.Outcome.IMPORTED);
        } catch (ValidationException e) {
            report.count("staff", ImportReport.Outcome.SKIPPED);
            report.note("author '" + name + "': no staff account made (" + ImportRun.reason(e) + ")");
        }
    }

    /** The author's slug, or null when the file names no such author. */
    @Nullable
    String authorSlug(String login) {
        return authorSlugs.get(login);
    }

    /** The author for posts whose author the file does not list, made on first need. */
    String unknownAuthor(String slug) {
        if (authorSlugs.put("\u0000unknown", slug) == null
                && !dryRun
                && authors.findBySlug(slug).isEmpty()) {
            authors.create(TermForm.author(slug, "Unknown author", "", ""));
        }
        return slug;
    }

    /** The section a post's first category {@code nicename} ({@code name} in the item) stands for. */
    String section(String nicename, String name) {
        return sectionSlugs.computeIfAbsent(nicename, n -> {
            Named category = categories.getOrDefault(n, new Named(slug(n, name), WxrBodies.unescape(name), ""));
            if (!dryRun && sections.findBySlug(category.slug()).isEmpty()) {
                sections.create(TermForm.section(category.slug(), category.name(), category.description()));
                report.count("section", ImportReport.Outcome.IMPORTED);
            }
            return category.slug();
        });
    }

    /** The tag a category ({@code category}) or post tag stands for. */
    String tag(String nicename, String name, boolean category) {
        return tagSlugs.computeIfAbsent((category ? "c:" : "t:") + nicename, key -> {
            Named term = (category ? categories : wpTags)
                    .getOrDefault(nicename, new Named(slug(nicename, name), WxrBodies.unescape(name), ""));
            if (!dryRun && tags.findBySlug(term.slug()).isEmpty()) {
                String kind = category ? "topic" : tagKinds.getOrDefault(nicename, "topic");
                tags.create(TermForm.tag(term.slug(), term.name(), kind, term.description()));
                report.count("tag", ImportReport.Outcome.IMPORTED);
            }
            return term.slug();
        });
    }

    /** WordPress's slug when it is one of ours, else one made from the name (non-ASCII slugs come percent-encoded). */
    static String slug(String wordpress, String name) {
        String lower = wordpress.strip().toLowerCase(java.util.Locale.ROOT);
        return Slugs.isValid(lower) ? lower : Slugs.from(name.isBlank() ? wordpress : name);
    }
}
