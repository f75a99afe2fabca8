package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.web.TestCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.EditableArticle;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.testkit.LiveSite;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Unique;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The article editor through its forms, as staff of each role: writing, review, publishing,
 * scheduling, edit conflicts, revisions, corrections, previews, the reference picker, the
 * list, autosaves, and the refusals a role's limits bring (403 on the server, whatever the
 * page showed). Each test has its own staff and rolls back, so nothing it publishes reaches
 * another test's pages; the one that goes over real HTTP works on its own staff and draft.
 */
@BroadsheetTest
@Transactional
class ArticleEditorTests extends SiteTest {

    @Autowired
    LiveSite live;

    @Autowired
    TagService tags;

    @Autowired
    JdbcClient jdbc;

    private long idOf(Role role) {
        return staff.member(role).staff().id();
    }

    /** The editor's fields for a simple article. */
    private static MockHttpServletRequestBuilder form(
            MockHttpServletRequestBuilder request, String headline, String body, int version, String action) {
        return request.param("headline", headline)
                .param("standfirst", "A standfirst.")
                .param("body", body)
                .param("section", "americas")
                .param("authors", "daniel-reyes", "")
                .param("tags", "Diplomacy", "")
                .param("version", Integer.toString(version))
                .param("action", action)
                .with(csrf());
    }

    /** Creates an article through the form as {@code role}; returns its id. */
    private long create(Role role, String headline, String action) throws Exception {
        MvcResult result = site.exchange(form(post("/newsroom/articles"), headline, "First paragraph.\n", 0, action)
                .with(staff.as(role)));
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(303);
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).matches("/newsroom/articles/\\d+");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Saves through the editor's form, keeping the article's slug as the form does. */
    private MockHttpServletResponse save(Role role, long id, String headline, String body, int version, String action)
            throws Exception {
        return site.perform(form(post("/newsroom/articles/" + id), headline, body, version, action)
                .param("slug", desk.forEditing(id).form().slug())
                .with(staff.as(role)));
    }

    private int status(Role role, MockHttpServletRequestBuilder request) {
        return site.perform(request.with(staff.as(role))).getStatus();
    }

    // ---- writing, review, publishing

    @Test
    void aContributorWritesADraftAndSubmitsItForReview() throws Exception {
        String headline = Unique.name("Harbour dredging begins");
        long id = create(Role.CONTRIBUTOR, headline, "save");
        EditableArticle draft = desk.forEditing(id);
        assertThat(draft.createdBy()).isEqualTo(idOf(Role.CONTRIBUTOR));
        assertThat(draft.form().tags()).containsExactly("diplomacy");

        Document editor = site.page("/newsroom/articles/" + id, staff.as(Role.CONTRIBUTOR));
        assertThat(editor.getElementById("headline").val()).isEqualTo(headline);
        assertThat(editor.select("button[value=publish]")).isEmpty();
        assertThat(editor.select("button[value=submit]")).hasSize(1);

        MvcResult submitted =
                site.exchange(form(post("/newsroom/articles/" + id), headline, "Second paragraph.\n", 1, "submit")
                        .with(staff.as(Role.CONTRIBUTOR)));
        assertThat(submitted.getResponse().getStatus()).isEqualTo(303);
        assertThat(submitted.getFlashMap().get("flash")).asString().contains("submitted for review");
        assertThat(desk.forEditing(id).status()).isEqualTo(ArticleStatus.IN_REVIEW);
        assertThat(desk.forEditing(id).form().body()).isEqualTo("Second paragraph.\n");
    }

    @Test
    void anAuthorPublishesSchedulesAndUnpublishesTheirOwnArticle() throws Exception {
        String headline = Unique.name("Rail link opens");
        long id = create(Role.AUTHOR, headline, "publish");
        String url = desk.forEditing(id).publicUrl();
        assertThat(url).isNotNull();
        assertThat(site.status(url)).isEqualTo(200);

        String later = LocalDateTime.now(ZoneOffset.UTC)
                .plusDays(2)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        MockHttpServletResponse scheduled =
                site.perform(form(post("/newsroom/articles/" + id), headline, "First paragraph.\n", 1, "schedule")
                        .param("publishAt", later)
                        .with(staff.as(Role.AUTHOR)));
        assertThat(scheduled.getStatus()).isEqualTo(303);
        assertThat(desk.forEditing(id).status()).isEqualTo(ArticleStatus.SCHEDULED);
        assertThat(desk.forEditing(id).published().iso()).startsWith(later);
        assertThat(site.status(url)).isEqualTo(404);

        assertThat(status(
                        Role.AUTHOR,
                        post("/newsroom/articles/" + id + "/unpublish").with(csrf())))
                .isEqualTo(303);
        assertThat(desk.forEditing(id).status()).isEqualTo(ArticleStatus.UNPUBLISHED);
    }

    @Test
    void schedulingInThePastIsRefusedWithTheTextKept() throws Exception {
        long id = create(Role.AUTHOR, Unique.name("Budget day"), "save");
        MockHttpServletResponse refused = site.perform(
                form(post("/newsroom/articles/" + id), "Budget day, revised", "Typed but refused.\n", 1, "schedule")
                        .param("publishAt", "2020-01-01T09:00")
                        .with(staff.as(Role.AUTHOR)));
        assertThat(refused.getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(refused.getContentAsString());
        assertThat(page.getElementById("publishAt").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById("publishAt-error").text()).contains("future");
        assertThat(page.getElementById("body").text()).isEqualTo("Typed but refused.");
        assertThat(page.getElementById("headline").val()).isEqualTo("Budget day, revised");
        assertThat(desk.forEditing(id).status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(desk.forEditing(id).version()).isEqualTo(1);
    }

    @Test
    void fieldErrorsAnswer422BesideTheirFieldsWithEverythingKept() throws Exception {
        MockHttpServletResponse refused =
                site.perform(form(post("/newsroom/articles"), " ", "Body I typed.\n", 0, "save")
                        .param("imageCaption", "wide")
                        .with(staff.as(Role.CONTRIBUTOR)));
        assertThat(refused.getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(refused.getContentAsString());
        assertThat(page.select("[role=alert]").text()).contains("Please correct");
        assertThat(page.getElementById("headline").attr("aria-describedby")).isEqualTo("headline-error");
        assertThat(page.getElementById("headline-error").text()).contains("Headline is required");
        assertThat(page.getElementById("body").text()).isEqualTo("Body I typed.");
        assertThat(page.getElementById("image-alt-error")).isNotNull();
        assertThat(page.getElementById("image-caption").val()).isEqualTo("wide");
    }

    @Test
    void onlyEditorsCreateTagsFromTheEditor() throws Exception {
        String name = Unique.name("Lighthouse Keepers");
        MockHttpServletResponse refused =
                site.perform(form(post("/newsroom/articles"), Unique.name("Keepers"), "Text.\n", 0, "save")
                        .param("tags", name)
                        .with(staff.as(Role.AUTHOR)));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.getContentAsString())
                        .getElementById("tags-error")
                        .text())
                .contains("Unknown tag");

        long id = create(Role.EDITOR, Unique.name("Keepers retire"), "save");
        MockHttpServletResponse created =
                site.perform(form(post("/newsroom/articles/" + id), "Keepers retire", "Text.\n", 1, "save")
                        .param("tags", name)
                        .param("slug", desk.forEditing(id).form().slug())
                        .with(staff.as(Role.EDITOR)));
        assertThat(created.getStatus()).isEqualTo(303);
        assertThat(tags.findBySlug(org.broadsheet.web.Slugs.from(name))).isPresent();
        assertThat(desk.forEditing(id).form().tags()).contains(org.broadsheet.web.Slugs.from(name));
    }

    // ---- refusals by role (direct POSTs, whatever the page showed)

    @Test
    void aContributorCannotPublishNorTouchSomeoneElsesArticle() throws Exception {
        long own = create(Role.CONTRIBUTOR, Unique.name("My draft"), "save");
        assertThat(save(Role.CONTRIBUTOR, own, "My draft", "x\n", 1, "publish").getStatus())
                .isEqualTo(403);
        assertThat(save(Role.CONTRIBUTOR, own, "My draft", "x\n", 1, "schedule").getStatus())
                .isEqualTo(403);
        assertThat(desk.forEditing(own).status()).isEqualTo(ArticleStatus.DRAFT);

        long others = create(Role.AUTHOR, Unique.name("Someone else's"), "publish");
        assertThat(status(Role.CONTRIBUTOR, get("/newsroom/articles/" + others)))
                .isEqualTo(403);
        assertThat(save(Role.CONTRIBUTOR, others, "Hijacked", "x\n", 1, "save").getStatus())
                .isEqualTo(403);
        assertThat(status(
                        Role.CONTRIBUTOR,
                        post("/newsroom/articles/" + others + "/unpublish").with(csrf())))
                .isEqualTo(403);
        assertThat(status(
                        Role.CONTRIBUTOR,
                        post("/newsroom/articles/" + others + "/revisions/1/restore")
                                .param("version", "1")
                                .with(csrf())))
                .isEqualTo(403);
        assertThat(status(
                        Role.AUTHOR,
                        post("/newsroom/articles/" + own)
                                .param("action", "save")
                                .with(csrf())))
                .as("an author and someone else's draft")
                .isEqualTo(403);
        assertThat(desk.forEditing(others).form().headline()).doesNotStartWith("Hijacked");
        assertThat(desk.forEditing(others).status()).isEqualTo(ArticleStatus.PUBLISHED);
    }

    @Test
    void aContributorLosesThePenOnceTheirArticleIsPublished() throws Exception {
        long id = create(Role.CONTRIBUTOR, Unique.name("Ferry returns"), "submit");
        assertThat(save(Role.EDITOR, id, "Ferry returns", "Edited.\n", 1, "publish")
                        .getStatus())
                .isEqualTo(303);
        assertThat(save(Role.CONTRIBUTOR, id, "Ferry returns!", "Mine again.\n", 2, "save")
                        .getStatus())
                .isEqualTo(403);
        Document readOnly = site.page("/newsroom/articles/" + id, staff.as(Role.CONTRIBUTOR));
        assertThat(readOnly.select("fieldset[disabled]")).isNotEmpty();
        assertThat(readOnly.select("button[name=action]")).isEmpty();
    }

    @Test
    void onlyEditorsAddCorrections() throws Exception {
        long id = create(Role.AUTHOR, Unique.name("Bridge length"), "publish");
        assertThat(status(
                        Role.AUTHOR,
                        post("/newsroom/articles/" + id + "/notes")
                                .param("kind", "correction")
                                .param("note", "Fixed.")
                                .with(csrf())))
                .isEqualTo(403);
    }

    // ---- edit conflicts

    @Test
    void theSecondOfTwoSavesFromOneVersionIsRefusedWith409AndNothingTypedIsLost() throws Exception {
        long id = create(Role.EDITOR, Unique.name("Dam report"), "save");
        // Both open version 1; the editor saves first.
        assertThat(save(Role.EDITOR, id, "Dam report: levels fall", "First paragraph.\n", 1, "save")
                        .getStatus())
                .isEqualTo(303);
        MockHttpServletResponse refused =
                save(Role.ADMINISTRATOR, id, "Dam report", "My careful rewrite.\n", 1, "save");

        assertThat(refused.getStatus()).isEqualTo(409);
        Document page = Jsoup.parse(refused.getContentAsString());
        assertThat(page.select("[role=alert]").text()).contains("saved this article while you were editing it");
        assertThat(page.getElementById("body").text()).isEqualTo("My careful rewrite.");
        assertThat(page.select("input[name=version]").val()).isEqualTo("2");
        assertThat(page.select(".nr-conflict table caption").eachText()).containsExactly("Headline");
        assertThat(page.select(".nr-conflict ins").text()).contains("levels fall");
        assertThat(desk.forEditing(id).form().body()).isEqualTo("First paragraph.\n");

        // Having seen the other change, saving again (from version 2) goes through.
        assertThat(save(Role.ADMINISTRATOR, id, "Dam report", "My careful rewrite.\n", 2, "save")
                        .getStatus())
                .isEqualTo(303);
        assertThat(desk.forEditing(id).form().body()).isEqualTo("My careful rewrite.\n");
    }

    // ---- revisions

    @Test
    void revisionsAreListedComparedAndRestored() throws Exception {
        String headline = Unique.name("Port fees rise");
        long id = create(Role.AUTHOR, headline, "save");
        save(Role.AUTHOR, id, headline + " again", "A new paragraph.\n", 1, "save");

        Document list = site.page("/newsroom/articles/" + id + "/revisions", staff.as(Role.AUTHOR));
        assertThat(list.select("tbody tr")).hasSize(2);
        assertThat(list.select("tbody tr").first().text())
                .contains("Headline, Body")
                .contains("current");

        Document compare =
                site.page("/newsroom/articles/" + id + "/revisions/compare?from=1&to=2", staff.as(Role.AUTHOR));
        assertThat(compare.select("table.nr-diff caption").eachText()).containsExactly("Headline", "Body");
        assertThat(compare.select("table.nr-diff del").eachText()).contains("First");
        assertThat(compare.select("table.nr-diff ins").eachText()).contains("A new");
        assertThat(status(Role.AUTHOR, get("/newsroom/articles/" + id + "/revisions/compare?from=1&to=9")))
                .isEqualTo(404);
        assertThat(status(Role.AUTHOR, get("/newsroom/articles/" + id + "/revisions/compare?from=x&to=1")))
                .isEqualTo(404);

        MvcResult restored = site.exchange(post("/newsroom/articles/" + id + "/revisions/1/restore")
                .param("version", "2")
                .with(csrf())
                .with(staff.as(Role.AUTHOR)));
        assertThat(restored.getResponse().getStatus()).isEqualTo(303);
        assertThat(restored.getFlashMap().get("flash")).asString().contains("Revision 1 restored as revision 3");
        assertThat(desk.forEditing(id).form().headline()).isEqualTo(headline);
        assertThat(status(
                        Role.AUTHOR,
                        post("/newsroom/articles/" + id + "/revisions/1/restore")
                                .param("version", "2")
                                .with(csrf())))
                .as("restoring from a stale page")
                .isEqualTo(409);
    }

    // ---- corrections, comments

    @Test
    void aCorrectionAppearsOnTheArticlePageWhichShowsUpdated() throws Exception {
        long id = create(Role.EDITOR, Unique.name("Tunnel length"), "publish");
        String url = desk.forEditing(id).publicUrl();
        assertThat(site.page(url).select(".dates .updated")).isEmpty();

        assertThat(status(
                        Role.EDITOR,
                        post("/newsroom/articles/" + id + "/notes")
                                .param("kind", "correction")
                                .param("note", "The tunnel is 4 km long, not 40 km.")
                                .with(csrf())))
                .isEqualTo(303);

        Document article = site.page(url);
        assertThat(article.select(".notes .note-correction").text()).contains("The tunnel is 4 km long, not 40 km.");
        assertThat(article.select(".dates .updated time")).hasSize(1);

        MockHttpServletResponse empty = site.perform(post("/newsroom/articles/" + id + "/notes")
                .param("kind", "update")
                .param("note", " ")
                .with(csrf())
                .with(staff.as(Role.EDITOR)));
        assertThat(empty.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(empty.getContentAsString()).getElementById("note-error"))
                .isNotNull();
    }

    @Test
    void anAuthorClosesCommentsOnTheirArticle() throws Exception {
        long id = create(Role.AUTHOR, Unique.name("Comments test"), "publish");
        assertThat(status(
                        Role.AUTHOR,
                        post("/newsroom/articles/" + id + "/comments")
                                .param("open", "false")
                                .with(csrf())))
                .isEqualTo(303);
        assertThat(desk.forEditing(id).commentsOpen()).isFalse();
        assertThat(status(
                        Role.CONTRIBUTOR,
                        post("/newsroom/articles/" + id + "/comments")
                                .param("open", "true")
                                .with(csrf())))
                .isEqualTo(403);
    }

    // ---- preview, picker, list

    @Test
    void thePreviewRendersTheBodyAsTheSiteWould() throws Exception {
        long targetId = stories.publish(stories.form(Unique.name("Glacier retreats"))
                        .withStandfirst("")
                        .withBody("Text.\n")
                        .withSection("europe")
                        .withTags(List.of()))
                .id();
        String slug = desk.forEditing(targetId).form().slug();

        MockHttpServletResponse response = site.perform(post("/newsroom/articles/preview")
                .param("headline", "Preview headline")
                .param("body", "Some *emphasis*.\n\n[[related: " + slug + "]]\n\n<script>alert(1)</script>\n")
                .with(csrf())
                .with(staff.as(Role.CONTRIBUTOR)));
        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("#preview-article h1").text()).isEqualTo("Preview headline");
        assertThat(page.select("#preview-article .article-body em").text()).isEqualTo("emphasis");
        assertThat(page.select("#preview-article .story-card a").attr("href"))
                .isEqualTo(desk.forEditing(targetId).publicUrl());
        assertThat(page.select("#preview-article script")).isEmpty();
    }

    @Test
    void thePickerFindsArticlesByHeadlineAndGivesTheReferenceText() throws Exception {
        String word = Unique.word("narwhal");
        long id = create(Role.AUTHOR, "Census of the " + word + " pods", "save");
        String slug = desk.forEditing(id).form().slug();

        Document page = site.page("/newsroom/articles/lookup?q=" + word, staff.as(Role.CONTRIBUTOR));
        assertThat(page.select("code.nr-copy").eachText())
                .contains("[[related: " + slug + "]]", "[[read-more: " + slug + "]]");

        String json = site.perform(get("/newsroom/articles/lookup")
                        .param("q", word)
                        .header("Accept", "application/json")
                        .with(staff.as(Role.CONTRIBUTOR)))
                .getContentAsString();
        assertThat(json).contains("\"slug\":\"" + slug + "\"").contains("\"status\":\"Draft\"");
    }

    @Test
    void theListFiltersByStatusWordsAndOwner() throws Exception {
        String word = Unique.word("okapi");
        long draft = create(Role.CONTRIBUTOR, "Draft about the " + word, "save");
        long review = create(Role.CONTRIBUTOR, "Review of the " + word, "submit");

        Document all = site.page("/newsroom/articles?q=" + word, staff.as(Role.EDITOR));
        assertThat(all.select("tbody tr")).hasSize(2);
        Document inReview = site.page("/newsroom/articles?q=" + word + "&status=in_review", staff.as(Role.EDITOR));
        assertThat(inReview.select("tbody tr a").attr("href")).isEqualTo("/newsroom/articles/" + review);
        assertThat(site.page("/newsroom/articles?q=" + word + "&mine=1", staff.as(Role.EDITOR))
                        .select("tbody tr"))
                .isEmpty();
        assertThat(site.page("/newsroom/articles?q=" + word + "&mine=1", staff.as(Role.CONTRIBUTOR))
                        .select("tbody tr"))
                .hasSize(2);
        assertThat(site.page("/newsroom/articles?q=" + word, staff.as(Role.AUTHOR))
                        .select("tbody tr a[href=/newsroom/articles/" + draft + "]"))
                .as("no link to what the author cannot open")
                .isEmpty();
        assertThat(status(Role.EDITOR, get("/newsroom/articles?page=0"))).isEqualTo(404);
    }

    // ---- autosave

    @Test
    void anAutosaveIsOfferedBackAndCanBeRestoredOrDiscarded() throws Exception {
        long id = create(Role.CONTRIBUTOR, Unique.name("Lost words"), "save");
        MockHttpServletResponse autosaved = site.perform(
                form(post("/newsroom/articles/" + id + "/autosave"), "Lost words", "Half a thought", 1, "save")
                        .with(staff.as(Role.CONTRIBUTOR)));
        assertThat(autosaved.getStatus()).isEqualTo(200);
        assertThat(autosaved.getContentAsString()).contains("saved");
        assertThat(desk.revisions(id)).hasSize(1);

        Document editor = site.page("/newsroom/articles/" + id, staff.as(Role.CONTRIBUTOR));
        assertThat(editor.select("a:containsOwn(Restore them)").attr("href"))
                .isEqualTo("/newsroom/articles/" + id + "?autosave=1");
        assertThat(site.page("/newsroom/articles/" + id + "?autosave=1", staff.as(Role.CONTRIBUTOR))
                        .getElementById("body")
                        .text())
                .isEqualTo("Half a thought");

        assertThat(status(
                        Role.CONTRIBUTOR,
                        post("/newsroom/articles/" + id + "/autosave/discard").with(csrf())))
                .isEqualTo(303);
        assertThat(site.page("/newsroom/articles/" + id, staff.as(Role.CONTRIBUTOR))
                        .select("a:containsOwn(Restore them)"))
                .isEmpty();
        assertThat(status(Role.AUTHOR, form(post("/newsroom/articles/" + id + "/autosave"), "x", "y", 1, "save")))
                .as("someone else's article")
                .isEqualTo(403);
    }

    // ---- autosave of a new article, before its first save

    /** The new-article autosave rows this person has (there is at most one). */
    private long newAutosaveRows(Role role) {
        return jdbc.sql("select count(*) from article_new_autosave where staff_id = ?")
                .param(idOf(role))
                .query(Long.class)
                .single();
    }

    @Test
    void aNewArticleIsAutosavedIntoOneRowOfferedBackAndGoneAtItsFirstSave() throws Exception {
        String headline = Unique.name("Unsaved ferry timetable");
        long articlesBefore = articles.count();
        Document blank = site.page("/newsroom/articles/new", staff.as(Role.CONTRIBUTOR));
        assertThat(blank.getElementById("article-editor").attr("data-autosave-url"))
                .isEqualTo("/newsroom/articles/autosave");

        for (String body : List.of("Half a thought", "Half a thought, and then a whole one")) {
            MockHttpServletResponse autosaved =
                    site.perform(form(post("/newsroom/articles/autosave"), headline, body, 0, "save")
                            .with(staff.as(Role.CONTRIBUTOR)));
            assertThat(autosaved.getStatus()).isEqualTo(200);
            assertThat(autosaved.getContentAsString()).contains("\"saved\"");
        }
        assertThat(newAutosaveRows(Role.CONTRIBUTOR))
                .as("one row per person, not one per autosave")
                .isEqualTo(1);
        assertThat(articles.count()).as("not an article").isEqualTo(articlesBefore);
        assertThat(site.page(
                                "/newsroom/articles?q=" + headline.substring(headline.lastIndexOf(' ') + 1),
                                staff.as(Role.EDITOR))
                        .select("tbody tr"))
                .as("not in the article list")
                .isEmpty();
        assertThat(site.get("/page/1").getContentAsString()).doesNotContain(headline);

        Document offer = site.page("/newsroom/articles/new", staff.as(Role.CONTRIBUTOR));
        assertThat(offer.getElementById("article-editor"))
                .as("a choice first, not a blank form to type over")
                .isNull();
        assertThat(offer.select("main h2").text()).startsWith("You have unsaved work from");
        assertThat(offer.select("main h2 time").attr("datetime")).isNotBlank();
        assertThat(offer.select("main").text()).contains("“" + headline + "”").contains("8 words");
        assertThat(offer.select("form[method=post][action=/newsroom/articles/autosave/restore] button")
                        .text())
                .isEqualTo("Restore");
        assertThat(offer.select("form[method=post][action=/newsroom/articles/autosave/discard] button")
                        .text())
                .isEqualTo("Discard");
        assertThat(offer.select("form[method=post] input[name=_csrf]"))
                .hasSize(offer.select("form[method=post]").size());
        assertThat(site.page("/newsroom/articles/new", staff.as(Role.AUTHOR)).getElementById("article-editor"))
                .as("someone else's unsaved work is theirs alone")
                .isNotNull();

        MockHttpServletResponse restored = site.perform(
                post("/newsroom/articles/autosave/restore").with(csrf()).with(staff.as(Role.CONTRIBUTOR)));
        assertThat(restored.getStatus()).isEqualTo(200);
        Document editor = Jsoup.parse(restored.getContentAsString());
        assertThat(editor.getElementById("headline").val()).isEqualTo(headline);
        assertThat(editor.getElementById("body").text()).isEqualTo("Half a thought, and then a whole one");
        assertThat(editor.getElementById("article-editor").attr("action")).isEqualTo("/newsroom/articles");
        assertThat(editor.select("[role=status]").text()).contains("unsaved article");

        long id = create(Role.CONTRIBUTOR, headline, "save");
        assertThat(desk.forEditing(id).form().headline()).isEqualTo(headline);
        assertThat(newAutosaveRows(Role.CONTRIBUTOR))
                .as("the first save removes it")
                .isZero();
        assertThat(site.page("/newsroom/articles/new", staff.as(Role.CONTRIBUTOR))
                        .getElementById("article-editor"))
                .isNotNull();
    }

    @Test
    void unsavedNewWorkCanBeDiscardedAndARefusedFirstSaveKeepsIt() throws Exception {
        site.perform(form(post("/newsroom/articles/autosave"), "Kept while refused", "Words.", 0, "save")
                .with(staff.as(Role.AUTHOR)));
        MockHttpServletResponse refused = site.perform(
                form(post("/newsroom/articles"), " ", "Words.", 0, "save").with(staff.as(Role.AUTHOR)));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(newAutosaveRows(Role.AUTHOR))
                .as("nothing was saved, so it is still unsaved work")
                .isEqualTo(1);

        MvcResult discarded = site.exchange(
                post("/newsroom/articles/autosave/discard").with(csrf()).with(staff.as(Role.AUTHOR)));
        assertThat(discarded.getResponse().getStatus()).isEqualTo(303);
        assertThat(discarded.getResponse().getRedirectedUrl()).isEqualTo("/newsroom/articles/new");
        assertThat(discarded.getFlashMap().get("flash")).asString().contains("discarded");
        assertThat(newAutosaveRows(Role.AUTHOR)).isZero();
        assertThat(site.page("/newsroom/articles/new", staff.as(Role.AUTHOR)).getElementById("article-editor"))
                .isNotNull();

        MvcResult nothing = site.exchange(
                post("/newsroom/articles/autosave/restore").with(csrf()).with(staff.as(Role.AUTHOR)));
        assertThat(nothing.getResponse().getStatus()).isEqualTo(303);
        assertThat(nothing.getFlashMap().get("flash")).asString().contains("no unsaved article");

        site.perform(form(post("/newsroom/articles/autosave"), "Typed", "Words.", 0, "save")
                .with(staff.as(Role.AUTHOR)));
        site.perform(post("/newsroom/articles/autosave")
                .param("headline", " ")
                .param("body", "")
                .param("version", "0")
                .param("authors", "daniel-reyes")
                .with(csrf())
                .with(staff.as(Role.AUTHOR)));
        assertThat(newAutosaveRows(Role.AUTHOR))
                .as("everything typed was taken out again: nothing to keep")
                .isZero();
    }

    /**
     * Also over real HTTP, where the server sees committed data only: this test runs outside
     * the transaction and leaves its own contributor's draft behind, which no other test reads.
     */
    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void badInputToTheNewArticleAutosaveGetsTheAnswersTheSavedArticleAutosaveGives() throws Exception {
        long id = create(Role.CONTRIBUTOR, Unique.name("Autosave refusals"), "save");
        for (String url : List.of("/newsroom/articles/" + id + "/autosave", "/newsroom/articles/autosave")) {
            MockHttpServletResponse tooLong = site.perform(
                    form(post(url), "Long", "x".repeat(200_001), 1, "save").with(staff.as(Role.CONTRIBUTOR)));
            assertThat(tooLong.getStatus()).as(url).isEqualTo(422);
            assertThat(tooLong.getContentAsString())
                    .as(url)
                    .contains("\"problem\"")
                    .contains("Body");

            assertThat(status(Role.CONTRIBUTOR, form(post(url), "Bell\u0007", "Text", 1, "save")))
                    .as(url)
                    .isEqualTo(400);
            assertThat(status(
                            Role.CONTRIBUTOR,
                            post(url)
                                    .contentType("application/x-www-form-urlencoded")
                                    .content(
                                            "version=1&headline=caf%C3%28&body=x".getBytes(StandardCharsets.ISO_8859_1))
                                    .with(csrf())))
                    .as(url)
                    .isEqualTo(400);

            HttpResponse<String> huge = postOverHttp(Role.CONTRIBUTOR, url, "x".repeat(3_000_000));
            assertThat(huge.statusCode()).as(url).isEqualTo(413);
        }
        assertThat(newAutosaveRows(Role.CONTRIBUTOR)).isZero();
        assertThat(desk.autosave(id, idOf(Role.CONTRIBUTOR))).isEmpty();
    }

    /** A form posted to the running server over HTTP (where Tomcat's own limits apply), signed in as {@code role}. */
    private HttpResponse<String> postOverHttp(Role role, String path, String body) throws Exception {
        MockHttpServletRequest carrier = new MockHttpServletRequest();
        staff.as(role).postProcessRequest(carrier);
        csrf().postProcessRequest(carrier);
        String cookies = java.util.Arrays.stream(carrier.getCookies())
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        String form = "_csrf=" + URLEncoder.encode(carrier.getParameter("_csrf"), StandardCharsets.UTF_8)
                + "&version=1&headline=Huge&body=" + body;
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(live.uri(path))
                                .header("Cookie", cookies)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknownArticlesAreNotFound() throws Exception {
        assertThat(status(Role.EDITOR, get("/newsroom/articles/999999999"))).isEqualTo(404);
        assertThat(status(Role.EDITOR, get("/newsroom/articles/999999999/revisions")))
                .isEqualTo(404);
        assertThat(status(
                        Role.EDITOR,
                        post("/newsroom/articles/999999999/unpublish").with(csrf())))
                .isEqualTo(404);
    }
}
