package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.web.TestCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.media.MediaUploads;
import org.broadsheet.site.SiteIdentities;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.Site;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.StaffMembers;
import org.broadsheet.testkit.Unique;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.transaction.TestTransaction;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * The role matrix: every newsroom action, tried by direct request (GET, and POST with a valid
 * CSRF token) by a stranger and by each role. Allowed: the action is done (2xx or a redirect
 * that is not to the sign-in page). Refused: 403, and for the actions that change something
 * the change did not happen. A stranger is sent to sign in. Each attempt makes its own data,
 * and the whole matrix runs in the test factory's one transaction, which rolls back (checked
 * from inside the dynamic tests, and after them).
 */
@BroadsheetTest
@Transactional
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTests extends SiteTest {

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> AUTHORS_UP = EnumSet.of(Role.AUTHOR, Role.EDITOR, Role.ADMINISTRATOR);
    private static final Set<Role> EDITORS = EnumSet.of(Role.EDITOR, Role.ADMINISTRATOR);
    private static final Set<Role> ADMINS = EnumSet.of(Role.ADMINISTRATOR);

    @Autowired
    AccountService accounts;

    @Autowired
    SectionService sections;

    @Autowired
    MediaLibrary media;

    @Autowired
    MediaUploads uploads;

    @Autowired
    SiteIdentities identities;

    @Autowired
    org.broadsheet.taxonomy.TagService tags;

    /** The editor who owns the articles and uploads that other people act on. */
    private StaffMembers.Member owner;

    /** Every article the matrix wrote for its attempts: none may outlive its transaction. */
    private final List<Long> written = new ArrayList<>();

    /**
     * One action: how to make its request (given who acts, so "own" data can be theirs), who
     * may do it, and, for a write, how to tell afterwards whether it happened.
     */
    record Action(String name, Set<Role> allowed, Function<StaffMembers.Member, Attempt> attempt) {}

    /** A request, and a check that is true once its change has been made (null for reads). */
    record Attempt(AbstractMockHttpServletRequestBuilder<?> request, Predicate<Void> happened) {
        static Attempt read(AbstractMockHttpServletRequestBuilder<?> request) {
            return new Attempt(request, null);
        }
    }

    List<Action> actions() {
        List<Action> list = new ArrayList<>();
        // ---- dashboard, account
        list.add(new Action("dashboard", ALL, who -> Attempt.read(get("/newsroom"))));
        list.add(new Action("own account page", ALL, who -> Attempt.read(get("/newsroom/account"))));
        // ---- articles
        list.add(new Action("article list", ALL, who -> Attempt.read(get("/newsroom/articles"))));
        list.add(new Action("new article page", ALL, who -> Attempt.read(get("/newsroom/articles/new"))));
        list.add(new Action("create a draft", ALL, who -> {
            String headline = Unique.name("Matrix draft");
            return new Attempt(
                    articleForm(post("/newsroom/articles"), headline, "0", "save"),
                    v -> desk.lookup(headline, 5).stream()
                            .anyMatch(a -> a.headline().equals(headline)));
            // drafts stay drafts: nothing to clean up
        }));
        list.add(new Action(
                "open someone else's draft", EDITORS, who -> Attempt.read(get("/newsroom/articles/" + draft(owner)))));
        list.add(new Action("save someone else's draft", EDITORS, who -> {
            long id = draft(owner);
            String headline = "Changed by matrix " + id;
            return new Attempt(
                    articleForm(post("/newsroom/articles/" + id), headline, version(id), "save"),
                    v -> desk.forEditing(id).form().headline().equals(headline));
        }));
        list.add(new Action("publish own draft", AUTHORS_UP, who -> {
            long id = draft(who);
            return new Attempt(
                    articleForm(post("/newsroom/articles/" + id), "Own story " + id, version(id), "publish"),
                    v -> workflow.status(id).orElseThrow() == ArticleStatus.PUBLISHED);
        }));
        list.add(new Action("publish someone else's draft", EDITORS, who -> {
            long id = draft(owner);
            return new Attempt(
                    articleForm(post("/newsroom/articles/" + id), "Their story " + id, version(id), "publish"),
                    v -> workflow.status(id).orElseThrow() == ArticleStatus.PUBLISHED);
        }));
        list.add(new Action("submit own draft for review", ALL, who -> {
            long id = draft(who);
            return new Attempt(
                    articleForm(post("/newsroom/articles/" + id), "For review " + id, version(id), "submit"),
                    v -> workflow.status(id).orElseThrow() == ArticleStatus.IN_REVIEW);
        }));
        list.add(new Action("unpublish someone else's article", EDITORS, who -> {
            long id = published(owner);
            return new Attempt(
                    post("/newsroom/articles/" + id + "/unpublish"),
                    v -> workflow.status(id).orElseThrow() == ArticleStatus.UNPUBLISHED);
        }));
        list.add(new Action("unpublish own article", AUTHORS_UP, who -> {
            long id = published(who);
            return new Attempt(
                    post("/newsroom/articles/" + id + "/unpublish"),
                    v -> workflow.status(id).orElseThrow() == ArticleStatus.UNPUBLISHED);
        }));
        list.add(new Action("add a correction", EDITORS, who -> {
            long id = published(owner);
            return new Attempt(
                    Site.form(
                            "/newsroom/articles/" + id + "/notes",
                            "kind=correction",
                            "note=An earlier version misspelt a name."),
                    v -> desk.forEditing(id).notes().size() == 1);
        }));
        list.add(new Action("close comments on someone else's article", EDITORS, who -> {
            long id = published(owner);
            return new Attempt(
                    Site.form("/newsroom/articles/" + id + "/comments", "open=false"),
                    v -> !desk.forEditing(id).commentsOpen());
        }));
        list.add(new Action(
                "revisions of someone else's article",
                EDITORS,
                who -> Attempt.read(get("/newsroom/articles/" + draft(owner) + "/revisions"))));
        list.add(new Action("restore someone else's revision", EDITORS, who -> {
            long id = draft(owner);
            articles.save(
                    id,
                    stories.form("Second version " + id),
                    desk.forEditing(id).version(),
                    owner.staff().id(),
                    List.of());
            int before = desk.forEditing(id).version();
            return new Attempt(
                    Site.form("/newsroom/articles/" + id + "/revisions/1/restore", "version=" + before),
                    v -> desk.forEditing(id).version() > before);
        }));
        // A new article before its first save: each person's own unsaved work.
        list.add(new Action("autosave a new article", ALL, who -> {
            String headline = Unique.name("Matrix unsaved");
            return new Attempt(
                    articleForm(post("/newsroom/articles/autosave"), headline, "0", "save"),
                    v -> desk.newArticleAutosave(who.staff().id())
                            .map(a -> a.form().headline())
                            .orElse("")
                            .equals(headline));
        }));
        list.add(new Action("restore an unsaved new article", ALL, who -> {
            autosaves.autosaveNew(who.staff().id(), stories.form(Unique.name("Matrix to restore")));
            return Attempt.read(post("/newsroom/articles/autosave/restore"));
        }));
        list.add(new Action("discard an unsaved new article", ALL, who -> {
            autosaves.autosaveNew(who.staff().id(), stories.form(Unique.name("Matrix to discard")));
            return new Attempt(
                    post("/newsroom/articles/autosave/discard"),
                    v -> desk.newArticleAutosave(who.staff().id()).isEmpty());
        }));
        list.add(new Action(
                "preview",
                ALL,
                who -> Attempt.read(Site.form(
                        "/newsroom/articles/preview", "headline=Preview", "standfirst=", "body=Some *text*."))));
        // ---- media
        list.add(new Action("media library", ALL, who -> Attempt.read(get("/newsroom/media"))));
        list.add(new Action("upload an image", ALL, who -> {
            String name = Unique.slug("matrix") + ".png";
            return new Attempt(
                    multipart("/newsroom/media")
                            .file(new MockMultipartFile("file", name, "image/png", png()))
                            .param("alt", "A matrix test card"),
                    v -> media.list(name, 1, 5).items().stream()
                            .anyMatch(m -> m.filename().equals(name)));
        }));
        list.add(new Action("delete someone else's image", EDITORS, who -> {
            long id = upload(owner);
            return new Attempt(
                    post("/newsroom/media/" + id + "/delete"),
                    v -> media.findById(id).isEmpty());
        }));
        list.add(new Action("delete own image", ALL, who -> {
            long id = upload(who);
            return new Attempt(
                    post("/newsroom/media/" + id + "/delete"),
                    v -> media.findById(id).isEmpty());
        }));
        // ---- comments
        list.add(new Action("comment queue", EDITORS, who -> Attempt.read(get("/newsroom/comments"))));
        list.add(new Action("approve a comment", EDITORS, who -> {
            long id = pendingComment();
            return new Attempt(
                    post("/newsroom/comments/" + id + "/approve"),
                    v -> comments.comment(id).orElseThrow().status() == CommentStatus.APPROVED);
        }));
        list.add(new Action("bulk spam", EDITORS, who -> {
            long id = pendingComment();
            return new Attempt(
                    Site.form("/newsroom/comments/bulk", "action=spam", "ids=" + id),
                    v -> comments.comment(id).orElseThrow().status() == CommentStatus.SPAM);
        }));
        list.add(new Action("reply as staff", EDITORS, who -> {
            long id = pendingComment();
            return new Attempt(
                    Site.form("/newsroom/comments/" + id + "/reply", "reply=Thank you for writing."),
                    v -> comments.comment(id).orElseThrow().status() == CommentStatus.APPROVED);
        }));
        // ---- sections, tags, authors
        list.add(new Action("sections page", EDITORS, who -> Attempt.read(get("/newsroom/sections"))));
        list.add(new Action("create a section", EDITORS, who -> {
            String slug = Unique.slug("matrix-section");
            return new Attempt(
                    Site.form("/newsroom/sections", "name=Matrix " + slug, "slug=" + slug, "description="),
                    v -> sections.findBySlug(slug).isPresent());
        }));
        list.add(new Action("tags page", EDITORS, who -> Attempt.read(get("/newsroom/tags"))));
        list.add(new Action("create a tag", EDITORS, who -> {
            String slug = Unique.slug("matrix-tag");
            return new Attempt(
                    Site.form("/newsroom/tags", "name=Matrix " + slug, "slug=" + slug, "kind=topic"),
                    v -> tags.findBySlug(slug).isPresent());
        }));
        list.add(new Action("authors page", EDITORS, who -> Attempt.read(get("/newsroom/authors"))));
        // ---- users and settings
        list.add(new Action("users page", ADMINS, who -> Attempt.read(get("/newsroom/users"))));
        list.add(new Action("invite a user", ADMINS, who -> {
            String email = Unique.email("matrix");
            return new Attempt(
                    Site.form("/newsroom/users", "name=Invited", "email=" + email, "role=administrator", "author="),
                    v -> accounts.list().stream().anyMatch(a -> a.email().equals(email)));
        }));
        list.add(new Action("make someone an administrator", ADMINS, who -> {
            StaffMembers.Member target = staff.create(Role.CONTRIBUTOR);
            return new Attempt(
                    Site.form(
                            "/newsroom/users/" + target.staff().id(),
                            "name=Promoted",
                            "email=" + target.email(),
                            "role=administrator",
                            "author=",
                            "enabled=on"),
                    v -> accounts.findAccount(target.staff().id()).orElseThrow().role() == Role.ADMINISTRATOR);
        }));
        list.add(new Action("settings page", ADMINS, who -> Attempt.read(get("/newsroom/settings"))));
        list.add(new Action("change the site title", ADMINS, who -> {
            var current = identities.current();
            String tagline = current.tagline().endsWith(".")
                    ? current.tagline().substring(0, current.tagline().length() - 1)
                    : current.tagline() + ".";
            return new Attempt(
                    Site.form("/newsroom/settings/site", "name=" + current.name(), "tagline=" + tagline),
                    v -> identities.current().tagline().equals(tagline));
        }));
        return list;
    }

    @TestFactory
    Stream<DynamicTest> everyActionForEveryRole() {
        owner = staff.create(Role.EDITOR);
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest(
                "the matrix runs in the test's transaction",
                () -> assertThat(TestTransaction.isActive())
                        .as("a transaction that rolls back")
                        .isTrue()));
        for (Action action : actions()) {
            tests.add(DynamicTest.dynamicTest(action.name() + " / stranger", () -> stranger(action)));
            for (Role role : Role.values()) {
                tests.add(DynamicTest.dynamicTest(action.name() + " / " + role.label(), () -> tryAs(action, role)));
            }
        }
        return tests.stream();
    }

    private void tryAs(Action action, Role role) throws Exception {
        StaffMembers.Member who = staff.member(role);
        Attempt attempt = action.attempt().apply(who);
        boolean write = attempt.happened() != null;
        // Every request carries a valid CSRF token (harmless on a GET), so only the role decides.
        MockHttpServletResponse response =
                site.perform(attempt.request().with(staff.as(role)).with(csrf()));
        String what = action.name() + " by " + role.label() + " answered " + response.getStatus() + " "
                + response.getRedirectedUrl();
        if (action.allowed().contains(role)) {
            assertThat(response.getStatus()).as(what).isIn(200, 302, 303);
            assertThat(String.valueOf(response.getRedirectedUrl())).as(what).doesNotContain("/newsroom/sign-in");
            if (write) {
                assertThat(attempt.happened().test(null))
                        .as(what + ": the change was made")
                        .isTrue();
            }
        } else {
            assertThat(response.getStatus()).as(what).isEqualTo(403);
            if (write) {
                assertThat(attempt.happened().test(null))
                        .as(what + ": nothing changed")
                        .isFalse();
            }
        }
    }

    private void stranger(Action action) throws Exception {
        Attempt attempt = action.attempt().apply(owner);
        MockHttpServletResponse response = site.perform(attempt.request().with(csrf()));
        assertThat(response.getStatus()).as(action.name() + " by a stranger").isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("/newsroom/sign-in");
        if (attempt.happened() != null) {
            assertThat(attempt.happened().test(null))
                    .as(action.name() + " by a stranger: nothing changed")
                    .isFalse();
        }
    }

    // ---- data for one attempt

    private long draft(StaffMembers.Member who) {
        long id = stories.draft(stories.form(Unique.name("Matrix story")), who);
        written.add(id);
        return id;
    }

    /** The writes of every dynamic test were rolled back with the factory's transaction. */
    @AfterAll
    void nothingTheMatrixWroteOutlivesIt() {
        assertThat(written).as("articles the matrix wrote").isNotEmpty();
        assertThat(written)
                .allSatisfy(id ->
                        assertThat(workflow.status(id)).as("article %d", id).isEmpty());
        assertThat(accounts.findStaff(owner.staff().id())).as("the owner").isEmpty();
    }

    private long published(StaffMembers.Member who) {
        long id = draft(who);
        workflow.publish(id, null);
        return id;
    }

    private long pendingComment() {
        long article = published(owner);
        return comments.importComment(
                        article,
                        Comments.comment("Matrix Reader", "A comment waiting for a moderator."),
                        CommentStatus.PENDING,
                        Instant.now())
                .id();
    }

    private long upload(StaffMembers.Member who) {
        return uploads.upload(
                        Unique.slug("matrix-own") + ".png",
                        new ByteArrayInputStream(png()),
                        who.staff().id(),
                        "A matrix test card",
                        "",
                        "")
                .id();
    }

    private String version(long id) {
        return Integer.toString(desk.forEditing(id).version());
    }

    private static MockHttpServletRequestBuilder articleForm(
            MockHttpServletRequestBuilder request, String headline, String version, String action) {
        return request.param("version", version)
                .param("headline", headline)
                .param("slug", "")
                .param("standfirst", "A standfirst.")
                .param("body", "The body, written for the role matrix.")
                .param("section", "americas")
                .param("authors", "daniel-reyes")
                .param("action", action);
    }

    private static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
