package org.broadsheet.pagecache;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.broadsheet.web.PageTags;
import org.broadsheet.web.Routes;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers anonymous GET and HEAD requests for reader pages from the {@link PageCache}, before
 * Spring MVC and the security filter chain run. On a miss it renders the page through the rest
 * of the chain as a plain GET ({@link RenderRequest}) into memory ({@link CapturedResponse}),
 * keeps it if it may be kept ({@link PageBuilder}), and sends it as kept ({@link PageAnswer}).
 *
 * <p>Never for a request that carries something personal: an {@code Authorization} header, a
 * staff session, or the held-comments cookie (whose pages show that reader's held comments).
 * The remembered commenter cookie is not personal to the page: {@code comments.js} fills the
 * form in from it in the browser.
 *
 * <p>Stampedes: when many requests miss the same page at once, one renders it and the others
 * wait for that render (at most {@code render-wait}, then they render it themselves).
 */
final class PageCacheFilter extends OncePerRequestFilter {

    /** Paths whose answers are never reader pages, or that keep their own caching. */
    private static final String[] NOT_PAGES = {"/newsroom", "/api/", "/actuator", "/assets/", "/media/", "/error"};

    /** Cookies that make a page someone's own. */
    static final Set<String> PERSONAL_COOKIES = Set.of("SESSION", "comment_held");

    private static final int MAX_KEY = 2048;

    /** What requests answered from the cache are timed as ({@code broadsheet_http_requests_seconds}). */
    static final String ROUTE = "page-cache";

    private final PageCache cache;
    private final PageCacheSettings settings;
    private final Clock clock;
    /** Whether pages depend on the request's host (no {@code broadsheet.site.url} set). */
    private final boolean hostInKey;

    private final ConcurrentHashMap<String, CompletableFuture<@Nullable CachedPage>> rendering =
            new ConcurrentHashMap<>();

    PageCacheFilter(PageCache cache, PageCacheSettings settings, Clock clock, boolean hostInKey) {
        this.cache = cache;
        this.settings = settings;
        this.clock = clock;
        this.hostInKey = hostInKey;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = key(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        CachedPage page = cache.get(key);
        if (page != null) {
            Routes.answeredBy(request, ROUTE);
            PageAnswer.send(page, request, response);
            return;
        }
        CompletableFuture<@Nullable CachedPage> mine = new CompletableFuture<>();
        CompletableFuture<@Nullable CachedPage> other = rendering.putIfAbsent(key, mine);
        if (other != null) {
            page = awaitOther(other);
            if (page != null) {
                Routes.answeredBy(request, ROUTE);
                PageAnswer.send(page, request, response);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        try {
            mine.complete(render(key, request, response, chain));
        } catch (IOException | ServletException | RuntimeException e) {
            mine.complete(null);
            throw e;
        } finally {
            rendering.remove(key, mine);
        }
    }

    private @Nullable CachedPage awaitOther(CompletableFuture<@Nullable CachedPage> other) {
        try {
            return other.get(settings.renderWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Renders the page into memory, keeps it if it may be kept, and answers the request. */
    private @Nullable CachedPage render(
            String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long generation = cache.generation();
        PageTags.Collected tags = PageTags.collect(request);
        CapturedResponse captured = new CapturedResponse(response);
        chain.doFilter(new RenderRequest(request), captured);
        if (captured.passedThrough()) {
            return null;
        }
        CachedPage page = PageBuilder.of(captured, response, tags, settings, clock);
        if (page == null) {
            byte[] body = captured.body();
            response.setContentLength(body.length);
            if (!"HEAD".equals(request.getMethod())) {
                response.getOutputStream().write(body);
            }
            return null;
        }
        cache.keep(key, page, generation);
        PageAnswer.send(page, request, response);
        return page;
    }

    /** The page's key in the cache, or null when this request must not be answered from it. */
    private @Nullable String key(HttpServletRequest request) {
        String method = request.getMethod();
        if (!settings.enabled() || !("GET".equals(method) || "HEAD".equals(method))) {
            return null;
        }
        String path = request.getRequestURI();
        for (String prefix : NOT_PAGES) {
            if (path.startsWith(prefix)) {
                return null;
            }
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || personal(request.getCookies())) {
            return null;
        }
        String query = request.getQueryString();
        if (query == null && !request.getParameterMap().isEmpty()) {
            return null; // parameters that are not in the address (a test's mock request): no key says them
        }
        StringBuilder key = new StringBuilder(path.length() + 64);
        if (hostInKey) {
            key.append(request.getScheme())
                    .append("://")
                    .append(request.getServerName())
                    .append(':')
                    .append(request.getServerPort());
        }
        key.append(path);
        if (query != null) {
            key.append('?').append(query);
        }
        return key.length() > MAX_KEY ? null : key.toString();
    }

    private static boolean personal(Cookie @Nullable [] cookies) {
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (PERSONAL_COOKIES.contains(cookie.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
