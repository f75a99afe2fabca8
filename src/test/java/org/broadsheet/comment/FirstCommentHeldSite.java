package org.broadsheet.comment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.broadsheet.BroadsheetTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The test site with a policy that holds a commenter's first comment for a moderator and
 * sends comments with {@code spam-word} to spam, in an application context (and so an embedded
 * database) of its own. For tests through a real server (HTTP, Chromium), which cannot roll a
 * policy change back; every class with this annotation shares the one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@BroadsheetTest
@TestPropertySource(properties = {"broadsheet.comments.moderation=first", "broadsheet.comments.blocklist=spam-word"})
@interface FirstCommentHeldSite {}
