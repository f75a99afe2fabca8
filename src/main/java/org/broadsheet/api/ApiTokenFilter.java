package org.broadsheet.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.broadsheet.account.ApiTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer …} on every API request. A live token puts its holder on
 * the request ({@link TokenHolder}); anything else sent there is a 401 with
 * {@code WWW-Authenticate: Bearer}, even on a public read, so that a client learns at once that
 * its token is wrong; and an address with too many failures (tokens and sign-ins alike) is a 429
 * with {@code Retry-After}. Requests without the header go on as anonymous.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    static final String CHALLENGE = "Bearer realm=\"broadsheet\"";

    private final ApiTokens tokens;
    private final Clock clock;

    ApiTokenFilter(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.length() > 7
                        && header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")
                ? header.substring(7).strip()
                : "";
        ApiTokens.Check check = tokens.check(token, request.getRemoteAddr());
        if (check instanceof ApiTokens.Check.Valid valid) {
            request.setAttribute(TokenHolder.ATTRIBUTE, new TokenHolder(valid.staff()));
            chain.doFilter(request, response);
        } else if (check instanceof ApiTokens.Check.Throttled throttled) {
            long seconds = Math.max(
                    1, Duration.between(clock.instant(), throttled.until()).toSeconds() + 1);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            ProblemJson.write(
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed tokens or sign-ins from this address; try again later",
                    request.getRequestURI(),
                    List.of());
        } else {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"");
            ProblemJson.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "The API token is not valid: it may be mistyped or revoked, or its account disabled",
                    request.getRequestURI(),
                    List.of());
        }
    }
}
