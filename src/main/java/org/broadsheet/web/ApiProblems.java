package org.broadsheet.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The RFC 9457 problem an API address gets when its answer is written outside the API's own
 * handlers (which depend on this package, not the other way round): by Tomcat's error report
 * ({@link ContainerErrorValve}) or by {@code /error} ({@link SiteErrorController}). Shaped as
 * the API's own problems.
 */
final class ApiProblems {

    static final String MEDIA_TYPE = "application/problem+json";

    private static final String API = "/api";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiProblems() {}

    /** Whether {@code path} is the API's. */
    static boolean isApi(@Nullable String path) {
        return path != null && (path.equals(API) || path.startsWith(API + "/"));
    }

    /** The problem's bytes; {@code instance} is the path only when it is printable. */
    static byte[] of(HttpStatus status, String path, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", printable(path) ? path : API + "/");
        return JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean printable(String path) {
        return path.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
