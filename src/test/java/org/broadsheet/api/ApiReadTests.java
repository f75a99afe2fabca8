package org.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.api.ApiJsonResponses.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleView;
import org.broadsheet.article.NoteKind;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.SectionService;
import org.broadsheet.taxonomy.TermForm;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Unique;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The public read API as a client sees it: the article list with its filters and cursor pages,
 * one article by id and by slug, taxonomies, comments and search, with ETags. Each test works
 * in a section of its own and rolls back.
 */
@BroadsheetTest
@Transactional
class ApiReadTests extends SiteTest {

    @Autowired
    SectionService sections;

    private Section desk() {
        String slug = Unique.slug("api-desk");
        return sections.create(TermForm.section(slug, "Desk " + slug, "A desk for one test."));
    }

    private ArticleView publish(Section desk, String headline, Instant at) {
        return stories.publish(stories.form(headline).withSection(desk.slug()), at);
    }

    @Test
    void cursorPagesWalkEveryStoryOfASectionNewestFirstWithLinkHeaders() {
        Section desk = desk();
        Instant now = Instant.now().minusSeconds(60);
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(
                    0,
                    publish(desk, "Story " + i, now.minus(Duration.ofHours(5 - i)))
                            .id());
        }

        List<Long> seen = new ArrayList<>();
        String url = "/api/v1/articles?section=" + desk.slug() + "&limit=2";
        int pages = 0;
        while (url != null) {
            MockHttpServletResponse response = site.get(url);
            assertThat(response.getStatus()).isEqualTo(200);
            JsonNode page = json(response);
            page.get("items").forEach(item -> seen.add(item.get("id").asLong()));
            String next = page.get("next").isNull() ? null : page.get("next").asString();
            if (next != null) {
                assertThat(response.getHeader("Link")).isEqualTo("<" + next + ">; rel=\"next\"");
                assertThat(next).startsWith("http://localhost/api/v1/articles?");
                url = next.substring("http://localhost".length());
            } else {
                assertThat(response.getHeader("Link")).isNull();
                url = null;
            }
            pages++;
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void draftsAndScheduledStoriesNeverAppear() {
        Section desk = desk();
        ArticleView shown = publish(desk, "Out now", Instant.now().minusSeconds(60));
        long draft = stories.draft(stories.form("Not yet").withSection(desk.slug()));
        long scheduled = stories.draft(stories.form("Tomorrow").withSection(desk.slug()));
        workflow.schedule(scheduled, Instant.now().plus(Duration.ofDays(1)));

        JsonNode list = json(site.get("/api/v1/articles?section=" + desk.slug()));
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("items").get(0).get("id").asLong()).isEqualTo(shown.id());
        assertThat(site.get("/api/v1/articles/" + draft).getStatus()).isEqualTo(404);
        assertThat(site.get("/api/v1/articles/" + scheduled).getStatus()).isEqualTo(404);
    }

    @Test
    void oneArticleByIdOrSlugHasAbsoluteUrlsDatesWithOffsetsAndItsBody() {
        Section desk = desk();
        ArticleView story = stories.publish(
                stories.form("Harbour reopens").withSection(desk.slug()).withBody("The **harbour** is open again."),
                Instant.parse("2026-03-04T10:15:30Z"));
        workflow.addNote(story.id(), NoteKind.CORRECTION, "An earlier version gave the wrong date.", Instant.now());

        JsonNode byId = json(site.get("/api/v1/articles/" + story.id()));
        JsonNode bySlug = json(site.get("/api/v1/articles/by-slug/" + story.slug()));
        assertThat(bySlug).isEqualTo(byId);
        assertThat(byId.get("headline").asString()).isEqualTo("Harbour reopens");
        assertThat(byId.get("url").asString()).isEqualTo("http://localhost" + story.url());
        assertThat(byId.get("section").get("slug").asString()).isEqualTo(desk.slug());
        assertThat(byId.get("published_at").asString()).matches("2026-03-04T\\d\\d:15:30(Z|[+-]\\d\\d:\\d\\d)");
        assertThat(byId.get("body_html").asString()).contains("<strong>harbour</strong>");
        assertThat(byId.get("notes").get(0).get("kind").asString()).isEqualTo("correction");
        assertThat(byId.get("comments_url").asString())
                .isEqualTo("http://localhost/api/v1/articles/" + story.id() + "/comments");
        assertThat(byId.get("body_markdown").isNull())
                .as("the source is for staff tokens only")
                .isTrue();
    }

    @Test
    void listsFilterByPublicationAndModificationTimes() {
        Section desk = desk();
        ArticleView old = publish(desk, "Old", Instant.parse("2025-01-10T12:00:00Z"));
        ArticleView recent = publish(desk, "Recent", Instant.now().minus(Duration.ofDays(2)));

        assertThat(ids("/api/v1/articles?section=" + desk.slug() + "&published_since=2025-06-01T00:00:00Z"))
                .containsExactly(recent.id());
        assertThat(ids("/api/v1/articles?section=" + desk.slug() + "&published_before=2025-06-01T00:00:00%2B02:00"))
                .containsExactly(old.id());
        assertThat(ids("/api/v1/articles?section=" + desk.slug() + "&modified_since="
                        + Instant.now().minus(Duration.ofDays(3))))
                .containsExactlyInAnyOrder(recent.id(), old.id()); // both were saved just now
    }

    /** The ids of the items at {@code url}, sent as written (already percent-encoded). */
    private List<Long> ids(String url) {
        MockHttpServletResponse response = site.perform(get(URI.create(url)));
        assertThat(response.getStatus()).as(ApiJsonResponses.body(response)).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        json(response).get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    @Test
    void sectionsTagsAndAuthorsAreListedWithTheirKindsAndUrls() {
        Section desk = desk();
        JsonNode sectionList = json(site.get("/api/v1/sections")).get("items");
        assertThat(sectionList.findValuesAsString("slug")).contains(desk.slug());

        JsonNode tags = json(site.get("/api/v1/tags")).get("items");
        assertThat(tags.findValuesAsString("kind"))
                .isNotEmpty()
                .allMatch(List.of("topic", "person", "place", "organisation")::contains);
        JsonNode authors = json(site.get("/api/v1/authors")).get("items");
        JsonNode reyes = null;
        for (JsonNode author : authors) {
            if (author.get("slug").asString().equals("daniel-reyes")) {
                reyes = author;
            }
        }
        assertThat(reyes).isNotNull();
        assertThat(reyes.get("url").asString()).isEqualTo("http://localhost/author/daniel-reyes");
        assertThat(reyes.get("articles_url").asString())
                .isEqualTo("http://localhost/api/v1/articles?author=daniel-reyes");
    }

    @Test
    void approvedCommentsOnlyAndNothingPrivateOfTheirWriters() {
        ArticleView story = commenting.article("Comments wanted");
        var approved = comments.post(story.id(), Comments.comment("Ada", "A fine piece."), Comments.visitor());
        comments.approve(approved.id());

        MockHttpServletResponse response = site.get("/api/v1/articles/" + story.id() + "/comments");
        JsonNode list = json(response).get("items");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("author_name").asString()).isEqualTo("Ada");
        assertThat(list.get(0).get("html").asString()).contains("A fine piece.");
        assertThat(ApiJsonResponses.body(response)).doesNotContain("@", Comments.USER_AGENT);
    }

    @Test
    void commentPagesWalkEveryApprovedCommentNewestFirstByCursor() {
        ArticleView story = commenting.article("Much discussed");
        List<Long> posted = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            var comment =
                    comments.post(story.id(), Comments.comment("Reader " + i, "Point number " + i), Comments.visitor());
            comments.approve(comment.id());
            posted.add(0, comment.id()); // newest first
        }
        List<Long> walked = new ArrayList<>();
        String url = "/api/v1/articles/" + story.id() + "/comments?limit=2";
        int pages = 0;
        while (url != null) {
            MockHttpServletResponse response = site.perform(get(URI.create(url)));
            JsonNode page = json(response);
            page.get("items").forEach(item -> walked.add(item.get("id").asLong()));
            url = page.get("next").isNull() ? null : page.get("next").asString();
            assertThat(response.getHeader("Link")).isEqualTo(url == null ? null : "<" + url + ">; rel=\"next\"");
            pages++;
        }
        assertThat(walked).isEqualTo(posted);
        assertThat(pages).isEqualTo(3);

        String storyCursor =
                json(site.get("/api/v1/articles?limit=1")).get("next").asString();
        String foreign = storyCursor.substring(storyCursor.indexOf("cursor=") + "cursor=".length());
        assertThat(site.get("/api/v1/articles/" + story.id() + "/comments?cursor=" + foreign)
                        .getStatus())
                .isEqualTo(400);
        assertThat(site.get("/api/v1/articles/" + story.id() + "/comments?cursor=bm9wZQ")
                        .getStatus())
                .isEqualTo(400);
    }

    @Test
    void searchFindsPublicStoriesThroughTheSearchService() {
        Section desk = desk();
        String word = "quorvex" + Unique.word("").replaceAll("\\d", "");
        ArticleView story =
                publish(desk, "The " + word + " affair", Instant.now().minusSeconds(60));

        JsonNode results = json(site.get("/api/v1/search?q=" + word));
        assertThat(results.get("outcome").asString()).isEqualTo("searched");
        assertThat(results.get("items").get(0).get("id").asLong()).isEqualTo(story.id());
        assertThat(results.get("items").get(0).get("url").asString()).isEqualTo("http://localhost" + story.url());
    }

    @Test
    void everyAnswerCarriesAnEtagAndAMatchingIfNoneMatchGets304() {
        ArticleView story = commenting.article("Cached");
        for (String url : List.of("/api/v1/articles/" + story.id(), "/api/v1/articles", "/api/v1/sections")) {
            MockHttpServletResponse first = site.get(url);
            String etag = first.getHeader("ETag");
            assertThat(etag).as(url).isNotBlank();
            MockHttpServletResponse again = site.perform(get(url).header("If-None-Match", etag));
            assertThat(again.getStatus()).as(url).isEqualTo(304);
            assertThat(again.getContentAsByteArray()).isEmpty();
        }
    }
}
