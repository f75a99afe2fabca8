package org.broadsheet.testkit;

import org.springframework.test.context.TestContextManager;

/**
 * Spring's test context for a jqwik container, which Spring's JUnit Jupiter extension does not
 * reach: the class's annotations ({@code @ProxiedSiteTest}) choose the application context, the
 * same cached one Jupiter tests with those annotations get, and its {@code @Autowired} fields
 * are filled. Call it from a {@code @BeforeProperty} method.
 */
public final class JqwikSpring {

    private JqwikSpring() {}

    public static void inject(Object test) {
        try {
            new TestContextManager(test.getClass()).prepareTestInstance(test);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "No Spring test context for " + test.getClass().getName(), e);
        }
    }
}
