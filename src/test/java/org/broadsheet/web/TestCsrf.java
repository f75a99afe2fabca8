package org.broadsheet.web;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A valid CSRF token for a MockMvc request, made the way the site makes one: the raw token in
 * the {@code XSRF-TOKEN} cookie and its masked form in the {@code _csrf} field. Use it instead
 * of Spring Security's {@code csrf()}, which swaps the running filter's token store for a
 * session-backed one for the rest of the context's life, so that later browser tests on the
 * same server would no longer test the real cookie store.
 */
public final class TestCsrf {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCsrf() {}

    public static RequestPostProcessor csrf() {
        return request -> {
            String token = UUID.randomUUID().toString();
            addCookie(request, new Cookie("XSRF-TOKEN", token));
            request.setParameter("_csrf", masked(token));
            return request;
        };
    }

    /** A cookie and a field that do not match, as a forged form would send. */
    public static RequestPostProcessor wrongToken() {
        return request -> {
            addCookie(request, new Cookie("XSRF-TOKEN", UUID.randomUUID().toString()));
            request.setParameter("_csrf", masked(UUID.randomUUID().toString()));
            return request;
        };
    }

    /** Adds a cookie, keeping the request's others (MockMvc's setCookies replaces them all). */
    public static void addCookie(MockHttpServletRequest request, Cookie cookie) {
        List<Cookie> cookies = new ArrayList<>();
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (!c.getName().equals(cookie.getName())) {
                    cookies.add(c);
                }
            }
        }
        cookies.add(cookie);
        request.setCookies(cookies.toArray(Cookie[]::new));
    }

    /** Random bytes, then the token XOR those bytes, in URL-safe Base64 (Spring Security's BREACH masking). */
    private static String masked(String token) {
        byte[] tokenBytes = token.getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[tokenBytes.length];
        RANDOM.nextBytes(random);
        byte[] combined = new byte[tokenBytes.length * 2];
        System.arraycopy(random, 0, combined, 0, random.length);
        for (int i = 0; i < tokenBytes.length; i++) {
            combined[random.length + i] = (byte) (random[i] ^ tokenBytes[i]);
        }
        return Base64.getUrlEncoder().encodeToString(combined);
    }
}
