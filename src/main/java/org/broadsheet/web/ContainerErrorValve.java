package org.broadsheet.web;

import java.io.IOException;
import java.util.function.Function;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * The host's error report for answers nothing else wrote: Tomcat's refusals made before the
 * request reaches a servlet (a path whose percent-escapes are not UTF-8), which would otherwise
 * get Tomcat's own HTML report. Reader addresses get the site's HTML error page, {@code /api/}
 * addresses an RFC 9457 problem shaped as the API's others ({@code api.ProblemJson}); both with
 * the site's {@link SecurityHeaders}, and never a stack trace, an exception's message or a
 * server version. Answers the application wrote (every error page through {@code /error}) pass
 * untouched.
 */
final class ContainerErrorValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ContainerErrorValve.class);

    private final Function<HttpStatus, byte[]> pages;

    ContainerErrorValve(Function<HttpStatus, byte[]> pages) {
        this.pages = pages;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        // as Tomcat's own: only an error nobody has answered yet, and nothing written
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(response.getStatus());
        if (status == null) {
            status = response.getStatus() < 500 ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String path = request.getRequestURI();
        boolean api = ApiProblems.isApi(path);
        byte[] body;
        try {
            body = api ? problem(status, path) : pages.apply(status);
        } catch (RuntimeException e) { // the status alone, still without Tomcat's report
            log.warn("Could not make the error answer for {}", status, e);
            body = new byte[0];
        }
        try {
            response.resetBuffer();
            SecurityHeaders.apply(request, response);
            response.setContentType(api ? ApiProblems.MEDIA_TYPE : "text/html;charset=UTF-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | RuntimeException e) { // the client went away
            log.debug("Could not write the error answer for {}", status, e);
        }
    }

    private static byte[] problem(HttpStatus status, String path) {
        return ApiProblems.of(
                status,
                path,
                status == HttpStatus.BAD_REQUEST
                        ? "The address could not be read: use UTF-8 and percent-encoding"
                        : status.getReasonPhrase());
    }
}
