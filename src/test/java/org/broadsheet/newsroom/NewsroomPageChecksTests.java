package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.web.TestCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.ApiTokens;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleForm;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.NoteKind;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.media.MediaItem;
import org.broadsheet.taxonomy.Taxonomies;
import org.broadsheet.taxonomy.Taxonomy;
import org.broadsheet.testkit.BrowserTest;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.Images;
import org.broadsheet.testkit.StaffMembers;
import org.broadsheet.testkit.TestImages;
import org.broadsheet.testkit.Unique;
import org.broadsheet.web.BrowserSession;
import org.broadsheet.web.NewsroomUrls;
import org.broadsheet.web.PageChecks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every newsroom page type, checked by the Nu HTML Checker (the HTML the server sends) and by
 * axe-core in headless Chromium (WCAG 2.1 A/AA), as an administrator who sees every menu item.
 * Add each new newsroom page here with {@link #check(String, String)}. A real server cannot
 * roll back: the class signs in an administrator of its own, and each test writes articles,
 * comments and images with names of their own, which it leaves as they are.
 */
@BroadsheetTest
class NewsroomPageChecksTests extends BrowserTest {

    @Autowired
    AccountService accounts;

    @Autowired
    Images images;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Taxonomies taxonomies;

    private final PageChecks checks = new PageChecks();
    private StaffMembers.Member admin;
    private final BrowserSession browser = browsers.withJavaScript();

    @BeforeAll
    void signInInTheBrowser() {
        admin = staff.member(Role.ADMINISTRATOR);
        StaffMembers.signInWithBrowser(browser.load(live.uri("/newsroom/sign-in")), live.uri("/"), admin);
    }

    @Test
    void signInPages() throws Exception {
        byte[] html = site.get("/newsroom/sign-in").getContentAsByteArray();
        checks.assertPasses("sign-in page", html, signedOut().load(live.uri("/newsroom/sign-in")));

        MockHttpServletResponse refused =
                site.perform(StaffMembers.signInForm("nobody@staff.example", "wrong-password-here"));
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(checks.htmlErrors("sign-in refused", refused.getContentAsByteArray()))
                .isEmpty();

        String token = accounts.invite(Unique.email("invited"), "Invited Person", Role.CONTRIBUTOR, null)
                .token();
        byte[] password = site.get("/newsroom/password/" + token).getContentAsByteArray();
        checks.assertPasses("password link page", password, signedOut().load(live.uri("/newsroom/password/" + token)));

        byte[] forgot = site.get("/newsroom/sign-in/forgot").getContentAsByteArray();
        checks.assertPasses(
                "forgot password, no mail set up", forgot, signedOut().load(live.uri("/newsroom/sign-in/forgot")));
    }

    @Test
    void dashboard() throws Exception {
        check("dashboard", "/newsroom");
    }

    @Test
    void accountPage() throws Exception {
        check("your account", "/newsroom/account");
    }

    @Test
    void apiTokensPage() throws Exception {
        tokens.create(admin.staff(), "Checked " + Unique.slug("token"));
        check("API tokens", "/newsroom/account/tokens");
        MockHttpServletResponse made = site.perform(post("/newsroom/account/tokens")
                .param("name", "Shown once")
                .with(staff.signIn(admin))
                .with(csrf()));
        assertThat(made.getContentAsString()).contains("bst_");
        PageChecks.failIfAny(checks.htmlErrors("a new API token", made.getContentAsByteArray()));
    }

    @Test
    void theNotAllowedPage() throws Exception {
        MockHttpServletResponse refused = site.get("/newsroom/users", staff.as(Role.CONTRIBUTOR));
        assertThat(refused.getStatus()).isEqualTo(403);
        Document page = Jsoup.parse(refused.getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Not allowed");
        assertThat(page.select("main").text()).contains("Contributor").contains("Nothing was changed");
        assertThat(page.select("nav[aria-label=Newsroom] a").eachAttr("href")).contains("/newsroom/articles");
        PageChecks.failIfAny(checks.htmlErrors("the not-allowed page", refused.getContentAsByteArray()));
    }

    @Test
    void usersPages() throws Exception {
        check("users", "/newsroom/users");
        check("a user", "/newsroom/users/" + staff.member(Role.EDITOR).staff().id());
    }

    @Test
    void mediaLibraryPages() throws Exception {
        MediaItem item = images.upload(
                Unique.slug("page-checks") + ".png",
                TestImages.png(1100, 700),
                "A grey test card",
                "The caption",
                "The credit");
        check("media library", "/newsroom/media");
        check("an image", "/newsroom/media/" + item.id());
        check("image picker", "/newsroom/media/picker");

        for (String alt :
                new String[] {"A text file", "x".repeat(301)}) { // refused for its type (415), for its alt (422)
            MockHttpServletResponse refused = site.perform(multipart("/newsroom/media")
                    .file(new MockMultipartFile(
                            "file", "words.jpg", "image/jpeg", "not a picture".getBytes(StandardCharsets.UTF_8)))
                    .param("alt", alt)
                    .with(staff.as(Role.ADMINISTRATOR))
                    .with(csrf()));
            assertThat(refused.getStatus()).isIn(415, 422);
            assertThat(checks.htmlErrors("upload refused " + refused.getStatus(), refused.getContentAsByteArray()))
                    .isEmpty();
        }
    }

    @Test
    void wordpressImportPages() throws Exception {
        check("WordPress import", NewsroomUrls.WORDPRESS_IMPORT);
        MockHttpServletResponse started = site.perform(multipart(NewsroomUrls.WORDPRESS_IMPORT)
                .file(new MockMultipartFile(
                        "file",
                        "not-an-export.xml",
                        "application/xml",
                        "<rss><channel>".getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", "true")
                .with(staff.as(Role.ADMINISTRATOR))
                .with(csrf()));
        assertThat(started.getStatus()).isEqualTo(303);
        String job = started.getRedirectedUrl();
        for (int i = 0; i < 100 && site.get(job, staff.as(Role.ADMINISTRATOR)).getHeader("Refresh") != null; i++) {
            Thread.sleep(100);
        }
        check("WordPress import report", job);
        MockHttpServletResponse refused = site.perform(multipart(NewsroomUrls.WORDPRESS_IMPORT)
                .with(staff.as(Role.ADMINISTRATOR))
                .with(csrf()));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(checks.htmlErrors("WordPress import without a file", refused.getContentAsByteArray()))
                .isEmpty();
    }

    // ---- Articles (writing and publishing)

    /** A new article with two revisions, published, with a correction: every part of the editor shows. */
    private long articleWithHistory() {
        long id = stories.draft(
                stories.form(Unique.name("Checked article"))
                        .withStandfirst("A standfirst.")
                        .withBody("First paragraph.\n\nSecond paragraph.\n")
                        .withSection("europe"),
                admin);
        ArticleForm saved = desk.forEditing(id).form();
        articles.save(
                id,
                saved.withHeadline(saved.headline() + " revised")
                        .withBody("First paragraph, longer now.\n\nSecond paragraph.\n"),
                1,
                admin.staff().id(),
                List.of());
        workflow.publish(id, null);
        workflow.addNote(id, NoteKind.CORRECTION, "A name was misspelt.", null);
        return id;
    }

    @Test
    void articlePages() throws Exception {
        long id = articleWithHistory();
        check("article list", "/newsroom/articles");
        check("new article", "/newsroom/articles/new");
        check("article editor", "/newsroom/articles/" + id);
        check("revisions", "/newsroom/articles/" + id + "/revisions");
        check("revision comparison", "/newsroom/articles/" + id + "/revisions/compare?from=1&to=2");
        check("story-reference picker", "/newsroom/articles/lookup?q=Checked");
        long places = stories.draft(
                stories.form(Unique.name("Checked places"))
                        .withBody("Ministers from Kazakhstan and Uzbekistan met in Astana.\n")
                        .withTags(List.of()),
                admin);
        check("article editor with place suggestions", "/newsroom/articles/" + places);
    }

    @Test
    void articlePreviewAndRefusedSaves() throws Exception {
        long id = articleWithHistory();
        byte[] preview = site.perform(post("/newsroom/articles/preview")
                        .param("headline", "Preview")
                        .param(
                                "body",
                                "Some *text*.\n\n[[related: "
                                        + desk.forEditing(id).form().slug() + "]]\n")
                        .with(csrf())
                        .with(staff.as(Role.ADMINISTRATOR)))
                .getContentAsByteArray();
        PageChecks.failIfAny(checks.htmlErrors("preview", preview));

        MockHttpServletResponse conflict = site.perform(post("/newsroom/articles/" + id)
                .param("headline", "Stale")
                .param("section", "europe")
                .param("authors", "daniel-reyes")
                .param("version", "1")
                .param("action", "save")
                .with(csrf())
                .with(staff.as(Role.ADMINISTRATOR)));
        assertThat(conflict.getStatus()).isEqualTo(409);
        PageChecks.failIfAny(checks.htmlErrors("editor with an edit conflict", conflict.getContentAsByteArray()));

        MockHttpServletResponse refused = site.perform(post("/newsroom/articles")
                .param("headline", "")
                .param("imageWidth", "x")
                .param("imageMediaId", "0")
                .param("action", "save")
                .with(csrf())
                .with(staff.as(Role.ADMINISTRATOR)));
        assertThat(refused.getStatus()).isEqualTo(422);
        PageChecks.failIfAny(checks.htmlErrors("editor with field errors", refused.getContentAsByteArray()));

        // The script's preview beside the form, as the browser shows it.
        WebDriver page = browser.load(live.uri("/newsroom/articles/" + id));
        page.findElement(By.id("preview-button")).click();
        new WebDriverWait(page, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#preview-content .article-body")));
        PageChecks.failIfAny(PageChecks.axeViolations("editor with its preview", page));
    }

    // ---- A new article left unsaved: the offer to restore or discard it, and the editor holding it

    /**
     * Unsaved work belongs to an administrator of this test's own, signed in to the second
     * browser, so the class's administrator never has any ("new article" above is the blank
     * editor) and nothing has to be discarded afterwards.
     */
    @Test
    void unsavedNewArticle() throws Exception {
        StaffMembers.Member writer = staff.create(Role.ADMINISTRATOR);
        RequestPostProcessor asWriter = staff.signIn(writer);
        BrowserSession theirs = signedOut();
        StaffMembers.signInWithBrowser(theirs.load(live.uri("/newsroom/sign-in")), live.uri("/"), writer);
        autosaves.autosaveNew(
                writer.staff().id(),
                stories.form("Unsaved page check")
                        .withStandfirst("A standfirst.")
                        .withBody("Words typed before a crash.\n")
                        .withSection("europe")
                        .withTags(List.of()));

        check("new article with unsaved work offered", "/newsroom/articles/new", asWriter, theirs);

        MockHttpServletResponse restored = site.perform(
                post("/newsroom/articles/autosave/restore").with(csrf()).with(asWriter));
        assertThat(restored.getStatus()).isEqualTo(200);
        PageChecks.failIfAny(checks.htmlErrors("editor holding unsaved work", restored.getContentAsByteArray()));

        WebDriver page = theirs.load(live.uri("/newsroom/articles/new"));
        page.findElement(By.cssSelector("form[action='/newsroom/articles/autosave/restore'] button"))
                .click();
        new WebDriverWait(page, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("article-editor")));
        assertThat(page.findElement(By.id("headline")).getDomProperty("value")).isEqualTo("Unsaved page check");
        PageChecks.failIfAny(PageChecks.axeViolations("editor holding unsaved work", page));
    }

    // ---- The lead image from the library: the picker for an article, the editor's preview and dialog

    @Test
    void leadImagePicker() throws Exception {
        MediaItem item = images.jpeg(1300, 800, "A dark test card");
        long id = stories.draft(
                stories.form(Unique.name("Picked image"))
                        .withStandfirst("A standfirst.")
                        .withBody("Text.\n")
                        .withSection("europe")
                        .withTags(List.of()),
                admin);
        check("image picker for an article", "/newsroom/media/picker?article=" + id);

        MockHttpServletResponse refused = site.perform(post("/newsroom/articles/" + id + "/lead-image")
                .param("media", "999999999999")
                .with(csrf())
                .with(staff.as(Role.ADMINISTRATOR)));
        assertThat(refused.getStatus()).isEqualTo(422);
        PageChecks.failIfAny(checks.htmlErrors("image picker refusing a choice", refused.getContentAsByteArray()));

        assertThat(site.perform(post("/newsroom/articles/" + id + "/lead-image")
                                .param("media", Long.toString(item.id()))
                                .with(csrf())
                                .with(staff.as(Role.ADMINISTRATOR)))
                        .getStatus())
                .isEqualTo(303);
        check("article editor with a library image", "/newsroom/articles/" + id);

        // The editor's script opens the picker in a dialog on the page.
        WebDriver page = browser.load(live.uri("/newsroom/articles/" + id));
        page.findElement(By.id("choose-image")).click();
        new WebDriverWait(page, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#media-dialog li button")));
        PageChecks.failIfAny(PageChecks.axeViolations("editor with the image picker dialog", page));
        page.findElement(By.cssSelector("#media-dialog button[aria-label='Use this image: " + item.filename() + "']"))
                .click();
        assertThat(page.findElement(By.id("image-media-id")).getDomProperty("value"))
                .isEqualTo(Long.toString(item.id()));
        assertThat(page.findElement(By.id("media-dialog")).isDisplayed()).isFalse();
    }

    // ---- Moderation and site management: the comment queue, sections, tags, authors, settings

    @Test
    void moderationPages() throws Exception {
        ArticleView story = commenting.article(Unique.name("Checked comments"));
        long id = comments.importComment(
                        story.id(),
                        Comments.comment("Held Reader", "A comment waiting for the page checks."),
                        CommentStatus.PENDING,
                        Instant.now())
                .id();
        check("comment queue, all", "/newsroom/comments?status=all");
        check("comment queue, held", "/newsroom/comments");
        check("a comment", "/newsroom/comments/" + id);
        assertRefusedFormIsValidHtml(
                "comment correction refused",
                post("/newsroom/comments/" + id)
                        .param("name", "")
                        .param("email", "not an email")
                        .param("comment", ""));
        assertRefusedFormIsValidHtml(
                "bulk action refused", post("/newsroom/comments/bulk").param("action", ""));
    }

    @Test
    void siteManagementPages() throws Exception {
        for (var example : Map.of(
                        Taxonomy.SECTION, "americas", Taxonomy.TAG, "diplomacy", Taxonomy.AUTHOR, "amara-okafor")
                .entrySet()) {
            Taxonomy taxonomy = example.getKey();
            long id = taxonomies
                    .of(taxonomy)
                    .findBySlug(example.getValue())
                    .orElseThrow()
                    .id();
            check(taxonomy.plural(), NewsroomUrls.terms(taxonomy.plural()));
            check("a " + taxonomy.label(), NewsroomUrls.term(taxonomy.plural(), id));
        }
        check("settings", "/newsroom/settings");
        assertRefusedFormIsValidHtml(
                "section refused", post("/newsroom/sections").param("name", "").param("slug", "Not A Slug"));
        assertRefusedFormIsValidHtml(
                "tag refused", post("/newsroom/tags").param("name", "").param("kind", "x"));
        assertRefusedFormIsValidHtml(
                "author refused", post("/newsroom/authors").param("name", "").param("photo", "nope"));
        assertRefusedFormIsValidHtml(
                "settings refused",
                post("/newsroom/settings/comments").param("moderation", "").param("maxLinks", "many"));
    }

    // ---- helpers

    /**
     * Checks one page as the signed-in administrator: its HTML as sent (via MockMvc), and the
     * page shown by the browser.
     */
    void check(String what, String path) throws Exception {
        check(what, path, staff.as(Role.ADMINISTRATOR), browser);
    }

    /** As {@link #check(String, String)}, as someone else, signed in to {@code shownIn} too. */
    void check(String what, String path, RequestPostProcessor who, BrowserSession shownIn) throws Exception {
        MockHttpServletResponse response = site.get(path, who);
        assertThat(response.getStatus()).as("status of %s", path).isEqualTo(200);
        checks.assertPasses(what, response.getContentAsByteArray(), shownIn.load(live.uri(path)));
    }

    private void assertRefusedFormIsValidHtml(String what, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse refused = site.perform(request.with(csrf()).with(staff.as(Role.ADMINISTRATOR)));
        assertThat(refused.getStatus()).as(what).isEqualTo(422);
        assertThat(checks.htmlErrors(what, refused.getContentAsByteArray())).isEmpty();
    }

    /** The second browser, without cookies: signed out, or ready for someone else to sign in. */
    private BrowserSession signedOut() {
        BrowserSession other = browsers.second();
        other.clearCookies();
        return other;
    }
}
