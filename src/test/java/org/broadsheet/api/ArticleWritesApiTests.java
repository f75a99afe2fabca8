package org.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.api.ApiJsonResponses.json;
import static org.broadsheet.api.ApiJsonResponses.problem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.ApiTokens;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.EditableArticle;
import org.broadsheet.taxonomy.TagService;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.StaffMembers;
import org.broadsheet.testkit.Stories;
import org.broadsheet.testkit.Unique;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Article writes with a token, as a client sees them: create (201 and {@code Location}), the
 * source with its version, update (409 over someone else's save, 422 naming the fields), submit,
 * publish, schedule, unpublish and notes, each allowed or refused (403) by the role matrix for
 * every role, and each bad request changing nothing. Not rolled back: what a write commits must
 * reach the reader's pages at once.
 */
@BroadsheetTest
class ArticleWritesApiTests extends SiteTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApiTokens tokens;

    @Autowired
    TagService tagService;

    private enum Act {
        SOURCE,
        UPDATE,
        SUBMIT,
        PUBLISH,
        SCHEDULE,
        UNPUBLISH,
        NOTE
    }

    private RequestPostProcessor tokenOf(StaffMembers.Member member) {
        return Bearer.token(
                tokens.create(member.staff(), "Writes " + member.staff().role().key()));
    }

    private static Map<String, Object> content(String headline) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("headline", headline);
        body.put("slug", Unique.slug("api-story"));
        body.put("standfirst", "What the " + headline.toLowerCase() + " means.");
        body.put("body_markdown", "The first paragraph of " + headline + ".\n");
        body.put("section", Stories.SECTION);
        body.put("authors", List.of(Stories.AUTHOR));
        body.put("tags", List.of(Stories.TAG));
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Object body, RequestPostProcessor who) {
        return site.perform(request.contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))
                .with(who));
    }

    private MockHttpServletResponse update(long id, Map<String, Object> body, RequestPostProcessor who) {
        return send(put("/api/v1/articles/" + id), body, who);
    }

    private MockHttpServletResponse action(long id, String action, RequestPostProcessor who) {
        return site.perform(post("/api/v1/articles/" + id + "/" + action).with(who));
    }

    @Test
    void aCreatedArticleIsADraftOfItsWriterWithItsAddressInLocation() {
        StaffMembers.Member writer = staff.create(Role.CONTRIBUTOR);
        String headline = "Ferry timetable " + Unique.slug("t");
        MockHttpServletResponse created = send(post("/api/v1/articles"), content(headline), tokenOf(writer));
        assertThat(created.getStatus()).as(ApiJsonResponses.body(created)).isEqualTo(201);
        JsonNode source = json(created);
        long id = source.get("id").asLong();
        assertThat(created.getHeader("Location")).endsWith("/api/v1/articles/" + id + "/source");
        assertThat(source.get("status").asString()).isEqualTo("draft");
        assertThat(source.get("version").asInt()).isEqualTo(1);
        assertThat(source.get("headline").asString()).isEqualTo(headline);
        assertThat(source.get("tags").get(0).asString()).isEqualTo(Stories.TAG);
        assertThat(source.get("url").isNull()).isTrue();
        assertThat(desk.forEditing(id).createdBy()).isEqualTo(writer.staff().id());

        JsonNode read = json(site.get(created.getHeader("Location"), tokenOf(writer)));
        assertThat(read.get("version").asInt()).isEqualTo(1);
        assertThat(read.get("body_markdown").asString()).startsWith("The first paragraph of");
        assertThat(site.get("/api/v1/articles/" + id).getStatus()).isEqualTo(404); // a draft is not public
    }

    @Test
    void eachRoleMayDoWhatTheMatrixSaysAndNothingElse() {
        List<String> wrong = new ArrayList<>();
        StaffMembers.Member someoneElse = staff.create(Role.AUTHOR);
        for (Role role : Role.values()) {
            StaffMembers.Member member = staff.create(role);
            RequestPostProcessor token = tokenOf(member);
            for (boolean own : new boolean[] {true, false}) {
                for (Act act : Act.values()) {
                    long id = subject(act, own ? member : someoneElse);
                    EditableArticle before = desk.forEditing(id);
                    MockHttpServletResponse answer = attempt(act, before, token);
                    boolean allowed = allowed(role, own, act);
                    String what = role.key() + (own ? " own " : " another's ") + act;
                    if (answer.getStatus() != (allowed ? 200 : 403)) {
                        wrong.add(what + ": " + answer.getStatus() + " " + ApiJsonResponses.body(answer));
                    } else if (!allowed) {
                        problem(answer, 403);
                        EditableArticle after = desk.forEditing(id);
                        assertThat(after.status()).as(what).isEqualTo(before.status());
                        assertThat(after.version()).as(what).isEqualTo(before.version());
                        assertThat(after.notes()).as(what).hasSameSizeAs(before.notes());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The matrix as the newsroom documents it, written out here rather than asked of the code. */
    private static boolean allowed(Role role, boolean own, Act act) {
        boolean editorial = role == Role.EDITOR || role == Role.ADMINISTRATOR;
        return switch (act) {
            case SOURCE, UPDATE, SUBMIT -> editorial || own;
            case PUBLISH, SCHEDULE, UNPUBLISH -> editorial || own && role == Role.AUTHOR;
            case NOTE -> editorial;
        };
    }

    /** A draft of {@code owner}'s for most acts; a published one to unpublish or add a note to. */
    private long subject(Act act, StaffMembers.Member owner) {
        long id = stories.draft(stories.form("Matrix " + act), owner);
        if (act == Act.UNPUBLISH || act == Act.NOTE) {
            workflow.publish(id, Instant.now().minusSeconds(60));
        }
        return id;
    }

    private MockHttpServletResponse attempt(Act act, EditableArticle article, RequestPostProcessor token) {
        long id = article.id();
        return switch (act) {
            case SOURCE -> site.get("/api/v1/articles/" + id + "/source", token);
            case UPDATE -> update(id, with(content("Changed by the matrix"), "version", article.version()), token);
            case SUBMIT -> action(id, "submit", token);
            case PUBLISH -> action(id, "publish", token);
            case SCHEDULE ->
                send(
                        post("/api/v1/articles/" + id + "/schedule"),
                        Map.of(
                                "publish_at",
                                Instant.now().plus(Duration.ofDays(2)).toString()),
                        token);
            case UNPUBLISH -> action(id, "unpublish", token);
            case NOTE ->
                send(
                        post("/api/v1/articles/" + id + "/notes"),
                        Map.of("kind", "correction", "text", "A name was misspelt."),
                        token);
        };
    }

    @Test
    void aContributorLosesThePenOnceTheirArticleIsPublished() {
        StaffMembers.Member contributor = staff.create(Role.CONTRIBUTOR);
        long id = stories.draft(stories.form("Contributed"), contributor);
        workflow.publish(id, Instant.now().minusSeconds(60));
        int version = desk.forEditing(id).version();
        problem(update(id, with(content("Rewritten"), "version", version), tokenOf(contributor)), 403);
        assertThat(desk.forEditing(id).form().headline()).isEqualTo("Contributed");
    }

    @Test
    void anUpdateOverSomeoneElsesSaveIsAConflictAndChangesNothing() {
        RequestPostProcessor editor = tokenOf(staff.create(Role.EDITOR));
        long id = stories.draft(stories.form("Harbour dues"));
        int read = json(site.get("/api/v1/articles/" + id + "/source", editor))
                .get("version")
                .asInt();
        MockHttpServletResponse first = update(id, with(content("Harbour dues rise"), "version", read), editor);
        assertThat(first.getStatus()).as(ApiJsonResponses.body(first)).isEqualTo(200);
        assertThat(json(first).get("version").asInt()).isEqualTo(read + 1);

        JsonNode conflict = problem(update(id, with(content("Harbour dues fall"), "version", read), editor), 409);
        assertThat(conflict.get("detail").asString()).contains("version " + (read + 1));
        assertThat(conflict.get("current_version").asInt()).isEqualTo(read + 1);
        assertThat(desk.forEditing(id).form().headline()).isEqualTo("Harbour dues rise");
        assertThat(desk.forEditing(id).version()).isEqualTo(read + 1);
    }

    @Test
    void invalidContentIs422NamingTheFieldsAndChangesNothing() {
        RequestPostProcessor editor = tokenOf(staff.create(Role.EDITOR));
        long id = stories.draft(stories.form("Left alone"));
        int version = desk.forEditing(id).version();
        Map<String, Object> bad = with(with(content(""), "section", "no-such-section"), "version", version);
        JsonNode refused = problem(update(id, bad, editor), 422);
        assertThat(fields(refused)).contains("headline", "section");
        JsonNode tooLong = problem(
                update(
                        id,
                        with(with(content("Long"), "body_markdown", "x".repeat(200_001)), "version", version),
                        editor),
                422);
        assertThat(fields(tooLong)).containsExactly("body_markdown");
        JsonNode misspelt =
                problem(update(id, with(with(content("Typo"), "body", "New"), "version", version), editor), 422);
        assertThat(fields(misspelt)).containsExactly("body");
        assertThat(fields(problem(update(id, content("No version"), editor), 422)))
                .containsExactly("version");
        JsonNode newTag = problem(
                send(
                        post("/api/v1/articles"),
                        with(content("Tagged"), "tags", List.of("Brand new tag")),
                        tokenOf(staff.create(Role.AUTHOR))),
                422);
        assertThat(fields(newTag)).containsExactly("tags");
        Map<String, Object> noSuchImage = Map.of("media_id", 999_999_999L, "alt", "Nothing");
        JsonNode image = problem(
                update(id, with(with(content("Pictured"), "image", noSuchImage), "version", version), editor), 422);
        assertThat(fields(image)).containsExactly("image.media_id");
        assertThat(desk.forEditing(id).form().headline()).isEqualTo("Left alone");
        assertThat(desk.forEditing(id).version()).isEqualTo(version);
    }

    private static List<String> fields(JsonNode problem) {
        List<String> names = new ArrayList<>();
        problem.get("errors").forEach(e -> names.add(e.get("field").asString()));
        return names;
    }

    @Test
    void editorsCreateTagsByNamingThem() {
        String name = "Tide tables " + Unique.slug("t");
        MockHttpServletResponse created = send(
                post("/api/v1/articles"),
                with(content("Tides"), "tags", List.of(name)),
                tokenOf(staff.create(Role.EDITOR)));
        assertThat(created.getStatus()).as(ApiJsonResponses.body(created)).isEqualTo(201);
        assertThat(tagService.all()).anyMatch(t -> t.name().equals(name));
    }

    @Test
    void badRequestsGetTheirStatusAndCreateNothing() {
        String headline = "Never written " + Unique.slug("n");
        RequestPostProcessor editor = tokenOf(staff.create(Role.EDITOR));
        problem(send(post("/api/v1/articles"), content(headline), request -> request), 401);
        problem(send(post("/api/v1/articles"), content(headline), staff.as(Role.ADMINISTRATOR)), 401); // a cookie
        problem(
                site.perform(post("/api/v1/articles")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(headline)
                        .with(editor)),
                415);
        problem(
                site.perform(post("/api/v1/articles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"headline\": \"" + headline + "\",")
                        .with(editor)),
                400);
        assertThat(desk.lookup(headline, 5)).isEmpty();

        problem(update(999_999_999L, with(content(headline), "version", 1), editor), 404);
        problem(
                site.perform(put("/api/v1/articles/nope")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .with(editor)),
                404);
        problem(action(999_999_999L, "publish", editor), 404);
        MockHttpServletResponse deleted =
                site.perform(delete("/api/v1/articles/1").with(editor));
        problem(deleted, 405);
        assertThat(deleted.getHeader("Allow")).contains("PUT");
    }

    @Test
    void aPublishedUpdateShowsOnTheReaderPageAtOnce() {
        RequestPostProcessor editor = tokenOf(staff.create(Role.EDITOR));
        ArticleView story = stories.publish(stories.form("Bridge opens"));
        assertThat(site.page(story.url()).select("h1").text()).isEqualTo("Bridge opens"); // now kept by the caches
        assertThat(json(site.get("/api/v1/articles/" + story.id()))
                        .get("headline")
                        .asString())
                .isEqualTo("Bridge opens");
        int version = desk.forEditing(story.id()).version();
        Map<String, Object> change =
                with(with(content("Bridge opens early"), "version", version), "slug", story.slug());
        MockHttpServletResponse saved = update(story.id(), change, editor);
        assertThat(saved.getStatus()).as(ApiJsonResponses.body(saved)).isEqualTo(200);
        assertThat(site.page(story.url()).select("h1").text()).isEqualTo("Bridge opens early");
        assertThat(json(site.get("/api/v1/articles/" + story.id()))
                        .get("headline")
                        .asString())
                .isEqualTo("Bridge opens early");
    }

    @Test
    void submitPublishAndUnpublishMoveTheArticleAndReadersSeeIt() {
        StaffMembers.Member author = staff.create(Role.AUTHOR);
        RequestPostProcessor token = tokenOf(author);
        long id = stories.draft(stories.form("Market day"), author);
        assertThat(json(action(id, "submit", token)).get("status").asString()).isEqualTo("in_review");
        JsonNode again = problem(action(id, "submit", token), 422);
        assertThat(fields(again)).containsExactly("status");
        JsonNode published = json(action(id, "publish", token));
        assertThat(published.get("status").asString()).isEqualTo("published");
        assertThat(site.status(stories.view(id).url())).isEqualTo(200);
        String url = stories.view(id).url();
        JsonNode down = json(action(id, "unpublish", token));
        assertThat(down.get("status").asString()).isEqualTo("unpublished");
        assertThat(site.status(url)).isEqualTo(404);
        assertThat(fields(problem(action(id, "unpublish", token), 422))).containsExactly("status");
    }

    @Test
    void scheduleTakesAFutureTimeAndRefusesPastOrAbsurdOnes() {
        RequestPostProcessor editor = tokenOf(staff.create(Role.EDITOR));
        long id = stories.draft(stories.form("Embargoed"));
        for (String bad : List.of("2020-01-01T00:00:00Z", "9999-01-01T00:00:00Z", "tomorrow", "2030-01-01T06:00")) {
            JsonNode refused =
                    problem(send(post("/api/v1/articles/" + id + "/schedule"), Map.of("publish_at", bad), editor), 422);
            assertThat(fields(refused)).as(bad).containsExactly("publish_at");
        }
        assertThat(fields(problem(send(post("/api/v1/articles/" + id + "/schedule"), Map.of(), editor), 422)))
                .containsExactly("publish_at");
        assertThat(desk.forEditing(id).status()).isEqualTo(ArticleStatus.DRAFT);
        Instant at = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        JsonNode scheduled =
                json(send(post("/api/v1/articles/" + id + "/schedule"), Map.of("publish_at", at.toString()), editor));
        assertThat(scheduled.get("status").asString()).isEqualTo("scheduled");
        assertThat(java.time.OffsetDateTime.parse(scheduled.get("published_at").asString())
                        .toInstant())
                .isEqualTo(at);
        assertThat(site.get("/api/v1/articles/" + id).getStatus()).isEqualTo(404);
    }

    @Test
    void aCorrectionIsShownOnThePageAndANoteOnADraftIsRefused() {
        RequestPostProcessor editor = tokenOf(staff.create(Role.EDITOR));
        ArticleView story = stories.publish(stories.form("Council vote"));
        site.page(story.url());
        MockHttpServletResponse noted = send(
                post("/api/v1/articles/" + story.id() + "/notes"),
                Map.of("kind", "correction", "text", "The vote was on Tuesday, not Monday."),
                editor);
        assertThat(noted.getStatus()).as(ApiJsonResponses.body(noted)).isEqualTo(200);
        assertThat(json(noted).get("notes").get(0).get("kind").asString()).isEqualTo("correction");
        assertThat(site.page(story.url()).text()).contains("The vote was on Tuesday, not Monday.");

        long draft = stories.draft(stories.form("Not yet out"));
        String notes = "/api/v1/articles/" + draft + "/notes";
        assertThat(fields(problem(send(post(notes), Map.of("kind", "correction", "text", "Early."), editor), 422)))
                .containsExactly("text");
        assertThat(fields(problem(send(post(notes), Map.of("kind", "erratum", "text", "Early."), editor), 422)))
                .containsExactly("kind");
        assertThat(desk.forEditing(draft).notes()).isEmpty();
    }

    @Test
    void aStaffTokensReadOfAStoryCarriesItsVersion() {
        ArticleView story = stories.publish(stories.form("Versioned"));
        JsonNode anonymous = json(site.get("/api/v1/articles/" + story.id()));
        assertThat(anonymous.get("version").isNull()).isTrue();
        JsonNode staffRead = json(site.get("/api/v1/articles/" + story.id(), tokenOf(staff.create(Role.AUTHOR))));
        assertThat(staffRead.get("version").asInt())
                .isEqualTo(desk.forEditing(story.id()).version());
    }
}
