package org.broadsheet.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.broadsheet.web.Routes;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The first filter: gives the request its id ({@link RequestIds}: in the MDC, so every log line
 * written while it is served carries it, and in the response's {@code X-Request-Id}), and, when
 * {@code broadsheet.metrics.requests} is on, times it in {@code broadsheet.http.requests} tagged
 * with the method, the route (the handler's pattern such as {@code /{section}/{yyyy}/{mm}/{dd}/{slug},
 * or {@code page-cache} for a page the page cache answered, see {@link Routes}), the status and
 * the outcome.
 *
 * <p>Cheap on purpose (a cached page costs a few microseconds in all): one timer per
 * (method, route, status), kept in a map, fixed histogram buckets; no observation, no tags
 * built per request. Spring Boot's own {@code http.server.requests} observation stays off.
 */
final class RequestMetrics implements Filter {

    static final String METER = "broadsheet.http.requests";

    /** Buckets from a page the page cache answers (a fraction of a millisecond) to a slow export. */
    private static final Duration[] BUCKETS = {
        Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofNanos(2_500_000),
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)
    };

    private final @Nullable MeterRegistry registry;
    private final ConcurrentHashMap<Key, Timer> timers = new ConcurrentHashMap<>();

    /** @param registry where to time requests; null times nothing (request ids only) */
    RequestMetrics(@Nullable MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String id = RequestIds.of(request.getHeader(RequestIds.HEADER));
        response.setHeader(RequestIds.HEADER, id);
        MDC.put(RequestIds.MDC_KEY, id);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
            if (registry != null) {
                timer(request, response.getStatus()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        }
    }

    private Timer timer(HttpServletRequest request, int status) {
        Key key = new Key(method(request.getMethod()), route(request, status), status);
        Timer timer = timers.get(key);
        return timer != null ? timer : timers.computeIfAbsent(key, this::register);
    }

    private Timer register(Key key) {
        return Timer.builder(METER)
                .description("Requests answered, by route (a handler's pattern, or page-cache)")
                .tag("method", key.method())
                .tag("route", key.route())
                .tag("status", Integer.toString(key.status()))
                .tag("outcome", outcome(key.status()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    /** A fixed set, so that no request can make new time series with a made-up method. */
    private static String method(String method) {
        return switch (method) {
            case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" -> method;
            default -> "OTHER";
        };
    }

    private static String route(HttpServletRequest request, int status) {
        if (request.getAttribute(Routes.ATTRIBUTE) instanceof String route) {
            return route;
        }
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern) {
            return pattern;
        }
        // Never the path itself: any client could make series without end.
        if (status == 404) {
            return "NOT_FOUND";
        }
        return status >= 300 && status < 400 ? "REDIRECTION" : "UNKNOWN";
    }

    private static String outcome(int status) {
        if (status < 200) {
            return "INFORMATIONAL";
        }
        if (status < 300) {
            return "SUCCESS";
        }
        if (status < 400) {
            return "REDIRECTION";
        }
        return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
    }

    private record Key(String method, String route, int status) {}
}
