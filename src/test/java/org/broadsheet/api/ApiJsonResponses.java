package org.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the API's answers in tests: the JSON of a 200, or of a problem with its status. */
final class ApiJsonResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiJsonResponses() {}

    static JsonNode json(MockHttpServletResponse response) {
        return JSON.readTree(body(response));
    }

    static String body(MockHttpServletResponse response) {
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    /** The problem+json of a refused request, checked for its status and shape. */
    static JsonNode problem(MockHttpServletResponse response, int status) {
        assertThat(response.getStatus()).as(body(response)).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(body(response)).doesNotContain("Exception", "\tat ", "org.broadsheet");
        return problem;
    }
}
