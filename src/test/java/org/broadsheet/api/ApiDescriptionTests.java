package org.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.api.ApiJsonResponses.json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.ApiTokens;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleView;
import org.broadsheet.testkit.Comments;
import org.broadsheet.testkit.SiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI 3.1 description at {@code /api/openapi.json} matches the implementation: it
 * names exactly the routes Spring maps under {@code /api/}, with their methods, and the fields of
 * each route's answer (and of its items) are the properties its response schema declares.
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
        var author = Bearer.of(staff, tokens, Role.AUTHOR);
        List<String> checked = new ArrayList<>();
        description.get("paths").propertyNames().forEach(path -> {
            if (!description.get("paths").get(path).has("get")) {
                return; // writes: ApiWriteTests checks their answers
            }
            String url = path.replace("{id}", String.valueOf(story.id())).replace("{slug}", story.slug());
            JsonNode answer = json(site.get(url + (url.endsWith("/search") ? "?q=described" : ""), author));
            JsonNode schema =
                    responseSchema(description, description.get("paths").get(path));
            assertSameFields(description, schema, answer, path);
            checked.add(path);
        });
        assertThat(checked).hasSizeGreaterThanOrEqualTo(8);
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
