package org.broadsheet.section;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleView;
import org.broadsheet.comment.CommentForm;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.web.NavLink;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.SiteNavigation;
import org.broadsheet.web.ValidationException;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Sections changed from the newsroom: renames keep old addresses, order and deletes show at once. */
@BroadsheetTest
class SectionManagementTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    SectionService sections;

    @Autowired
    SiteNavigation navigation;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleReader reader;

    @Autowired
    MockMvc mvc;

    @Autowired
    CommentService comments;

    private static String unique(String base) {
        return base + "-" + Long.toString(System.nanoTime(), 36) + "-" + SEQUENCE.incrementAndGet();
    }

    private Section newSection(String name) {
        return sections.create(new SectionForm(unique("desk"), name, "About " + name + ".", null));
    }

    private ArticleView publishIn(Section section) {
        long id = articles.create(new ArticleForm(
                        unique("desk-story"),
                        "A story for " + section.name(),
                        "Standfirst.",
                        "Body.\n",
                        section.slug(),
                        List.of("daniel-reyes"),
                        List.of("diplomacy"),
                        null))
                .id();
        articles.publish(id, Instant.now().minusSeconds(60));
        return reader.findById(id).orElseThrow();
    }

    private MvcResult fetch(String url) throws Exception {
        return mvc.perform(get(url)).andReturn();
    }

    private List<String> navNames() {
        return navigation.sections().stream().map(NavLink::name).toList();
    }

    @Test
    void renamedSectionShowsAtOnceAndItsOldAddressesAnswer301() throws Exception {
        Section before = newSection("Polar desk");
        ArticleView story = publishIn(before);
        String oldArticleUrl = story.url();
        assertThat(fetch("/" + before.slug()).getResponse().getStatus()).isEqualTo(200);

        String newSlug = unique("poles");
        Section after =
                sections.update(before.id(), new SectionForm(newSlug, "Poles", "Both ends of the earth.", null));

        assertThat(after.slug()).isEqualTo(newSlug);
        assertThat(after.position()).as("place kept").isEqualTo(before.position());
        assertThat(navNames()).contains("Poles").doesNotContain("Polar desk");
        ArticleView moved = reader.findById(story.id()).orElseThrow();
        assertThat(moved.sectionName()).as("cached article views forgotten").isEqualTo("Poles");
        assertThat(moved.url()).startsWith("/" + newSlug + "/");

        MvcResult section = fetch("/" + before.slug());
        assertThat(section.getResponse().getStatus()).isEqualTo(301);
        assertThat(section.getResponse().getRedirectedUrl()).isEqualTo("/" + newSlug);
        assertThat(fetch("/" + before.slug() + "/page/2").getResponse().getRedirectedUrl())
                .isEqualTo("/" + newSlug + "/page/2");
        MvcResult article = fetch(oldArticleUrl);
        assertThat(article.getResponse().getStatus()).isEqualTo(301);
        assertThat(article.getResponse().getRedirectedUrl()).isEqualTo(moved.url());
        assertThat(fetch("/" + newSlug).getResponse().getContentAsString()).contains("Both ends of the earth.");
    }

    @Test
    void commentLinksOnArticlePagesFollowARenamedSection() throws Exception {
        Section before = newSection("Coastal desk");
        ArticleView story = publishIn(before);
        long comment = comments.importComment(
                        story.id(),
                        new CommentForm(
                                "Rui", "rui@example.org", null, "A comment whose link carries the address.", null),
                        CommentStatus.APPROVED,
                        Instant.now())
                .id();
        String oldLink = Jsoup.parse(fetch(story.url()).getResponse().getContentAsString())
                .selectFirst("#comment-" + comment + " .comment-date a")
                .attr("href");
        assertThat(oldLink).startsWith(story.url());

        String newSlug = unique("coasts");
        sections.update(before.id(), new SectionForm(newSlug, "Coasts", "", null));
        String newUrl = reader.findById(story.id()).orElseThrow().url();
        String newLink = Jsoup.parse(fetch(newUrl).getResponse().getContentAsString())
                .selectFirst("#comment-" + comment + " .comment-date a")
                .attr("href");
        assertThat(newLink)
                .as("rendered comments forgotten")
                .startsWith("/" + newSlug + "/")
                .startsWith(newUrl);
    }

    @Test
    void aLiveSlugWinsOverAFormerOne() throws Exception {
        Section first = newSection("First holder");
        String slug = first.slug();
        sections.update(first.id(), new SectionForm(unique("renamed"), "First holder", "", null));
        Section second = sections.create(new SectionForm(slug, "Second holder", "", null));

        assertThat(fetch("/" + slug).getResponse().getStatus()).isEqualTo(200);
        assertThat(sections.movedTo("/" + slug)).isEmpty();
        sections.delete(second.id());
        assertThat(fetch("/" + slug).getResponse().getStatus())
                .as("no redirect left behind")
                .isEqualTo(404);
        sections.delete(first.id());
    }

    @Test
    void aBlankSlugIsMadeFromTheName() {
        String name = "Île de " + unique("Ré");
        Section made = sections.create(new SectionForm(" ", name, "", null));
        assertThat(made.slug()).isEqualTo(org.broadsheet.web.Slugs.from(name)).startsWith("ile-de-re-");
        sections.delete(made.id());
    }

    @Test
    void renameIsCheckedLikeACreate() {
        Section section = newSection("Checked desk");
        assertThatThrownBy(() -> sections.update(section.id(), new SectionForm("americas", "Checked desk", "", null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already");
        assertThatThrownBy(() -> sections.update(section.id(), new SectionForm("newsroom", "Checked desk", "", null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> sections.update(section.id(), new SectionForm(null, "", "", null)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(ValidationException.Problem::field)
                                .contains("slug", "name"));
        assertThat(sections.findById(section.id())).contains(section);
        assertThat(sections.update(section.id(), new SectionForm(section.slug(), "Checked desk", "New words.", null))
                        .description())
                .as("keeping one's own slug is fine")
                .isEqualTo("New words.");
        assertThatThrownBy(() -> sections.update(987_654_321L, new SectionForm("x", "X", "", null)))
                .isInstanceOf(NotFoundException.class);
        sections.delete(section.id());
    }

    @Test
    void movingASectionChangesTheNavigationAtOnce() {
        List<Long> original = sections.all().stream().map(Section::id).toList();
        Section a = newSection("Move A");
        Section b = newSection("Move B");
        try {
            assertThat(navNames()).endsWith("Move A", "Move B");
            sections.moveUp(b.id());
            assertThat(navNames()).endsWith("Move B", "Move A");
            sections.moveDown(b.id());
            assertThat(navNames()).endsWith("Move A", "Move B");
            sections.moveDown(b.id());
            assertThat(navNames()).as("the last stays last").endsWith("Move A", "Move B");

            List<Long> reversed =
                    new ArrayList<>(sections.all().stream().map(Section::id).toList());
            java.util.Collections.reverse(reversed);
            sections.reorder(reversed);
            assertThat(sections.all()).extracting(Section::id).containsExactlyElementsOf(reversed);
            assertThat(navNames().get(0)).isEqualTo("Move B");
        } finally {
            sections.delete(a.id());
            sections.delete(b.id());
            sections.reorder(original);
        }
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
    void aSectionThatHoldsArticlesCannotBeDeleted() {
        Section americas = sections.findBySlug("americas").orElseThrow();
        assertThatThrownBy(() -> sections.delete(americas.id()))
                .isInstanceOf(ValidationException.class)
                .hasMessageMatching(
                        "section: “Americas” holds \\d+ articles\\. Move them to another section before deleting it\\.");
        assertThat(sections.findBySlug("americas")).isPresent();
        assertThat(sections.summaries())
                .filteredOn(s -> s.section().id() == americas.id())
                .singleElement()
                .satisfies(s -> assertThat(s.articles()).isPositive());
    }

    @Test
    void anEmptySectionIsDeletedAndLeavesTheNavigation() throws Exception {
        Section section = newSection("Short-lived desk");
        assertThat(navNames()).contains("Short-lived desk");
        assertThat(sections.summaries())
                .filteredOn(s -> s.section().id() == section.id())
                .singleElement()
                .satisfies(s -> assertThat(s.articles()).isZero());
        sections.delete(section.id());
        assertThat(navNames()).doesNotContain("Short-lived desk");
        assertThat(fetch("/" + section.slug()).getResponse().getStatus()).isEqualTo(404);
        assertThatThrownBy(() -> sections.delete(section.id())).isInstanceOf(NotFoundException.class);
    }
}
