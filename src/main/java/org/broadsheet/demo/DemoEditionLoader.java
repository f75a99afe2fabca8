package org.broadsheet.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleSaved;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.LeadImage;
import org.broadsheet.article.NoteKind;
import org.broadsheet.comment.CommentForm;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.platform.ClusterLock;
import org.broadsheet.taxonomy.Author;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.taxonomy.TermForm;
import org.broadsheet.web.Slugs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo edition shipped in {@code classpath:demo/}: sections, authors, tags and
 * articles, all through the services, so the demo obeys the same rules as the newsroom.
 *
 * <p>Files: {@code sections.txt} ({@code slug | Name | description}), {@code authors.txt}
 * ({@code slug | Name | title | bio}), {@code tags.txt} ({@code slug | Name | kind}) and
 * {@code articles/*.md}: {@code key: value} header lines, a {@code ---} line, the Markdown body.
 */
@Component
class DemoEditionLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoEditionLoader.class);
    private static final String ARTICLE_FILES = "classpath:demo/articles/*.md";

    private final SectionService sections;
    private final AuthorService authors;
    private final TagService tags;
    private final ArticleService articles;
    private final ArticleWorkflow workflow;
    private final CommentService comments;
    private final AccountService accounts;
    private final ClusterLock lock;

    DemoEditionLoader(
            SectionService sections,
            AuthorService authors,
            TagService tags,
            ArticleService articles,
            ArticleWorkflow workflow,
            CommentService comments,
            AccountService accounts,
            ClusterLock lock) {
        this.sections = sections;
        this.authors = authors;
        this.tags = tags;
        this.articles = articles;
        this.workflow = workflow;
        this.comments = comments;
        this.accounts = accounts;
        this.lock = lock;
    }

    /**
     * Loads the edition in one transaction (all of it or, on any error, none of it) into a site
     * with no sections and no articles; returns how many articles it loaded, 0 for a site that
     * has content. Nodes starting together on one empty database each call it: the lock lets
     * one load while the others wait, and they then find the edition there (read afresh, not
     * from the kept section list, which would stay empty on them until its time to live).
     */
    @Transactional
    public int loadIntoEmptySite() {
        lock.holdUntilTransactionEnds("broadsheet.demo");
        if (articles.count() > 0 || !sections.summaries().isEmpty()) {
            return 0;
        }
        for (String[] f : table("demo/sections.txt", 3)) {
            sections.create(TermForm.section(f[0], f[1], f[2]));
        }
        for (String[] f : table("demo/authors.txt", 4)) {
            authors.create(TermForm.author(f[0], f[1], f[2], f[3]));
        }
        for (String[] f : table("demo/tags.txt", 4)) {
            tags.create(TermForm.tag(f[0], f[1], f[2], f.length > 3 ? f[3] : ""));
        }
        List<DemoArticle> edition = readArticles();
        // Oldest first, in two passes, so that every story reference finds its target.
        edition.sort(Comparator.comparing(DemoArticle::published));
        Map<String, Long> ids = new LinkedHashMap<>();
        for (DemoArticle a : edition) {
            ArticleSaved saved = articles.importPublished(a.form(), a.published(), a.updated());
            ids.put(a.form().slug(), saved.id());
        }
        for (DemoArticle a : edition) {
            long id = ids.get(a.form().slug());
            articles.rerender(id)
                    .forEach(w -> log.warn("Demo article {}: {}", a.form().slug(), w));
            a.notes().forEach(n -> workflow.addNote(id, n.kind(), n.text(), n.at()));
        }
        loadComments(ids, edition);
        return edition.size();
    }

    /** A demo staff member and the random password made for them, to be printed once. */
    record DemoStaff(String email, Role role, String password) {}

    /**
     * {@code staff.txt}: one newsroom account per role, each with a random password (there is
     * no default password, not even in the demo). Only on a site with no staff yet.
     */
    @Transactional
    public List<DemoStaff> loadStaff() {
        if (accounts.hasStaff()) {
            return List.of();
        }
        List<DemoStaff> created = new ArrayList<>();
        for (String[] f : table("demo/staff.txt", 4)) {
            Role role = Role.fromKey(f[2]);
            Long byline = "-".equals(f[3])
                    ? null
                    : authors.findBySlug(f[3]).map(Author::id).orElseThrow();
            String password = accounts.randomPassword();
            accounts.create(f[0], f[1], role, byline, password);
            created.add(new DemoStaff(f[0], role, password));
        }
        return created;
    }

    /** {@code comments.txt}: approved reader comments (and staff replies), threaded by local labels. */
    private void loadComments(Map<String, Long> ids, List<DemoArticle> edition) {
        Map<String, Instant> published = new LinkedHashMap<>();
        edition.forEach(a -> published.put(a.form().slug(), a.published()));
        Map<String, Long> refs = new LinkedHashMap<>();
        for (String[] f : table("demo/comments.txt", 7)) {
            Long parent = "-".equals(f[2]) ? null : refs.get(f[2]);
            boolean staff = "staff".equals(f[4]);
            String website = "-".equals(f[4]) || staff ? null : f[4];
            String email = Slugs.from(f[3]) + (staff ? "@broadsheet.example" : "@readers.example");
            CommentForm form = new CommentForm(f[3], email, website, f[6].replace("\\n", "\n"), parent);
            Instant at = published.get(f[0]).plus(Duration.ofMinutes(Long.parseLong(f[5])));
            refs.put(
                    f[1],
                    comments.importComment(ids.get(f[0]), form, CommentStatus.APPROVED, staff, at)
                            .id());
        }
    }

    record DemoNote(NoteKind kind, Instant at, String text) {}

    record DemoArticle(ArticleForm form, Instant published, Instant updated, List<DemoNote> notes) {}

    private List<DemoArticle> readArticles() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(ARTICLE_FILES);
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            List<DemoArticle> list = new ArrayList<>();
            for (Resource file : files) {
                list.add(parse(read(file)));
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DemoArticle parse(String text) {
        int split = text.indexOf("\n---\n");
        if (split < 0) {
            throw new IllegalArgumentException("A demo article needs a header, a --- line and a body");
        }
        Map<String, String> header = new LinkedHashMap<>();
        List<DemoNote> notes = new ArrayList<>();
        for (String line : text.substring(0, split).split("\n")) {
            int colon = line.indexOf(':');
            if (line.isBlank() || colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "correction" -> notes.add(note(NoteKind.CORRECTION, value));
                case "note" -> notes.add(note(NoteKind.UPDATE, value));
                default -> header.put(key, value);
            }
        }
        ArticleForm form = articleForm(header, text.substring(split + 5).strip() + "\n");
        Instant published = Instant.parse(header.get("published"));
        Instant updated = header.containsKey("updated") ? Instant.parse(header.get("updated")) : published;
        return new DemoArticle(form, published, updated, notes);
    }

    private static ArticleForm articleForm(Map<String, String> header, String body) {
        LeadImage image = leadImage(header);
        return new ArticleForm(
                header.get("slug"),
                header.get("headline"),
                header.get("standfirst"),
                body,
                header.get("section"),
                list(header.get("authors")),
                list(header.get("tags")),
                image);
    }

    private static LeadImage leadImage(Map<String, String> header) {
        if (!header.containsKey("image")) {
            return null;
        }
        String[] size = header.getOrDefault("image-size", "1200x675").split("x");
        return new LeadImage(
                header.get("image"),
                header.get("image-alt"),
                header.get("image-caption"),
                header.get("image-credit"),
                Integer.valueOf(size[0]),
                Integer.valueOf(size[1]));
    }

    private static DemoNote note(NoteKind kind, String value) {
        int bar = value.indexOf('|');
        return new DemoNote(
                kind,
                Instant.parse(value.substring(0, bar).strip()),
                value.substring(bar + 1).strip());
    }

    private static List<String> list(String value) {
        return value == null || value.isBlank()
                ? List.of()
                : Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    private static List<String[]> table(String path, int columns) {
        try {
            Resource resource = new PathMatchingResourcePatternResolver().getResource("classpath:" + path);
            return read(resource)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> Arrays.stream(line.split("\\|", columns))
                            .map(String::strip)
                            .toArray(String[]::new))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
    }
}
