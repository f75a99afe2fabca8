package org.broadsheet.web;

import java.util.ArrayList;
import java.util.List;
import org.broadsheet.testkit.RawHttp;

/** What every answer must carry, checked on an answer read off the wire; shared by the hostile-input tests. */
public final class SecurityHeaderChecks {

    private SecurityHeaderChecks() {}

    /** What is missing or wrong in {@code answer}'s security headers; empty when all is well. */
    public static List<String> problems(RawHttp.Answer answer) {
        List<String> problems = new ArrayList<>();
        String csp = answer.header("content-security-policy").orElse("");
        if (!csp.contains("frame-ancestors 'none'")) {
            problems.add("no CSP with frame-ancestors 'none'");
        }
        if (!csp.contains("script-src 'self'") || csp.contains("unsafe-inline") || csp.contains("unsafe-eval")) {
            problems.add("a CSP that lets inline or evaluated scripts run: " + csp);
        }
        if (!answer.header("x-content-type-options").orElse("").equals("nosniff")) {
            problems.add("no X-Content-Type-Options: nosniff");
        }
        if (answer.header("referrer-policy").isEmpty()) {
            problems.add("no Referrer-Policy");
        }
        if (answer.header("permissions-policy").isEmpty()) {
            problems.add("no Permissions-Policy");
        }
        return problems;
    }
}
