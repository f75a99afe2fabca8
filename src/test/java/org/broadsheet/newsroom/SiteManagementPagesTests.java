package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.Role;
import org.broadsheet.comment.CommentPolicy;
import org.broadsheet.comment.Moderation;
import org.broadsheet.site.SiteIdentities;
import org.broadsheet.taxonomy.Author;
import org.broadsheet.taxonomy.AuthorService;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.taxonomy.TermForm;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Unique;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sections, tags, authors and the site's settings through the newsroom's pages, and what
 * readers see right after. Each test works on terms of its own and rolls back, settings
 * included: the navigation and the site's name, which every page shows, are never left changed.
 */
@BroadsheetTest
@Transactional
class SiteManagementPagesTests extends SiteTest {

    @Autowired
    SectionService sections;

    @Autowired
    TagService tags;

    @Autowired
    AuthorService authors;

    @Autowired
    SiteIdentities identities;

    private MockHttpServletResponse as(Role role, MockHttpServletRequestBuilder request) {
        return site.perform(request.with(staff.as(role)));
    }

    private MockHttpServletResponse submit(Role role, String url, String... fields) {
        return site.submit(url, staff.as(role), fields);
    }

    /** Saves the comment policy with {@code fields} and the usual limits for the rest. */
    private MockHttpServletResponse savePolicy(String... fields) {
        List<String> form = new ArrayList<>(List.of(fields));
        form.addAll(List.of(
                "minFormTime=2",
                "floodInterval=20",
                "floodPerHour=5",
                "closeAfterDays=14",
                "perPage=30",
                "retainIpDays=45"));
        return submit(Role.ADMINISTRATOR, "/newsroom/settings/comments", form.toArray(String[]::new));
    }

    private List<String> readerNavigation() {
        return site.page("/").select("nav.site-nav a").eachText();
    }

    @Test
    void renamedSectionIsInTheReaderNavigationAtOnceAndItsOldAddressRedirects() throws Exception {
        Section section = sections.create(TermForm.section(Unique.slug("islands"), "Islands", ""));
        String newSlug = Unique.slug("archipelagos");
        MockHttpServletResponse saved = submit(
                Role.EDITOR,
                "/newsroom/sections/" + section.id(),
                "name=Archipelagos",
                "slug=" + newSlug,
                "description=Scattered lands.");
        assertThat(saved.getStatus()).isEqualTo(303);
        assertThat(saved.getRedirectedUrl()).isEqualTo("/newsroom/sections");

        assertThat(readerNavigation()).contains("Archipelagos").doesNotContain("Islands");
        MockHttpServletResponse old = site.get("/" + section.slug());
        assertThat(old.getStatus()).isEqualTo(301);
        assertThat(old.getRedirectedUrl()).isEqualTo("/" + newSlug);
        assertThat(site.page("/" + newSlug).selectFirst("h1").text()).isEqualTo("Archipelagos");
    }

    @Test
    void movingSectionsReordersTheReaderNavigation() throws Exception {
        Section first = sections.create(TermForm.section(Unique.slug("reef"), "Reef desk", ""));
        Section second = sections.create(TermForm.section(Unique.slug("lagoon"), "Lagoon desk", ""));
        assertThat(readerNavigation()).endsWith("Reef desk", "Lagoon desk");
        assertThat(submit(Role.EDITOR, "/newsroom/sections/" + second.id() + "/move-up")
                        .getStatus())
                .isEqualTo(303);
        assertThat(readerNavigation()).endsWith("Lagoon desk", "Reef desk");
        submit(Role.EDITOR, "/newsroom/sections/" + second.id() + "/move-down");
        assertThat(readerNavigation()).endsWith("Reef desk", "Lagoon desk");

        Document list = Jsoup.parse(as(Role.EDITOR, get("/newsroom/sections")).getContentAsString());
        assertThat(list.select("form[action$=/move-up]")).hasSize(sections.all().size() - 1);
        assertThat(list.select("form[action=/newsroom/sections/" + second.id() + "/move-down]"))
                .isEmpty();
    }

    @Test
    void sectionFormsShowEachProblemBesideItsField() throws Exception {
        MockHttpServletResponse refused =
                submit(Role.EDITOR, "/newsroom/sections", "name=", "slug=newsroom", "description=Kept");
        assertThat(refused.getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(refused.getContentAsString());
        assertThat(page.selectFirst("#slug").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#slug-error").text()).contains("reserved");
        assertThat(page.selectFirst("#slug").attr("aria-describedby")).isEqualTo("slug-hint slug-error");
        assertThat(page.selectFirst("#name-error").text()).isEqualTo("Name is required");
        assertThat(page.selectFirst("#description").text()).isEqualTo("Kept");

        Section americas = sections.findBySlug("americas").orElseThrow();
        MockHttpServletResponse delete = submit(Role.EDITOR, "/newsroom/sections/" + americas.id() + "/delete");
        assertThat(delete.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(delete.getContentAsString())
                        .selectFirst(".nr-problem[role=alert]")
                        .text())
                .matches("“Americas” holds \\d+ articles\\. Move them to another section before deleting it\\.");
        assertThat(sections.findBySlug("americas")).isPresent();
    }

    @Test
    void newSectionGetsASlugFromItsName() throws Exception {
        String name = Unique.name("Polar Desk");
        assertThat(submit(Role.EDITOR, "/newsroom/sections", "name=" + name, "slug=", "description=")
                        .getStatus())
                .isEqualTo(303);
        Section made = sections.all().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(made.slug()).isEqualTo(org.broadsheet.web.Slugs.from(name));
        assertThat(readerNavigation()).contains(name);
        assertThat(submit(Role.EDITOR, "/newsroom/sections/" + made.id() + "/delete")
                        .getStatus())
                .isEqualTo(303);
        assertThat(readerNavigation()).doesNotContain(name);
    }

    @Test
    void tagsAndAuthorsAreEditedFromTheirPages() throws Exception {
        Tag tag = tags.create(TermForm.tag(Unique.slug("tide"), "Tide", "topic"));
        String tagSlug = Unique.slug("tides");
        assertThat(submit(
                                Role.EDITOR,
                                "/newsroom/tags/" + tag.id(),
                                "name=Tides",
                                "slug=" + tagSlug,
                                "kind=place",
                                "description=Where the sea rises & falls <twice> a day.")
                        .getStatus())
                .isEqualTo(303);
        assertThat(tags.findById(tag.id()).orElseThrow())
                .isEqualTo(new Tag(tag.id(), tagSlug, "Tides", "place", "Where the sea rises & falls <twice> a day."));
        Document tagPage = site.page("/tag/" + tagSlug);
        assertThat(tagPage.selectFirst(".list-header .kicker").text()).isEqualTo("Place");
        assertThat(tagPage.selectFirst(".list-header .intro").text())
                .isEqualTo("Where the sea rises & falls <twice> a day.");
        assertThat(submit(
                                Role.EDITOR,
                                "/newsroom/tags/" + tag.id(),
                                "name=Tides",
                                "slug=" + tagSlug,
                                "kind=place",
                                "description=" + "x".repeat(TermForm.DESCRIPTION_MAX + 1))
                        .getStatus())
                .isEqualTo(422);
        assertThat(site.get("/tag/" + tag.slug()).getRedirectedUrl()).isEqualTo("/tag/" + tagSlug);
        Document found =
                Jsoup.parse(as(Role.EDITOR, get("/newsroom/tags?q=" + tagSlug)).getContentAsString());
        assertThat(found.select(".nr-table tbody tr")).hasSize(1);

        Author author = authors.create(TermForm.author(Unique.slug("writer"), "Wren Writer", "", ""));
        assertThat(submit(
                                Role.EDITOR,
                                "/newsroom/authors/" + author.id(),
                                "name=Wren Writer",
                                "slug=" + author.slug(),
                                "title=Islands Correspondent",
                                "bio=Writes about islands.",
                                "photo=/assets/images/demo/port-cranes.svg")
                        .getStatus())
                .isEqualTo(303);
        Document page = site.page("/author/" + author.slug());
        assertThat(page.text()).contains("Islands Correspondent", "Writes about islands.");
        assertThat(page.select(".list-header img.list-photo").attr("src"))
                .isEqualTo("/assets/images/demo/port-cranes.svg");
        assertThat(page.select(".list-header img.list-photo").attr("width")).isEqualTo("96");
        MockHttpServletResponse badPhoto = submit(
                Role.EDITOR,
                "/newsroom/authors/" + author.id(),
                "name=Wren Writer",
                "slug=" + author.slug(),
                "photo=javascript:alert(1)");
        assertThat(badPhoto.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(badPhoto.getContentAsString()).selectFirst("#photo-error"))
                .isNotNull();
    }

    @Test
    void onlyThoseWhoKeepTheStructureMayChangeIt() throws Exception {
        Section section = sections.create(TermForm.section(Unique.slug("guarded"), "Guarded desk", ""));
        for (Role role : new Role[] {Role.CONTRIBUTOR, Role.AUTHOR}) {
            assertThat(as(role, get("/newsroom/sections")).getStatus()).isEqualTo(403);
            assertThat(as(role, get("/newsroom/tags")).getStatus()).isEqualTo(403);
            assertThat(as(role, get("/newsroom/authors")).getStatus()).isEqualTo(403);
            assertThat(submit(role, "/newsroom/sections/" + section.id(), "name=Taken", "slug=" + section.slug())
                            .getStatus())
                    .isEqualTo(403);
            assertThat(submit(role, "/newsroom/sections/" + section.id() + "/delete")
                            .getStatus())
                    .isEqualTo(403);
            assertThat(submit(role, "/newsroom/tags", "name=Sneaky").getStatus())
                    .isEqualTo(403);
        }
        assertThat(sections.findById(section.id()).orElseThrow().name()).isEqualTo("Guarded desk");
        assertThat(tags.findBySlug("sneaky")).isEmpty();
    }

    @Test
    void newSiteTitleAndTaglineShowOnTheFrontPageAtOnce() throws Exception {
        MockHttpServletResponse saved = submit(
                Role.ADMINISTRATOR,
                "/newsroom/settings/site",
                "name=The Evening Ledger",
                "tagline=Late news, checked twice");
        assertThat(saved.getStatus()).isEqualTo(303);
        Document front = site.page("/");
        assertThat(front.title()).isEqualTo("The Evening Ledger");
        assertThat(front.selectFirst(".site-name").text()).isEqualTo("The Evening Ledger");
        assertThat(front.selectFirst("meta[name=description]").attr("content")).isEqualTo("Late news, checked twice");

        MockHttpServletResponse refused =
                submit(Role.ADMINISTRATOR, "/newsroom/settings/site", "name=", "tagline=Kept");
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.getContentAsString())
                        .selectFirst("#name-error")
                        .text())
                .isEqualTo("Site title is required");
        assertThat(site.page("/").title()).isEqualTo("The Evening Ledger");
    }

    @Test
    void commentPolicyIsSavedFromTheSettingsPage() throws Exception {
        MockHttpServletResponse saved = savePolicy(
                "moderation=all",
                "maxLinks=1",
                "maxDepth=2",
                "moderationWords=lottery\r\n  jackpot \n",
                "blocklist=spam.example");
        assertThat(saved.getStatus()).isEqualTo(303);
        CommentPolicy now = policies.current();
        assertThat(now.moderation()).isEqualTo(Moderation.ALL);
        assertThat(now.moderationWords()).containsExactly("lottery", "jackpot");
        assertThat(now.blocklist()).containsExactly("spam.example");
        assertThat(now.closeAfterDays()).isEqualTo(14);
        assertThat(now.floodInterval().toSeconds()).isEqualTo(20);

        MockHttpServletResponse refused = savePolicy("moderation=first", "maxLinks=lots", "maxDepth=11");
        assertThat(refused.getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(refused.getContentAsString());
        assertThat(page.selectFirst("#maxLinks-error").text()).isEqualTo("Enter a whole number");
        assertThat(page.selectFirst("#maxDepth-error").text()).contains("between 1 and 10");
        assertThat(page.selectFirst("#maxLinks").attr("value")).isEqualTo("lots");
        assertThat(policies.current().moderation()).isEqualTo(Moderation.ALL);

        assertThat(as(Role.EDITOR, get("/newsroom/settings")).getStatus()).isEqualTo(403);
        assertThat(submit(Role.EDITOR, "/newsroom/settings/comments", "moderation=none")
                        .getStatus())
                .isEqualTo(403);
        assertThat(submit(Role.EDITOR, "/newsroom/settings/site", "name=Taken over", "tagline=x")
                        .getStatus())
                .isEqualTo(403);
        assertThat(identities.current().name()).isNotEqualTo("Taken over");
    }
}
