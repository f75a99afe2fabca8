package org.broadsheet.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.web.ValidationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem ({@code application/problem+json}): type, title, status, detail,
 * the path asked for, and for input that broke rules, {@code errors}: one
 * {@code {"field", "message"}} per problem. Never a stack trace or an exception's own message.
 */
final class ProblemJson {

    static final String MEDIA_TYPE = "application/problem+json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemJson() {}

    static void write(
            HttpServletResponse response,
            HttpStatus status,
            String detail,
            String instance,
            List<ValidationException.Problem> fields)
            throws IOException {
        write(response, status, detail, instance, fields, Map.of());
    }

    /** The same, with extension members after the standard ones ({@code current_version} of a conflict). */
    static void write(
            HttpServletResponse response,
            HttpStatus status,
            String detail,
            String instance,
            List<ValidationException.Problem> fields,
            Map<String, Object> members)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", instance);
        if (!fields.isEmpty()) {
            problem.put(
                    "errors",
                    fields.stream()
                            .map(p -> Map.of("field", p.field(), "message", p.message()))
                            .toList());
        }
        problem.putAll(members);
        byte[] body = JSON.writeValueAsBytes(problem);
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MEDIA_TYPE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
