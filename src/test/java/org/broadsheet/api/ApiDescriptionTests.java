package org.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.api.ApiJsonResponses.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.ApiTokens;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.testkit.Stories;
import org.broadsheet.testkit.TestImages;
import org.broadsheet.testkit.Unique;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI 3.1 description at {@code /api/openapi.json} matches the implementation: it
 * names exactly the routes Spring maps under {@code /api/}, with their methods, and the fields of
 * each route's answer (and of its items) are the properties its response schema declares: the
 * reads' 200s, and the writes' answers with the status each declares (201 for what is created).
 */
@BroadsheetTest
class ApiDescriptionTests extends SiteTest {

    @Autowired
    ApiTokens tokens;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private JsonNode description() {
        MockHttpServletResponse response = site.get("/api/openapi.json");
        assertThat(response.getStatus()).isEqualTo(200);
        return json(response);
    }

    @Test
    void theDescriptionIsOpenApi31OfTheApiOnly() {
        JsonNode description = description();
        assertThat(description.get("openapi").asString()).startsWith("3.1");
        description
                .get("paths")
                .propertyNames()
                .forEach(path -> assertThat(path).startsWith("/api/v1/"));
    }

    @Test
    void theDescriptionNamesExactlyTheMappedRoutes() {
        Set<String> described = new HashSet<>();
        JsonNode paths = description().get("paths");
        paths.propertyNames()
                .forEach(path -> paths.get(path)
                        .propertyNames()
                        .forEach(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> mapped = new HashSet<>();
        ApiRoutes.of(mappings).forEach(route -> mapped.add(route.method() + " " + route.pattern()));
        assertThat(mapped).isNotEmpty();
        assertThat(described).isEqualTo(mapped);
    }

    @Test
    void eachAnswerHasTheFieldsItsSchemaDeclares() {
        ArticleView story = commenting.article("Described");
        var posted = comments.post(story.id(), Comments.comment("Ada", "Well put."), Comments.visitor());
        comments.approve(posted.id());
        JsonNode description = description();
        var editor = Bearer.of(staff, tokens, Role.EDITOR); // may open any article's source
        List<String> checked = new ArrayList<>();
        description.get("paths").propertyNames().forEach(path -> {
            if (!description.get("paths").get(path).has("get")) {
                return; // writes: eachWriteAnswerHasTheFieldsItsSchemaDeclares
            }
            String url = path.replace("{id}", String.valueOf(story.id())).replace("{slug}", story.slug());
            JsonNode answer = json(site.get(url + (url.endsWith("/search") ? "?q=described" : ""), editor));
            JsonNode schema =
                    responseSchema(description, description.get("paths").get(path));
            assertSameFields(description, schema, answer, path);
            checked.add(path);
        });
        assertThat(checked).hasSizeGreaterThanOrEqualTo(8);
    }

    /**
     * Every write that answers with a body: the description declares the status it answers with,
     * and that answer's fields are its schema's properties (and the request body is described).
     */
    @Test
    void eachWriteAnswerHasTheFieldsItsSchemaDeclares() {
        JsonNode description = description();
        var editor = Bearer.of(staff, tokens, Role.EDITOR);
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("headline", "Described write");
        article.put("slug", Unique.slug("described"));
        article.put("section", Stories.SECTION);
        article.put("authors", List.of(Stories.AUTHOR));
        MockHttpServletResponse created = send(post("/api/v1/articles"), article, editor);
        long id = json(created).get("id").asLong();
        article.put("version", json(created).get("version").asInt());
        List<Write> writes = List.of(
                new Write("post", "/api/v1/articles", created),
                new Write("put", "/api/v1/articles/{id}", send(put("/api/v1/articles/" + id), article, editor)),
                new Write(
                        "post",
                        "/api/v1/articles/{id}/submit",
                        site.perform(post(action(id, "submit")).with(editor))),
                new Write(
                        "post",
                        "/api/v1/articles/{id}/schedule",
                        send(
                                post(action(id, "schedule")),
                                Map.of(
                                        "publish_at",
                                        Instant.now().plus(Duration.ofDays(1)).toString()),
                                editor)),
                new Write(
                        "post",
                        "/api/v1/articles/{id}/publish",
                        site.perform(post(action(id, "publish")).with(editor))),
                new Write(
                        "post",
                        "/api/v1/articles/{id}/notes",
                        send(post(action(id, "notes")), Map.of("kind", "update", "text", "Described."), editor)),
                new Write(
                        "post",
                        "/api/v1/articles/{id}/unpublish",
                        site.perform(post(action(id, "unpublish")).with(editor))),
                new Write(
                        "post",
                        "/api/v1/articles/{id}/comments",
                        send(
                                post(action(
                                        commenting.article("Described comments").id(), "comments")),
                                Map.of("name", "Ada", "email", Comments.email(), "text", "Described."),
                                request -> request)),
                new Write(
                        "post",
                        "/api/v1/media",
                        site.perform(multipart("/api/v1/media")
                                .file(new MockMultipartFile("file", "d.png", "image/png", TestImages.png(40, 30)))
                                .param("alt", "Described")
                                .with(editor))));
        for (Write write : writes) {
            String where = write.method() + " " + write.path();
            JsonNode operation = description.get("paths").get(write.path()).get(write.method());
            assertThat(operation).as(where).isNotNull();
            String status = String.valueOf(write.answer().getStatus());
            assertThat(operation.get("responses").has(status))
                    .as(where + " answers " + status + ": " + ApiJsonResponses.body(write.answer()))
                    .isTrue();
            if (!write.path().endsWith("/submit")
                    && !write.path().endsWith("/publish")
                    && !write.path().endsWith("/unpublish")) {
                assertThat(operation.has("requestBody")).as(where).isTrue();
            }
            JsonNode content = operation.get("responses").get(status).get("content");
            JsonNode schema = resolve(
                    description,
                    content.get(content.propertyNames().iterator().next()).get("schema"));
            assertSameFields(description, schema, json(write.answer()), where);
        }
    }

    /** What a client sends to write an article is described with the read API's names, and nothing else. */
    @Test
    void anArticleWriteDescribesTheFieldsItTakes() {
        JsonNode description = description();
        JsonNode content = description
                .get("paths")
                .get("/api/v1/articles/{id}")
                .get("put")
                .get("requestBody")
                .get("content")
                .get("application/json");
        JsonNode schema = resolve(description, content.get("schema"));
        assertThat(new HashSet<>(schema.get("properties").propertyNames()))
                .containsExactlyInAnyOrder(
                        "version",
                        "headline",
                        "slug",
                        "standfirst",
                        "body_markdown",
                        "section",
                        "authors",
                        "tags",
                        "image");
    }

    private record Write(String method, String path, MockHttpServletResponse answer) {}

    private static String action(long id, String action) {
        return "/api/v1/articles/" + id + "/" + action;
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Object body, RequestPostProcessor who) {
        return site.perform(request.contentType(MediaType.APPLICATION_JSON)
                .content(JsonMapper.builder().build().writeValueAsString(body))
                .with(who));
    }

    private static JsonNode responseSchema(JsonNode description, JsonNode operations) {
        JsonNode content = operations.get("get").get("responses").get("200").get("content");
        return resolve(
                description,
                content.get(content.propertyNames().iterator().next()).get("schema"));
    }

    private static JsonNode resolve(JsonNode description, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return description.get("components").get("schemas").get(name);
        }
        return schema;
    }

    /** The object's fields are the schema's properties; for arrays of objects, so are the first item's. */
    private static void assertSameFields(JsonNode description, JsonNode schema, JsonNode value, String where) {
        if (!value.isObject()) {
            return;
        }
        Set<String> declared = new HashSet<>(schema.get("properties").propertyNames());
        assertThat(new HashSet<>(value.propertyNames())).as(where).isEqualTo(declared);
        for (String field : declared) {
            JsonNode property = schema.get("properties").get(field);
            JsonNode actual = value.get(field);
            if (actual.isArray() && !actual.isEmpty() && property.has("items")) {
                assertSameFields(
                        description, resolve(description, property.get("items")), actual.get(0), where + "." + field);
            } else if (actual.isObject()) {
                assertSameFields(description, resolve(description, property), actual, where + "." + field);
            }
        }
    }
}
