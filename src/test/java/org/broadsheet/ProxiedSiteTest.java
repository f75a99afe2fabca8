package org.broadsheet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.broadsheet.testkit.FailingRoutes;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link BroadsheetTest}'s site behind a proxy on 127.0.0.1 ({@code broadsheet.proxies}), so
 * that a test's request from there may say it came over HTTPS, and one from 127.0.0.2 (loopback
 * too) may not; with two routes that fail ({@link FailingRoutes}), for the 500 answers. The
 * hostile-input tests share it: their refused sign-ins and odd requests stay out of the context
 * every other test uses.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@BroadsheetTest
@TestPropertySource(properties = "broadsheet.proxies=127.0.0.1")
@Import(FailingRoutes.class)
public @interface ProxiedSiteTest {}
