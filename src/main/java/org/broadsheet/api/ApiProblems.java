package org.broadsheet.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.broadsheet.web.DatabaseUnavailable;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.ValidationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every failure of a request under {@code /api/} becomes an RFC 9457 problem with the status it
 * belongs to; requests elsewhere are left to the reader site's HTML error pages, unchanged. It
 * runs before the other resolvers (and the site's {@code @ControllerAdvice}), so an unknown API
 * path is a JSON 404 and a wrong method a JSON 405. Anything unforeseen is a 500 that says
 * nothing of its cause (which is logged).
 */
@Component
class ApiProblems implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // after Boot's DefaultErrorAttributes, which only records
    }

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception e) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        try {
            answer(request, response, e);
        } catch (IOException written) {
            log.debug("Could not write a problem: {}", written.getMessage());
        }
        return new ModelAndView();
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        String path = request.getRequestURI();
        if (e instanceof ApiException refused) {
            if (refused.status() == HttpStatus.UNAUTHORIZED) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, ApiTokenFilter.CHALLENGE);
            }
            if (refused.retryAfter() != null) {
                response.setHeader(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(Math.max(1, refused.retryAfter().toSeconds())));
            }
            ProblemJson.write(
                    response, refused.status(), refused.getMessage(), path, refused.fields(), refused.members());
        } else if (e instanceof ValidationException invalid) {
            ProblemJson.write(
                    response,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "The request breaks the rules listed in errors; nothing was changed",
                    path,
                    invalid.problems());
        } else if (e instanceof HttpRequestMethodNotSupportedException method) {
            if (method.getSupportedMethods() != null) {
                response.setHeader(HttpHeaders.ALLOW, String.join(", ", method.getSupportedMethods()));
            }
            problem(
                    response,
                    HttpStatus.METHOD_NOT_ALLOWED,
                    "This address does not accept " + method.getMethod(),
                    path);
        } else {
            HttpStatus status = statusOf(e);
            if (status == HttpStatus.SERVICE_UNAVAILABLE) {
                response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
            }
            if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
                log.error("API request {} {} failed", request.getMethod(), path, e);
            }
            problem(response, status, DETAILS.getOrDefault(status, "The request failed on our side"), path);
        }
    }

    private static final java.util.Map<HttpStatus, String> DETAILS = java.util.Map.of(
            HttpStatus.NOT_FOUND, "The API has nothing at this address",
            HttpStatus.UNSUPPORTED_MEDIA_TYPE, "This content type is not accepted here",
            HttpStatus.NOT_ACCEPTABLE, "The API answers application/json only",
            HttpStatus.CONTENT_TOO_LARGE, "What was sent is larger than the API accepts",
            HttpStatus.FORBIDDEN, "The token's owner may not do that",
            HttpStatus.BAD_REQUEST, "A parameter or the body is missing or not valid",
            HttpStatus.SERVICE_UNAVAILABLE,
                    "The site cannot reach its database just now; nothing was changed."
                            + " Try again after Retry-After seconds");

    private static HttpStatus statusOf(Exception e) {
        if (e instanceof NoResourceFoundException
                || e instanceof NoHandlerFoundException
                || e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return HttpStatus.NOT_ACCEPTABLE;
        }
        if (e instanceof AccessDeniedException) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return HttpStatus.CONTENT_TOO_LARGE;
        }
        if (e instanceof MultipartException // a multipart body that cannot be read: no boundary, cut short
                || e instanceof RequestRejectedException) { // the firewall, reading a parameter with NUL late
            return HttpStatus.BAD_REQUEST;
        }
        if (e instanceof MissingServletRequestParameterException
                || e instanceof MethodArgumentTypeMismatchException
                || e instanceof HttpMessageNotReadableException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (DatabaseUnavailable.explains(e)) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail, String path)
            throws IOException {
        ProblemJson.write(response, status, detail, path, List.of());
    }
}
