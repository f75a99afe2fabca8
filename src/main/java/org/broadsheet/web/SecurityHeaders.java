package org.broadsheet.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every answer carries. Spring Security writes them on answers that pass
 * its filter chains ({@code account.SecurityConfiguration} reads the policies here); {@link
 * #apply} writes the same on the few answers Tomcat makes before any filter runs.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()";

    /**
     * HSTS's lifetime, a year: browsers that met the site over HTTPS go there over HTTPS only.
     * Without {@code includeSubDomains} (another host of the domain may still serve plain HTTP)
     * or {@code preload}: a proxy in front may add them when the whole domain is ready.
     */
    public static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

    /** The header as Spring Security writes it with {@link #HSTS_MAX_AGE_SECONDS} and no subdomains. */
    public static final String STRICT_TRANSPORT_SECURITY = "max-age=" + HSTS_MAX_AGE_SECONDS;

    /** As Spring Security's {@code ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN} writes it. */
    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    private SecurityHeaders() {}

    /**
     * Writes the headers Spring Security's chains write, on an answer made outside them (by
     * Tomcat, or by a filter before the chains): HSTS too when the request came over HTTPS.
     */
    public static void apply(HttpServletRequest request, HttpServletResponse response) {
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    }
}
