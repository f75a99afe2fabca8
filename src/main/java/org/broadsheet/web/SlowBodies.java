package org.broadsheet.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.thread.Threading;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
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
 * <p>The least rate bounds how long one slow body holds a thread, not how many do: clients that
 * trickle and connect again when cut off would keep all 8 platform threads busy, and readers would
 * queue behind them. So at most {@link #waitingReaders} threads wait for body bytes at once; a body
 * that would make one more is refused at once with the site's 503 and {@code Retry-After} (a
 * problem under {@code /api/}), and the connection closed. With virtual threads there is no bound
 * by default: a waiting body then holds a virtual thread, not one readers need.
 *
 * <p>Each body cut off is counted in {@code broadsheet.http.slow.bodies} and logged once at WARN
 * with the method, the client's address and how much came in how long; never the path (it may
 * hold a one-time link) nor any of the body. Bodies refused are counted in {@code
 * broadsheet.http.refused.bodies} and logged at WARN at most once a minute, with how many.
 */
@Component
record SlowBodies(
        RequestBodySettings settings,
        Environment environment,
        ObjectProvider<MeterRegistry> registry,
        ContainerErrors errors)
        implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final String METER = "broadsheet.http.slow.bodies";
    static final String REFUSED_METER = "broadsheet.http.refused.bodies";
    /** What a refused client is told to wait, in seconds: about a grace, when waiting bodies are cut off. */
    static final String RETRY_AFTER = "5";

    private static final String REQUEST_ID = "X-Request-Id";

    private static final Logger log = LoggerFactory.getLogger(SlowBodies.class);

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (!settings.enforced()) {
            return;
        }
        int readers = waitingReaders(
                settings,
                environment.getProperty("server.tomcat.threads.max", Integer.class, 200),
                Threading.VIRTUAL.isActive(environment));
        factory.addContextValves(new LeastRateValve(
                settings,
                readers,
                counter(METER, "Request bodies cut off for arriving below broadsheet.request-body.least-rate"),
                counter(REFUSED_METER, "Request bodies refused for broadsheet.request-body.waiting-readers"),
                new ContainerErrorValve(errors::html)));
        int grace = (int) Math.min(Integer.MAX_VALUE, settings.grace().toMillis());
        factory.addProtocolHandlerCustomizers(protocol -> {
            if (protocol instanceof AbstractHttp11Protocol<?> http) {
                http.setDisableUploadTimeout(false);
                http.setConnectionUploadTimeout(grace);
            }
        });
    }

    /**
     * How many request threads may wait for bodies at once ({@link
     * RequestBodySettings#waitingReaders}) when there are {@code threads} of them, virtual or not; 0
     * for no bound.
     */
    static int waitingReaders(RequestBodySettings settings, int threads, boolean virtual) {
        Integer set = settings.waitingReaders();
        if (set != null) {
            return Math.max(0, set);
        }
        return virtual ? 0 : Math.max(1, threads / 2);
    }

    private @Nullable Counter counter(String name, String description) {
        MeterRegistry meters = registry.getIfAvailable();
        return meters == null
                ? null
                : Counter.builder(name).description(description).register(meters);
    }

    private static final class LeastRateValve extends ValveBase {

        private static final long REFUSAL_LOG_EVERY = TimeUnit.MINUTES.toNanos(1);

        private final long bytesPerSecond;
        private final long graceNanos;
        private final int readers;
        private final @Nullable Semaphore waiting;
        private final @Nullable Counter counter;
        private final @Nullable Counter refusedCounter;
        private final ContainerErrorValve errors;
        private final AtomicLong refusedSinceLog = new AtomicLong();
        private final AtomicLong lastRefusalLog = new AtomicLong(System.nanoTime() - REFUSAL_LOG_EVERY);

        LeastRateValve(
                RequestBodySettings settings,
                int readers,
                @Nullable Counter counter,
                @Nullable Counter refusedCounter,
                ContainerErrorValve errors) {
            super(true);
            this.errors = errors;
            this.bytesPerSecond = settings.leastRate().toBytes();
            this.graceNanos = settings.grace().toNanos();
            this.readers = readers;
            this.waiting = readers > 0 ? new Semaphore(readers) : null;
            this.counter = counter;
            this.refusedCounter = refusedCounter;
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            org.apache.coyote.Request coyote = request.getCoyoteRequest();
            if (!hasBody(coyote)) {
                getNext().invoke(request, response);
                return;
            }
            var measured = new LeastRateInputBuffer(
                    coyote, bytesPerSecond, graceNanos, waiting, (bytes, nanos) -> cutOff(request, bytes, nanos));
            coyote.setInputBuffer(measured);
            try {
                getNext().invoke(request, response);
                if (measured.wasCut()) {
                    answer(request, response, HttpServletResponse.SC_REQUEST_TIMEOUT);
                } else if (measured.wasRefused()) {
                    refused(request);
                    answer(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                }
            } finally {
                measured.release();
                coyote.setInputBuffer(measured.original());
            }
        }

        /**
         * Whatever the application made of the failed read (Tomcat said 400; a handler may have
         * rendered a page, not yet sent) becomes the site's 408 or 503, written here as the
         * container's own errors are, so that the host forwards to no other error page.
         */
        private void answer(Request request, Response response, int status) {
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
            response.setStatus(status);
            if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
                response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            }
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

        private void refused(Request request) {
            if (refusedCounter != null) {
                refusedCounter.increment();
            }
            long count = refusedSinceLog.incrementAndGet();
            long now = System.nanoTime();
            long last = lastRefusalLog.get();
            if (now - last >= REFUSAL_LOG_EVERY && lastRefusalLog.compareAndSet(last, now)) {
                refusedSinceLog.addAndGet(-count);
                log.warn(
                        "{} request bodies refused in the last minute or so (the last from {}): {} request threads"
                                + " were already waiting for bodies on their way",
                        count,
                        request.getRemoteAddr(),
                        readers);
            }
        }

        private static boolean hasBody(org.apache.coyote.Request request) {
            return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        }
    }
}
