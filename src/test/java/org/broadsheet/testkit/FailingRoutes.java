package org.broadsheet.testkit;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two addresses whose handlers fail, for what a reader and an API client get on a 500. A
 * {@link TestComponent}, so component scanning leaves it out: only {@code @ProxiedSiteTest}'s
 * context imports it.
 */
@TestComponent
@RestController
public class FailingRoutes {

    public static final String PAGE = "/test-failures/page";
    public static final String API = "/api/v1/test-failures";

    @GetMapping(PAGE)
    String page() {
        throw new IllegalStateException("a fault planted by the test");
    }

    @GetMapping(API)
    String api() {
        throw new IllegalStateException("a fault planted by the test");
    }
}
