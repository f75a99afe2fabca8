package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.web.TestCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.Role;
import org.broadsheet.comment.CommentPolicies;
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

    @Autowired
    CommentPolicies policies;

    private MockHttpServletResponse as(Role role, MockHttpServletRequestBuilder request) {
        return site.perform(request.with(staff.as(role)));
    }

    private List<String> readerNavigation() {
        return site.page("/").select("nav.site-nav a").eachText();
    }

    @Test
    void renamedSectionIsInTheReaderNavigationAtOnceAndItsOldAddressRedirects() throws Exception {
        Section section = sections.create(TermForm.section(Unique.slug("islands"), "Islands", ""));
        String newSlug = Unique.slug("archipelagos");
        MockHttpServletResponse saved = as(
                Role.EDITOR,
                post("/newsroom/sections/" + section.id())
                        .with(csrf())
                        .param("name", "Archipelagos")
                        .param("slug", newSlug)
                        .param("description", "Scattered lands."));
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
        assertThat(as(
                                Role.EDITOR,
                                post("/newsroom/sections/" + second.id() + "/move-up")
                                        .with(csrf()))
                        .getStatus())
                .isEqualTo(303);
        assertThat(readerNavigation()).endsWith("Lagoon desk", "Reef desk");
        as(Role.EDITOR, post("/newsroom/sections/" + second.id() + "/move-down").with(csrf()));
        assertThat(readerNavigation()).endsWith("Reef desk", "Lagoon desk");

        Document list = Jsoup.parse(as(Role.EDITOR, get("/newsroom/sections")).getContentAsString());
        assertThat(list.select("form[action$=/move-up]")).hasSize(sections.all().size() - 1);
        assertThat(list.select("form[action=/newsroom/sections/" + second.id() + "/move-down]"))
                .isEmpty();
    }

    @Test
    void sectionFormsShowEachProblemBesideItsField() throws Exception {
        MockHttpServletResponse refused = as(
                Role.EDITOR,
                post("/newsroom/sections")
                        .with(csrf())
                        .param("name", "")
                        .param("slug", "newsroom")
                        .param("description", "Kept"));
        assertThat(refused.getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(refused.getContentAsString());
        assertThat(page.selectFirst("#slug").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#slug-error").text()).contains("reserved");
        assertThat(page.selectFirst("#slug").attr("aria-describedby")).isEqualTo("slug-hint slug-error");
        assertThat(page.selectFirst("#name-error").text()).isEqualTo("Name is required");
        assertThat(page.selectFirst("#description").text()).isEqualTo("Kept");

        Section americas = sections.findBySlug("americas").orElseThrow();
        MockHttpServletResponse delete = as(
                Role.EDITOR,
                post("/newsroom/sections/" + americas.id() + "/delete").with(csrf()));
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
        assertThat(as(
                                Role.EDITOR,
                                post("/newsroom/sections")
                                        .with(csrf())
                                        .param("name", name)
                                        .param("slug", "")
                                        .param("description", ""))
                        .getStatus())
                .isEqualTo(303);
        Section made = sections.all().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(made.slug()).isEqualTo(org.broadsheet.web.Slugs.from(name));
        assertThat(readerNavigation()).contains(name);
        assertThat(as(
                                Role.EDITOR,
                                post("/newsroom/sections/" + made.id() + "/delete")
                                        .with(csrf()))
                        .getStatus())
                .isEqualTo(303);
        assertThat(readerNavigation()).doesNotContain(name);
    }

    @Test
    void tagsAndAuthorsAreEditedFromTheirPages() throws Exception {
        Tag tag = tags.create(TermForm.tag(Unique.slug("tide"), "Tide", "topic"));
        String tagSlug = Unique.slug("tides");
        assertThat(as(
                                Role.EDITOR,
                                post("/newsroom/tags/" + tag.id())
                                        .with(csrf())
                                        .param("name", "Tides")
                                        .param("slug", tagSlug)
                                        .param("kind", "place"))
                        .getStatus())
                .isEqualTo(303);
        assertThat(tags.findById(tag.id()).orElseThrow()).isEqualTo(new Tag(tag.id(), tagSlug, "Tides", "place"));
        assertThat(site.get("/tag/" + tag.slug()).getRedirectedUrl()).isEqualTo("/tag/" + tagSlug);
        Document found =
                Jsoup.parse(as(Role.EDITOR, get("/newsroom/tags?q=" + tagSlug)).getContentAsString());
        assertThat(found.select(".nr-table tbody tr")).hasSize(1);

        Author author = authors.create(TermForm.author(Unique.slug("writer"), "Wren Writer", "", ""));
        assertThat(as(
                                Role.EDITOR,
                                post("/newsroom/authors/" + author.id())
                                        .with(csrf())
                                        .param("name", "Wren Writer")
                                        .param("slug", author.slug())
                                        .param("title", "Islands Correspondent")
                                        .param("bio", "Writes about islands.")
                                        .param("photo", "/assets/images/demo/port-cranes.svg"))
                        .getStatus())
                .isEqualTo(303);
        Document page = site.page("/author/" + author.slug());
        assertThat(page.text()).contains("Islands Correspondent", "Writes about islands.");
        assertThat(page.select(".list-header img.list-photo").attr("src"))
                .isEqualTo("/assets/images/demo/port-cranes.svg");
        assertThat(page.select(".list-header img.list-photo").attr("width")).isEqualTo("96");
        MockHttpServletResponse badPhoto = as(
                Role.EDITOR,
                post("/newsroom/authors/" + author.id())
                        .with(csrf())
                        .param("name", "Wren Writer")
                        .param("slug", author.slug())
                        .param("photo", "javascript:alert(1)"));
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
            assertThat(as(
                                    role,
                                    post("/newsroom/sections/" + section.id())
                                            .with(csrf())
                                            .param("name", "Taken")
                                            .param("slug", section.slug()))
                            .getStatus())
                    .isEqualTo(403);
            assertThat(as(
                                    role,
                                    post("/newsroom/sections/" + section.id() + "/delete")
                                            .with(csrf()))
                            .getStatus())
                    .isEqualTo(403);
            assertThat(as(role, post("/newsroom/tags").with(csrf()).param("name", "Sneaky"))
                            .getStatus())
                    .isEqualTo(403);
        }
        assertThat(sections.findById(section.id()).orElseThrow().name()).isEqualTo("Guarded desk");
        assertThat(tags.findBySlug("sneaky")).isEmpty();
    }

    @Test
    void newSiteTitleAndTaglineShowOnTheFrontPageAtOnce() throws Exception {
        MockHttpServletResponse saved = as(
                Role.ADMINISTRATOR,
                post("/newsroom/settings/site")
                        .with(csrf())
                        .param("name", "The Evening Ledger")
                        .param("tagline", "Late news, checked twice"));
        assertThat(saved.getStatus()).isEqualTo(303);
        Document front = site.page("/");
        assertThat(front.title()).isEqualTo("The Evening Ledger");
        assertThat(front.selectFirst(".site-name").text()).isEqualTo("The Evening Ledger");
        assertThat(front.selectFirst("meta[name=description]").attr("content")).isEqualTo("Late news, checked twice");

        MockHttpServletResponse refused = as(
                Role.ADMINISTRATOR,
                post("/newsroom/settings/site").with(csrf()).param("name", "").param("tagline", "Kept"));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.getContentAsString())
                        .selectFirst("#name-error")
                        .text())
                .isEqualTo("Site title is required");
        assertThat(site.page("/").title()).isEqualTo("The Evening Ledger");
    }

    @Test
    void commentPolicyIsSavedFromTheSettingsPage() throws Exception {
        MockHttpServletResponse saved = as(
                Role.ADMINISTRATOR,
                post("/newsroom/settings/comments")
                        .with(csrf())
                        .param("moderation", "all")
                        .param("maxLinks", "1")
                        .param("moderationWords", "lottery\r\n  jackpot \n")
                        .param("blocklist", "spam.example")
                        .param("minFormTime", "2")
                        .param("floodInterval", "20")
                        .param("floodPerHour", "5")
                        .param("closeAfterDays", "14")
                        .param("maxDepth", "2")
                        .param("perPage", "30")
                        .param("retainIpDays", "45"));
        assertThat(saved.getStatus()).isEqualTo(303);
        CommentPolicy now = policies.current();
        assertThat(now.moderation()).isEqualTo(Moderation.ALL);
        assertThat(now.moderationWords()).containsExactly("lottery", "jackpot");
        assertThat(now.blocklist()).containsExactly("spam.example");
        assertThat(now.closeAfterDays()).isEqualTo(14);
        assertThat(now.floodInterval().toSeconds()).isEqualTo(20);

        MockHttpServletResponse refused = as(
                Role.ADMINISTRATOR,
                post("/newsroom/settings/comments")
                        .with(csrf())
                        .param("moderation", "first")
                        .param("maxLinks", "lots")
                        .param("minFormTime", "2")
                        .param("floodInterval", "20")
                        .param("floodPerHour", "5")
                        .param("closeAfterDays", "14")
                        .param("maxDepth", "11")
                        .param("perPage", "30")
                        .param("retainIpDays", "45"));
        assertThat(refused.getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(refused.getContentAsString());
        assertThat(page.selectFirst("#maxLinks-error").text()).isEqualTo("Enter a whole number");
        assertThat(page.selectFirst("#maxDepth-error").text()).contains("between 1 and 10");
        assertThat(page.selectFirst("#maxLinks").attr("value")).isEqualTo("lots");
        assertThat(policies.current().moderation()).isEqualTo(Moderation.ALL);

        assertThat(as(Role.EDITOR, get("/newsroom/settings")).getStatus()).isEqualTo(403);
        assertThat(as(
                                Role.EDITOR,
                                post("/newsroom/settings/comments").with(csrf()).param("moderation", "none"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(as(
                                Role.EDITOR,
                                post("/newsroom/settings/site")
                                        .with(csrf())
                                        .param("name", "Taken over")
                                        .param("tagline", "x"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(identities.current().name()).isNotEqualTo("Taken over");
    }
}
