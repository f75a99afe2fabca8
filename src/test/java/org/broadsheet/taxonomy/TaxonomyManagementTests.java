package org.broadsheet.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Stories;
import org.broadsheet.testkit.Unique;
import org.broadsheet.web.NavLink;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.ResultPage;
import org.broadsheet.web.SiteNavigation;
import org.broadsheet.web.Slugs;
import org.broadsheet.web.ValidationException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sections, tags and authors as the newsroom changes them: what they share (renames keep old
 * addresses and show at once, slugs made from names, a live slug beats a former one, changes
 * checked like a create, terms in use stay) for all three, then what each has of its own.
 * Every test works on terms and stories made for it alone, and rolls back: the navigation,
 * which every page shows, is never left changed.
 */
@BroadsheetTest
@Transactional
class TaxonomyManagementTests extends SiteTest {

    @Autowired
    Taxonomies taxonomies;

    /** A new term of {@code taxonomy}, named after {@code name} and unique. */
    private Term create(Taxonomy taxonomy, String name) {
        return service(taxonomy).create(form(taxonomy, Unique.slug(Slugs.from(name)), name));
    }

    private static TermForm form(Taxonomy taxonomy, String slug, String name) {
        return switch (taxonomy) {
            case SECTION -> TermForm.section(slug, name, "About " + name + ".");
            case TAG -> TermForm.tag(slug, name, "topic");
            case AUTHOR -> TermForm.author(slug, name, "Reporter", "Writes about " + name + ".");
        };
    }

    private TermService<?> service(Taxonomy taxonomy) {
        return taxonomies.of(taxonomy);
    }

    private Optional<Term> find(Taxonomy taxonomy, long id) {
        return service(taxonomy).findById(id).map(Term.class::cast);
    }

    /** A published story classified by {@code term}. */
    private ArticleView publishWith(Term term) {
        ArticleForm form = stories.form("A story for " + term.name());
        if (term instanceof Section) {
            return stories.publish(form.withSection(term.slug()));
        }
        return stories.publish(
                term instanceof Tag ? form.withTags(List.of(term.slug())) : form.withAuthors(List.of(term.slug())));
    }

    /** The names of the story's terms of this taxonomy, as readers see them. */
    private static List<String> namesOn(ArticleView story, Taxonomy taxonomy) {
        Function<ArticleView.Link, String> name = ArticleView.Link::name;
        return switch (taxonomy) {
            case SECTION -> List.of(story.sectionName());
            case TAG -> story.tags().stream().map(name).toList();
            case AUTHOR -> story.authors().stream().map(name).toList();
        };
    }

    private static String readerPath(Taxonomy taxonomy, String slug) {
        return switch (taxonomy) {
            case SECTION -> "/" + slug;
            case TAG -> "/tag/" + slug;
            case AUTHOR -> "/author/" + slug;
        };
    }

    @ParameterizedTest
    @EnumSource(Taxonomy.class)
    void aRenamedTermShowsAtOnceAndItsOldAddressesAnswer301(Taxonomy taxonomy) {
        Term before = create(taxonomy, "Polar desk");
        ArticleView story = publishWith(before);
        assertThat(namesOn(story, taxonomy)).containsExactly(before.name());
        assertThat(site.status(readerPath(taxonomy, before.slug()))).isEqualTo(200);

        String newSlug = Unique.slug("poles");
        Term after = service(taxonomy).update(before.id(), form(taxonomy, newSlug, "Poles"));

        assertThat(after.slug()).isEqualTo(newSlug);
        assertThat(namesOn(stories.view(story.id()), taxonomy))
                .as("cached article views forgotten")
                .containsExactly("Poles");
        MockHttpServletResponse old = site.get(readerPath(taxonomy, before.slug()));
        assertThat(old.getStatus()).isEqualTo(301);
        assertThat(old.getRedirectedUrl()).isEqualTo(readerPath(taxonomy, newSlug));
        assertThat(site.get(readerPath(taxonomy, before.slug()) + "/page/2").getRedirectedUrl())
                .isEqualTo(readerPath(taxonomy, newSlug) + "/page/2");
        assertThat(site.page(readerPath(taxonomy, newSlug)).selectFirst("h1").text())
                .isEqualTo("Poles");
    }

    @ParameterizedTest
    @EnumSource(Taxonomy.class)
    void aBlankSlugIsMadeFromTheName(Taxonomy taxonomy) {
        String name = Unique.name("Île de Ré");
        Term made = service(taxonomy).create(form(taxonomy, " ", name));
        assertThat(made.slug()).isEqualTo(Slugs.from(name)).startsWith("ile-de-re-");
        service(taxonomy).delete(made.id());
    }

    @ParameterizedTest
    @EnumSource(Taxonomy.class)
    void aLiveSlugWinsOverAFormerOne(Taxonomy taxonomy) {
        Term first = create(taxonomy, "First holder");
        String slug = first.slug();
        service(taxonomy).update(first.id(), form(taxonomy, Unique.slug("renamed"), "First holder"));
        Term second = service(taxonomy).create(form(taxonomy, slug, "Second holder"));

        assertThat(site.page(readerPath(taxonomy, slug)).selectFirst("h1").text())
                .isEqualTo("Second holder");
        assertThat(service(taxonomy).movedTo(readerPath(taxonomy, slug))).isEmpty();
        service(taxonomy).delete(second.id());
        assertThat(site.status(readerPath(taxonomy, slug)))
                .as("no redirect left behind")
                .isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Taxonomy.class)
    void changesAreCheckedLikeACreate(Taxonomy taxonomy) {
        Term term = create(taxonomy, "Checked");
        Term other = create(taxonomy, "Other");
        assertThatThrownBy(() -> service(taxonomy).update(term.id(), form(taxonomy, other.slug(), "Checked")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("slug: Another " + taxonomy.name().toLowerCase() + " already uses that slug");
        assertThatThrownBy(() -> service(taxonomy).update(term.id(), form(taxonomy, "Not A Slug", " ")))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(ValidationException.Problem::field)
                                .containsExactly("slug", "name"));
        assertThat(find(taxonomy, term.id())).contains(term);
        assertThat(service(taxonomy)
                        .update(term.id(), form(taxonomy, term.slug(), "Checked again"))
                        .name())
                .as("keeping one's own slug is fine")
                .isEqualTo("Checked again");
        assertThatThrownBy(() -> service(taxonomy).update(987_654_321L, form(taxonomy, "x", "X")))
                .isInstanceOf(NotFoundException.class);
    }

    @ParameterizedTest
    @EnumSource(Taxonomy.class)
    void malformedDuplicateOrNamelessTermsAreRefusedAndNothingIsMade(Taxonomy taxonomy) {
        Term existing = create(taxonomy, "Existing");
        int before = service(taxonomy).all().size();
        assertThatThrownBy(() -> service(taxonomy).create(form(taxonomy, "Latin America", "Latin America")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("slug: Slug must be lower-case words joined by hyphens");
        assertThatThrownBy(() -> service(taxonomy).create(form(taxonomy, existing.slug(), "Again")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already");
        String nameless = Unique.slug("nameless");
        assertThatThrownBy(() -> service(taxonomy).create(form(taxonomy, nameless, " ")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("name: Name is required");
        String tooLong = "x".repeat(taxonomy.nameMax() + 1);
        assertThatThrownBy(() -> service(taxonomy).create(form(taxonomy, nameless, tooLong)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("name: Name must be at most " + taxonomy.nameMax() + " characters");
        assertThat(service(taxonomy).all()).hasSize(before);
        assertThat(service(taxonomy).findBySlug(nameless)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Taxonomy.class)
    void aTermInUseCannotBeDeletedButAnUnusedOneCan(Taxonomy taxonomy) {
        Term used = create(taxonomy, "Harvest");
        publishWith(used);
        String expected = switch (taxonomy) {
            case SECTION ->
                "section: “" + used.name() + "” holds 1 article. Move them to another section before deleting it.";
            case TAG -> "tag: “" + used.name() + "” is on 1 article. Remove it from them before deleting it.";
            case AUTHOR ->
                "author: " + used.name()
                        + " is in the byline of 1 article. Take the byline off them before deleting the author.";
        };
        assertThatThrownBy(() -> service(taxonomy).delete(used.id()))
                .isInstanceOf(ValidationException.class)
                .hasMessage(expected);
        assertThat(find(taxonomy, used.id())).isPresent();
        assertThat(service(taxonomy).summaries())
                .filteredOn(s -> s.term().id() == used.id())
                .singleElement()
                .satisfies(s -> assertThat(s.articles()).isEqualTo(1));

        Term unused = create(taxonomy, "Drizzle");
        service(taxonomy).delete(unused.id());
        assertThat(find(taxonomy, unused.id())).isEmpty();
        assertThat(service(taxonomy).all()).extracting(Term::id).doesNotContain(unused.id());
        assertThat(site.status(readerPath(taxonomy, unused.slug()))).isEqualTo(404);
        assertThatThrownBy(() -> service(taxonomy).delete(unused.id())).isInstanceOf(NotFoundException.class);
    }

    /** What sections have of their own: their order in the navigation, and their slug in every permalink. */
    @Nested
    class Sections {

        @Autowired
        SectionService sections;

        @Autowired
        SiteNavigation navigation;

        @Autowired
        org.broadsheet.comment.CommentService comments;

        private List<String> navNames() {
            return navigation.sections().stream().map(NavLink::name).toList();
        }

        @Test
        void aSlugThatTheSiteUsesForItsOwnPagesIsRefused() {
            for (String reserved : new String[] {"page", "tag", "author", "assets", "search", "newsroom"}) {
                assertThatThrownBy(() -> sections.create(TermForm.section(reserved, "Name", "")))
                        .as(reserved)
                        .isInstanceOf(ValidationException.class)
                        .hasMessage("slug: That slug is reserved by the site");
            }
        }

        @Test
        void aRenamedSectionMovesItsArticlesPermalinksAndKeepsItsPlace() {
            Section before = (Section) create(Taxonomy.SECTION, "Coastal desk");
            ArticleView story = publishWith(before);
            String newSlug = Unique.slug("coasts");
            Section after = sections.update(before.id(), TermForm.section(newSlug, "Coasts", "Both shores."));

            assertThat(after.position()).as("place kept").isEqualTo(before.position());
            assertThat(navNames()).contains("Coasts").doesNotContain("Coastal desk");
            ArticleView moved = stories.view(story.id());
            assertThat(moved.url()).startsWith("/" + newSlug + "/");
            MockHttpServletResponse article = site.get(story.url());
            assertThat(article.getStatus()).isEqualTo(301);
            assertThat(article.getRedirectedUrl()).isEqualTo(moved.url());
            assertThat(site.page("/" + newSlug).text()).contains("Both shores.");
        }

        @Test
        void commentLinksOnArticlePagesFollowARenamedSection() {
            Section before = (Section) create(Taxonomy.SECTION, "Harbour desk");
            ArticleView story = publishWith(before);
            long comment = comments.importComment(
                            story.id(),
                            new org.broadsheet.comment.CommentForm(
                                    "Rui", "rui@example.org", null, "A comment whose link carries the address.", null),
                            org.broadsheet.comment.CommentStatus.APPROVED,
                            java.time.Instant.now())
                    .id();
            String oldLink = site.page(story.url())
                    .selectFirst("#comment-" + comment + " .comment-date a")
                    .attr("href");
            assertThat(oldLink).startsWith(story.url());

            String newSlug = Unique.slug("harbours");
            sections.update(before.id(), TermForm.section(newSlug, "Harbours", ""));
            String newUrl = stories.view(story.id()).url();
            String newLink = site.page(newUrl)
                    .selectFirst("#comment-" + comment + " .comment-date a")
                    .attr("href");
            assertThat(newLink)
                    .as("rendered comments forgotten")
                    .startsWith("/" + newSlug + "/")
                    .startsWith(newUrl);
        }

        @Test
        void movingASectionChangesTheNavigationAtOnce() {
            List<Long> original = sections.all().stream().map(Section::id).toList();
            Section a = (Section) create(Taxonomy.SECTION, "Move A");
            Section b = (Section) create(Taxonomy.SECTION, "Move B");
            assertThat(navNames()).endsWith(a.name(), b.name());
            sections.moveUp(b.id());
            assertThat(navNames()).endsWith(b.name(), a.name());
            sections.moveDown(b.id());
            assertThat(navNames()).endsWith(a.name(), b.name());
            sections.moveDown(b.id());
            assertThat(navNames()).as("the last stays last").endsWith(a.name(), b.name());

            List<Long> reversed =
                    new ArrayList<>(sections.all().stream().map(Section::id).toList());
            Collections.reverse(reversed);
            sections.reorder(reversed);
            assertThat(sections.all()).extracting(Section::id).containsExactlyElementsOf(reversed);
            assertThat(navNames().get(0)).isEqualTo(b.name());

            sections.delete(a.id());
            sections.delete(b.id());
            sections.reorder(original);
            assertThat(sections.all()).extracting(Section::id).containsExactlyElementsOf(original);
        }

        @Test
        void anOrderThatLeavesOutOrRepeatsASectionIsRefused() {
            List<Long> ids = sections.all().stream().map(Section::id).toList();
            List<Long> repeated = new ArrayList<>(ids);
            repeated.set(0, ids.get(1));
            for (List<Long> order : List.of(ids.subList(1, ids.size()), repeated)) {
                assertThatThrownBy(() -> sections.reorder(order))
                        .isInstanceOfSatisfying(
                                ValidationException.class,
                                e -> assertThat(e.problems())
                                        .extracting(ValidationException.Problem::field)
                                        .containsExactly("order"));
            }
            assertThat(sections.all()).extracting(Section::id).containsExactlyElementsOf(ids);
            assertThatThrownBy(() -> sections.moveUp(987_654_321L)).isInstanceOf(NotFoundException.class);
        }

        @Test
        void aNewSectionGoesLastAndAnEmptyOneLeavesTheNavigationWhenDeleted() {
            Section section = (Section) create(Taxonomy.SECTION, "Short-lived desk");
            assertThat(navNames()).last().isEqualTo(section.name());
            assertThat(sections.findBySlug(section.slug())).contains(section);
            sections.delete(section.id());
            assertThat(navNames()).doesNotContain(section.name());
            assertThat(sections.findBySlug(section.slug())).isEmpty();
        }
    }

    /** What tags have of their own: a kind, and a list long enough to search and page. */
    @Nested
    class Tags {

        @Autowired
        TagService tags;

        @Test
        void aTagHasOneOfTheKindsTopicByDefault() {
            Tag tag = tags.create(TermForm.tag(Unique.slug("monsoon"), "Monsoon", null));
            assertThat(tag.kind()).isEqualTo("topic");
            assertThat(tags.update(tag.id(), TermForm.tag(tag.slug(), "Monsoon", "place"))
                            .kind())
                    .isEqualTo("place");
            assertThatThrownBy(() -> tags.update(tag.id(), TermForm.tag(tag.slug(), "Monsoon", "weather")))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("kind: Kind must be one of topic, person, place, organisation");
            assertThat(tags.findById(tag.id()).orElseThrow().kind()).isEqualTo("place");
        }

        @Test
        void theListIsByNameWithArticleCountsAndSearchable() {
            String word = Unique.slug("qx");
            Tag b = tags.create(TermForm.tag(Unique.slug("b-tag"), word + " beta", "topic"));
            Tag a = tags.create(TermForm.tag(Unique.slug("a-tag"), word + " alpha", "person"));
            publishWith(b);

            ResultPage<TermSummary<Tag>> found = tags.list(word.toUpperCase(), 1, 10);
            assertThat(found.total()).isEqualTo(2);
            assertThat(found.items()).extracting(s -> s.term().id()).containsExactly(a.id(), b.id());
            assertThat(found.items()).extracting(TermSummary::articles).containsExactly(0L, 1L);
            assertThat(tags.list(b.slug(), 1, 10).items())
                    .extracting(s -> s.term().id())
                    .containsExactly(b.id());
            assertThat(tags.list(word, 2, 1).items())
                    .extracting(s -> s.term().id())
                    .containsExactly(b.id());
            assertThat(tags.list(null, 1, 5).total()).isGreaterThanOrEqualTo(found.total() + 5);
        }

        @Test
        void newTagsTypedIntoAnArticleAreMadeAsTopicsOnce() {
            String name = Unique.name("Glacier retreat");
            tags.createMissing(List.of(name, name.toUpperCase(), Stories.TAG));
            assertThat(tags.findBySlug(Slugs.from(name)))
                    .hasValueSatisfying(t -> assertThat(t.kind()).isEqualTo("topic"));
            assertThatThrownBy(() -> tags.createMissing(List.of("!!!")))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("tags: \"!!!\" cannot be a tag: it needs letters or digits");
        }
    }

    /** What authors have of their own: a job title, a bio and a photo, and staff accounts that write as them. */
    @Nested
    class Authors {

        @Autowired
        AuthorService authors;

        @Autowired
        JdbcClient jdbc;

        @Test
        void theAuthorPageShowsTitleAndBioAndABlankPhotoClearsIt() {
            Author author = authors.create(TermForm.author(
                    Unique.slug("ines-duarte"),
                    "Inês Duarte",
                    "Lisbon reporter",
                    "Covers Portuguese politics.",
                    "/assets/images/demo/ballot-box.svg"));
            assertThat(author.photo()).isEqualTo("/assets/images/demo/ballot-box.svg");
            Author changed = authors.update(
                    author.id(),
                    TermForm.author(author.slug(), "Inês Duarte Silva", "Iberia Editor", "Leads coverage.", ""));
            assertThat(changed.photo()).as("a blank photo clears it").isNull();
            ArticleView story = publishWith(changed);
            assertThat(story.authors())
                    .containsExactly(new ArticleView.Link("Inês Duarte Silva", "/author/" + author.slug()));
            assertThat(site.page("/author/" + author.slug()).text()).contains("Iberia Editor", "Leads coverage.");
        }

        @Test
        void aPhotoMustBeAPathOnThisSite() {
            for (String photo : new String[] {
                "https://elsewhere.example/me.jpg",
                "//elsewhere.example/me.jpg",
                "portrait.jpg",
                "/media/my portrait.jpg",
                "/media/\"quoted\".jpg",
                "javascript:alert(1)"
            }) {
                assertThatThrownBy(() -> authors.create(
                                TermForm.author(Unique.slug("photo-check"), "Photo Check", "", "", photo)))
                        .as(photo)
                        .isInstanceOfSatisfying(
                                ValidationException.class,
                                e -> assertThat(e.problems())
                                        .extracting(ValidationException.Problem::field)
                                        .containsExactly("photo"));
            }
            assertThat(authors.create(TermForm.author(
                                    Unique.slug("photo-ok"), "Photo Ok", "", "", " /media/2026/06/me.jpg "))
                            .photo())
                    .isEqualTo("/media/2026/06/me.jpg");
            assertThatThrownBy(() -> authors.create(
                            TermForm.author(Unique.slug("long"), " ", "", "x".repeat(TermForm.BIO_MAX + 1), "")))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.problems())
                                    .extracting(ValidationException.Problem::field)
                                    .containsExactly("name", "bio"));
        }

        @Test
        void anAuthorWhoIsAStaffAccountsBylineCannotBeDeleted() {
            Author staff = authors.create(TermForm.author(Unique.slug("staff-writer"), "Staff Writer", "", ""));
            long account = jdbc.sql("""
                            insert into staff_user (email, name, password_hash, role, enabled, author_id)
                            values (?, 'Staff Writer', 'not a hash', 'author', false, ?) returning id""")
                    .params(Unique.email("staff"), staff.id())
                    .query(Long.class)
                    .single();
            try {
                assertThatThrownBy(() -> authors.delete(staff.id()))
                        .isInstanceOf(ValidationException.class)
                        .hasMessage("author: Staff Writer is the byline of a staff account. "
                                + "Change that account's byline before deleting the author.");
                assertThat(authors.findById(staff.id())).isPresent();
            } finally {
                jdbc.sql("delete from staff_user where id = ?").param(account).update();
            }
        }
    }
}
