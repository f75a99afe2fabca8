package org.broadsheet.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * A least data rate for request bodies ({@link RequestBodySettings}), which Tomcat lacks: it reads
 * a body with the request thread held and times a read out only after a whole
 * {@code connection-timeout} of silence, so a client trickling a byte a second would hold one of
 * the few request threads for as long as it trickles. Two parts:
 *
 * <ul>
 *   <li>a valve, first in the context's line (before any filter reads a body), gives every
 *       request with a body a {@link LeastRateInputBuffer} in place of its own, and puts the
 *       original back when the request leaves the valve (Tomcat keeps a connection's request
 *       object for the next one). A body cut off is answered 408 with the site's error page (a
 *       problem under {@code /api/}, as {@link ContainerErrorValve} writes them), and the
 *       connection closed;
 *   <li>Tomcat's upload timeout is set to the grace, so a body that sends nothing at all is cut off
 *       after the grace rather than after the connection timeout.
 * </ul>
 *
 * <p>Each body cut off is counted in {@code broadsheet.http.slow.bodies} and logged once at WARN
 * with the method, the client's address and how much came in how long; never the path (it may
 * hold a one-time link) nor any of the body.
 */
@Component
record SlowBodies(RequestBodySettings settings, ObjectProvider<MeterRegistry> registry, ContainerErrors errors)
        implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final String METER = "broadsheet.http.slow.bodies";

    private static final String REQUEST_ID = "X-Request-Id";

    private static final Logger log = LoggerFactory.getLogger(SlowBodies.class);

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (!settings.enforced()) {
            return;
        }
        factory.addContextValves(new LeastRateValve(settings, counter(), new ContainerErrorValve(errors::html)));
        int grace = (int) Math.min(Integer.MAX_VALUE, settings.grace().toMillis());
        factory.addProtocolHandlerCustomizers(protocol -> {
            if (protocol instanceof AbstractHttp11Protocol<?> http) {
                http.setDisableUploadTimeout(false);
                http.setConnectionUploadTimeout(grace);
            }
        });
    }

    private @Nullable Counter counter() {
        MeterRegistry meters = registry.getIfAvailable();
        return meters == null
                ? null
                : Counter.builder(METER)
                        .description("Request bodies cut off for arriving below broadsheet.request-body.least-rate")
                        .register(meters);
    }

    private static final class LeastRateValve extends ValveBase {

        private final long bytesPerSecond;
        private final long graceNanos;
        private final @Nullable Counter counter;
        private final ContainerErrorValve errors;

        LeastRateValve(RequestBodySettings settings, @Nullable Counter counter, ContainerErrorValve errors) {
            super(true);
            this.errors = errors;
            this.bytesPerSecond = settings.leastRate().toBytes();
            this.graceNanos = settings.grace().toNanos();
            this.counter = counter;
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            org.apache.coyote.Request coyote = request.getCoyoteRequest();
            if (!hasBody(coyote)) {
                getNext().invoke(request, response);
                return;
            }
            var measured = new LeastRateInputBuffer(
                    coyote, bytesPerSecond, graceNanos, (bytes, nanos) -> cutOff(request, bytes, nanos));
            coyote.setInputBuffer(measured);
            try {
                getNext().invoke(request, response);
                if (measured.wasCut()) {
                    answerTimeout(request, response);
                }
            } finally {
                coyote.setInputBuffer(measured.original());
            }
        }

        /**
         * Whatever the application made of the failed read (Tomcat said 400; a handler may have
         * rendered a page, not yet sent) becomes the site's 408, written here as the container's
         * own errors are, so that the host forwards to no other error page.
         */
        private void answerTimeout(Request request, Response response) {
            if (response.isCommitted()) {
                return;
            }
            String id = response.getHeader(REQUEST_ID); // the one the log line carries
            response.reset();
            if (id != null) {
                response.setHeader(REQUEST_ID, id);
            }
            response.setSuspended(false); // Tomcat's sendError(400) had closed it to writes
            response.setError();
            response.setStatus(HttpServletResponse.SC_REQUEST_TIMEOUT);
            request.removeAttribute(RequestDispatcher.ERROR_EXCEPTION);
            errors.report(request, response, null);
        }

        private void cutOff(Request request, long bytes, long nanos) {
            if (counter != null) {
                counter.increment();
            }
            log.warn(
                    "A {} request's body from {} was cut off: {} bytes in {} ms, under the least rate of {} bytes a second",
                    request.getMethod(),
                    request.getRemoteAddr(),
                    bytes,
                    TimeUnit.NANOSECONDS.toMillis(nanos),
                    bytesPerSecond);
        }

        private static boolean hasBody(org.apache.coyote.Request request) {
            return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        }
    }
}
