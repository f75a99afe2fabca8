package org.broadsheet.comment;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.broadsheet.platform.Signer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The two cookies of the comment form, both {@code SameSite=Lax}:
 * <ul>
 * <li>{@value #AUTHOR}: the name, email and website of a reader who ticked "Save my name,
 *     email, and website in this browser", and nothing for anyone else (unticking clears it).
 *     Readable by the page's script, which fills the form in from it (as WordPress's cookie
 *     is): the page itself carries nothing of the reader's, so it can be cached for everyone.
 *     It holds only what the reader typed into the form; the CSP allows no inline or foreign
 *     script that could read it.</li>
 * <li>{@value #HELD}: the signed ids of the reader's comments that wait for moderation, so
 *     that they, and only they, see them on the page. {@code HttpOnly}; a page shown with it is
 *     that reader's own and never cached.</li>
 * </ul>
 */
@Component
record CommentCookies(Signer signer) {

    static final String AUTHOR = "comment_author";
    static final String HELD = "comment_held";
    private static final int MAX_HELD = 20;

    /** What a reader asked the site to remember. */
    record Remembered(String name, String email, String website) {}

    void remember(HttpServletRequest request, HttpServletResponse response, Remembered who) {
        String value = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join("\n", who.name(), who.email(), who.website())
                        .getBytes(StandardCharsets.UTF_8));
        set(request, response, AUTHOR, value, Duration.ofDays(365), false);
    }

    void forget(HttpServletRequest request, HttpServletResponse response) {
        if (value(request, AUTHOR).isPresent()) {
            set(request, response, AUTHOR, "", Duration.ZERO, false);
        }
    }

    /** The ids in a valid held-comments cookie; none if it is missing or was tampered with. */
    List<Long> held(HttpServletRequest request) {
        return value(request, HELD)
                .map(value -> {
                    int dot = value.lastIndexOf('.');
                    if (dot <= 0 || !signer.verify("held:" + value.substring(0, dot), value.substring(dot + 1))) {
                        return List.<Long>of();
                    }
                    try {
                        return Arrays.stream(value.substring(0, dot).split("-"))
                                .map(Long::valueOf)
                                .toList();
                    } catch (NumberFormatException e) {
                        return List.<Long>of();
                    }
                })
                .orElse(List.of());
    }

    void addHeld(HttpServletRequest request, HttpServletResponse response, long commentId) {
        List<Long> ids = new ArrayList<>(held(request));
        ids.add(commentId);
        String list = ids.stream()
                .skip(Math.max(0, ids.size() - MAX_HELD))
                .map(String::valueOf)
                .collect(Collectors.joining("-"));
        set(request, response, HELD, list + "." + signer.sign("held:" + list), Duration.ofDays(30), true);
    }

    private static Optional<String> value(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(c -> name.equals(c.getName()) && !c.getValue().isEmpty())
                .map(Cookie::getValue)
                .findFirst();
    }

    private static void set(
            HttpServletRequest request,
            HttpServletResponse response,
            String name,
            String value,
            Duration maxAge,
            boolean httpOnly) {
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                ResponseCookie.from(name, value)
                        .path("/")
                        .maxAge(maxAge)
                        .httpOnly(httpOnly)
                        .secure(request.isSecure())
                        .sameSite("Lax")
                        .build()
                        .toString());
    }
}
