package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.web.TestCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.media.MediaItem;
import org.broadsheet.media.MediaUploads;
import org.broadsheet.web.BrowserSession;
import org.broadsheet.web.PageChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every newsroom page type, checked by the Nu HTML Checker (the HTML the server sends) and by
 * axe-core in headless Chromium (WCAG 2.1 A/AA), as an administrator who sees every menu item.
 * Add each new newsroom page here with {@link #check(String, String)}.
 */
@BroadsheetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class NewsroomPageChecksTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    MediaUploads media;

    private final PageChecks checks = new PageChecks();
    private StaffFixtures staff;
    private BrowserSession browser;

    @BeforeAll
    void signInInTheBrowser() {
        staff = new StaffFixtures(mvc, accounts);
        browser = BrowserSession.open();
        StaffFixtures.Member admin = staff.member(Role.ADMINISTRATOR);
        StaffFixtures.signInWithBrowser(browser.load(site("/newsroom/sign-in")), site("/"), admin);
    }

    @AfterAll
    void closeBrowser() {
        BrowserSession.closeAll(browser);
    }

    @Test
    void signInPages() throws Exception {
        byte[] html =
                mvc.perform(get("/newsroom/sign-in")).andReturn().getResponse().getContentAsByteArray();
        checks.assertPasses("sign-in page", html, fresh().load(site("/newsroom/sign-in")));

        MockHttpServletResponse refused = mvc.perform(post("/newsroom/sign-in")
                        .param("email", "nobody@staff.example")
                        .param("password", "wrong-password-here")
                        .with(csrf())
                        .with(StaffFixtures.fromNewAddress()))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(checks.htmlErrors("sign-in refused", refused.getContentAsByteArray()))
                .isEmpty();

        String token = accounts.invite(
                        "invited-" + System.nanoTime() + "@staff.example", "Invited Person", Role.CONTRIBUTOR, null)
                .token();
        byte[] password = mvc.perform(get("/newsroom/password/" + token))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        checks.assertPasses("password link page", password, fresh().load(site("/newsroom/password/" + token)));
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
    void theNotAllowedPage() throws Exception {
        MockHttpServletResponse refused = mvc.perform(get("/newsroom/users").with(staff.as(Role.CONTRIBUTOR)))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(refused.getContentAsString());
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
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1100, 700, BufferedImage.TYPE_INT_RGB), "png", png);
        MediaItem item = media.upload(
                "page-checks-" + System.nanoTime() + ".png",
                new ByteArrayInputStream(png.toByteArray()),
                staff.member(Role.ADMINISTRATOR).staff().id(),
                "A grey test card",
                "The caption",
                "The credit");
        check("media library", "/newsroom/media");
        check("an image", "/newsroom/media/" + item.id());
        check("image picker", "/newsroom/media/picker");

        for (String alt :
                new String[] {"A text file", "x".repeat(301)}) { // refused for its type (415), for its alt (422)
            MockHttpServletResponse refused = mvc.perform(multipart("/newsroom/media")
                            .file(new MockMultipartFile(
                                    "file",
                                    "words.jpg",
                                    "image/jpeg",
                                    "not a picture".getBytes(StandardCharsets.UTF_8)))
                            .param("alt", alt)
                            .with(staff.as(Role.ADMINISTRATOR))
                            .with(csrf()))
                    .andReturn()
                    .getResponse();
            assertThat(refused.getStatus()).isIn(415, 422);
            assertThat(checks.htmlErrors("upload refused " + refused.getStatus(), refused.getContentAsByteArray()))
                    .isEmpty();
        }
    }

    // ---- Articles (writing and publishing)

    @Autowired
    org.broadsheet.article.ArticleService articles;

    @Autowired
    org.broadsheet.article.ArticleWorkflow workflow;

    @Autowired
    org.broadsheet.article.ArticleAutosaves autosaves;

    @Autowired
    org.broadsheet.article.ArticleDesk desk;

    /** An article with two revisions, published, with a correction: every part of the editor shows. */
    private long articleWithHistory() {
        long admin = staff.member(Role.ADMINISTRATOR).staff().id();
        var form = new org.broadsheet.article.ArticleForm(
                null,
                "Checked article " + System.nanoTime(),
                "A standfirst.",
                "First paragraph.\n\nSecond paragraph.\n",
                "europe",
                java.util.List.of("daniel-reyes"),
                java.util.List.of("diplomacy"),
                null);
        long id = articles.create(form, admin, java.util.List.of()).id();
        var saved = desk.forEditing(id).form();
        articles.save(
                id,
                new org.broadsheet.article.ArticleForm(
                        saved.slug(),
                        saved.headline() + " revised",
                        saved.standfirst(),
                        "First paragraph, longer now.\n\nSecond paragraph.\n",
                        saved.section(),
                        saved.authors(),
                        saved.tags(),
                        null),
                1,
                admin,
                java.util.List.of());
        workflow.publish(id, null);
        workflow.addNote(id, org.broadsheet.article.NoteKind.CORRECTION, "A name was misspelt.", null);
        return id;
    }

    @Test
    void articlePages() throws Exception {
        long id = articleWithHistory();
        try {
            checkArticlePages(id);
        } finally {
            workflow.unpublish(id); // reader-page tests sharing the database never see it
        }
    }

    private void checkArticlePages(long id) throws Exception {
        check("article list", "/newsroom/articles");
        check("new article", "/newsroom/articles/new");
        check("article editor", "/newsroom/articles/" + id);
        check("revisions", "/newsroom/articles/" + id + "/revisions");
        check("revision comparison", "/newsroom/articles/" + id + "/revisions/compare?from=1&to=2");
        check("story-reference picker", "/newsroom/articles/lookup?q=Checked");
    }

    @Test
    void articlePreviewAndRefusedSaves() throws Exception {
        long id = articleWithHistory();
        try {
            checkPreviewAndRefusedSaves(id);
        } finally {
            workflow.unpublish(id);
        }
    }

    private void checkPreviewAndRefusedSaves(long id) throws Exception {
        byte[] preview = mvc.perform(post("/newsroom/articles/preview")
                        .param("headline", "Preview")
                        .param(
                                "body",
                                "Some *text*.\n\n[[related: "
                                        + desk.forEditing(id).form().slug() + "]]\n")
                        .with(csrf())
                        .with(staff.as(Role.ADMINISTRATOR)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        PageChecks.failIfAny(checks.htmlErrors("preview", preview));

        MockHttpServletResponse conflict = mvc.perform(post("/newsroom/articles/" + id)
                        .param("headline", "Stale")
                        .param("section", "europe")
                        .param("authors", "daniel-reyes")
                        .param("version", "1")
                        .param("action", "save")
                        .with(csrf())
                        .with(staff.as(Role.ADMINISTRATOR)))
                .andReturn()
                .getResponse();
        assertThat(conflict.getStatus()).isEqualTo(409);
        PageChecks.failIfAny(checks.htmlErrors("editor with an edit conflict", conflict.getContentAsByteArray()));

        MockHttpServletResponse refused = mvc.perform(post("/newsroom/articles")
                        .param("headline", "")
                        .param("imageWidth", "x")
                        .param("imageMediaId", "0")
                        .param("action", "save")
                        .with(csrf())
                        .with(staff.as(Role.ADMINISTRATOR)))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        PageChecks.failIfAny(checks.htmlErrors("editor with field errors", refused.getContentAsByteArray()));

        // The script's preview beside the form, as the browser shows it.
        WebDriver page = browser.load(site("/newsroom/articles/" + id));
        page.findElement(By.id("preview-button")).click();
        new WebDriverWait(page, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#preview-content .article-body")));
        PageChecks.failIfAny(PageChecks.axeViolations("editor with its preview", page));
    }

    // ---- A new article left unsaved: the offer to restore or discard it, and the editor holding it

    @Test
    void unsavedNewArticle() throws Exception {
        long admin = staff.member(Role.ADMINISTRATOR).staff().id();
        autosaves.autosaveNew(
                admin,
                new org.broadsheet.article.ArticleForm(
                        null,
                        "Unsaved page check",
                        "A standfirst.",
                        "Words typed before a crash.\n",
                        "europe",
                        java.util.List.of("daniel-reyes"),
                        java.util.List.of(),
                        null));
        try {
            check("new article with unsaved work offered", "/newsroom/articles/new");

            MockHttpServletResponse restored = mvc.perform(post("/newsroom/articles/autosave/restore")
                            .with(csrf())
                            .with(staff.as(Role.ADMINISTRATOR)))
                    .andReturn()
                    .getResponse();
            assertThat(restored.getStatus()).isEqualTo(200);
            PageChecks.failIfAny(checks.htmlErrors("editor holding unsaved work", restored.getContentAsByteArray()));

            WebDriver page = browser.load(site("/newsroom/articles/new"));
            page.findElement(By.cssSelector("form[action='/newsroom/articles/autosave/restore'] button"))
                    .click();
            new WebDriverWait(page, Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("article-editor")));
            assertThat(page.findElement(By.id("headline")).getDomProperty("value"))
                    .isEqualTo("Unsaved page check");
            PageChecks.failIfAny(PageChecks.axeViolations("editor holding unsaved work", page));
        } finally {
            autosaves.discardNewAutosave(admin); // "new article" elsewhere in this class is the blank editor
        }
    }

    // ---- The lead image from the library: the picker for an article, the editor's preview and dialog

    @Test
    void leadImagePicker() throws Exception {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1300, 800, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg);
        long admin = staff.member(Role.ADMINISTRATOR).staff().id();
        MediaItem item = media.upload(
                "lead-checks-" + System.nanoTime() + ".jpg",
                new ByteArrayInputStream(jpeg.toByteArray()),
                admin,
                "A dark test card",
                "",
                "");
        long id = articles.create(
                        new org.broadsheet.article.ArticleForm(
                                null,
                                "Picked image " + System.nanoTime(),
                                "A standfirst.",
                                "Text.\n",
                                "europe",
                                java.util.List.of("daniel-reyes"),
                                java.util.List.of(),
                                null),
                        admin,
                        java.util.List.of())
                .id();
        check("image picker for an article", "/newsroom/media/picker?article=" + id);

        MockHttpServletResponse refused = mvc.perform(post("/newsroom/articles/" + id + "/lead-image")
                        .param("media", "999999999999")
                        .with(csrf())
                        .with(staff.as(Role.ADMINISTRATOR)))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        PageChecks.failIfAny(checks.htmlErrors("image picker refusing a choice", refused.getContentAsByteArray()));

        assertThat(mvc.perform(post("/newsroom/articles/" + id + "/lead-image")
                                .param("media", Long.toString(item.id()))
                                .with(csrf())
                                .with(staff.as(Role.ADMINISTRATOR)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(303);
        check("article editor with a library image", "/newsroom/articles/" + id);

        // The editor's script opens the picker in a dialog on the page.
        WebDriver page = browser.load(site("/newsroom/articles/" + id));
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

    /**
     * Checks one page as the signed-in administrator: its HTML as sent (via MockMvc), and the
     * page shown by the browser.
     */
    void check(String what, String path) throws Exception {
        check(what, path, get(path));
    }

    void check(String what, String path, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(staff.as(Role.ADMINISTRATOR)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as("status of %s", path).isEqualTo(200);
        checks.assertPasses(what, response.getContentAsByteArray(), browser.load(site(path)));
    }

    /** A browser without the administrator's session, for the signed-out pages. */
    private BrowserSession fresh() {
        BrowserSession signedOut =
                signedOutBrowser == null ? (signedOutBrowser = BrowserSession.open()) : signedOutBrowser;
        return signedOut;
    }

    private BrowserSession signedOutBrowser;

    @AfterAll
    void closeSignedOutBrowser() {
        BrowserSession.closeAll(signedOutBrowser);
    }

    private URI site(String path) {
        return URI.create("http://localhost:" + port).resolve(path);
    }

    // ---- Moderation and site management: the comment queue, sections, tags, authors, settings

    @Autowired
    org.broadsheet.comment.CommentService moderatedComments;

    @Autowired
    org.broadsheet.taxonomy.SectionService managedSections;

    @Autowired
    org.broadsheet.taxonomy.TagService managedTags;

    @Autowired
    org.broadsheet.taxonomy.AuthorService managedAuthors;

    @Test
    void moderationPages() throws Exception {
        check("comment queue, all", "/newsroom/comments?status=all");
        check("comment queue, held", "/newsroom/comments");
        long id = moderatedComments
                .forStaff(new org.broadsheet.comment.StaffCommentQuery(null, null, 1))
                .items()
                .get(0)
                .id();
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
        check("sections", "/newsroom/sections");
        check(
                "a section",
                "/newsroom/sections/"
                        + managedSections.findBySlug("americas").orElseThrow().id());
        check("tags", "/newsroom/tags");
        check(
                "a tag",
                "/newsroom/tags/"
                        + managedTags.findBySlug("diplomacy").orElseThrow().id());
        check("authors", "/newsroom/authors");
        check(
                "an author",
                "/newsroom/authors/"
                        + managedAuthors
                                .findBySlug("amara-okafor")
                                .orElseThrow()
                                .id());
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

    private void assertRefusedFormIsValidHtml(String what, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse refused = mvc.perform(request.with(csrf()).with(staff.as(Role.ADMINISTRATOR)))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).as(what).isEqualTo(422);
        assertThat(checks.htmlErrors(what, refused.getContentAsByteArray())).isEmpty();
    }
}
