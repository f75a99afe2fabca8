package org.broadsheet.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.broadsheet.web.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, with the status it belongs to and what to tell the client;
 * {@link ApiProblems} answers it as {@code application/problem+json}.
 */
class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<ValidationException.Problem> fields;
    private @Nullable Duration retryAfter;
    private Map<String, Object> members = Map.of();

    ApiException(HttpStatus status, String detail, List<ValidationException.Problem> fields) {
        super(detail, null, false, false);
        this.status = status;
        this.fields = List.copyOf(fields);
    }

    static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, detail, List.of());
    }

    /** A query parameter that cannot be understood: 400, naming the parameter. */
    static ApiException badParameter(String parameter, String message) {
        return new ApiException(
                HttpStatus.BAD_REQUEST,
                "The parameter " + parameter + " is not valid",
                List.of(new ValidationException.Problem(parameter, message)));
    }

    /** The same refusal, telling the client when to try again ({@code Retry-After}). */
    ApiException retryAfter(Duration wait) {
        this.retryAfter = wait;
        return this;
    }

    /** The same refusal with more members of the problem for clients to read (an RFC 9457 extension). */
    ApiException with(Map<String, Object> extra) {
        this.members = Map.copyOf(extra);
        return this;
    }

    Map<String, Object> members() {
        return members;
    }

    @Nullable
    Duration retryAfter() {
        return retryAfter;
    }

    HttpStatus status() {
        return status;
    }

    List<ValidationException.Problem> fields() {
        return fields;
    }
}
