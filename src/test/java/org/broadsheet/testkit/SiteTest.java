package org.broadsheet.testkit;

import org.broadsheet.article.ArticleAutosaves;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleReader;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.comment.CommentPolicies;
import org.broadsheet.comment.CommentService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What most tests of the running site start from: {@link Site} to fetch pages (as a reader, or
 * as staff), {@link StaffMembers} of the test's own, {@link Stories} to write articles with, and
 * the article services themselves for what a test does to a story beyond that: {@code articles}
 * (content and revisions), {@code workflow} (status, schedule, notes), {@code autosaves},
 * {@code desk} (the newsroom's reads) and {@code reader} (what readers see); and for comments,
 * the {@link Comments} fixture ({@code commenting}: articles to comment on, unique commenters,
 * the form as a browser posts it), the comment service and the policy in force.
 * Subclasses carry {@code @BroadsheetTest} (and {@code @Transactional} when they roll back).
 */
public abstract class SiteTest {

    @Autowired
    protected Site site;

    @Autowired
    protected StaffMembers staff;

    @Autowired
    protected Stories stories;

    @Autowired
    protected ArticleService articles;

    @Autowired
    protected ArticleWorkflow workflow;

    @Autowired
    protected ArticleAutosaves autosaves;

    @Autowired
    protected ArticleDesk desk;

    @Autowired
    protected ArticleReader reader;

    @Autowired
    protected Comments commenting;

    @Autowired
    protected CommentService comments;

    @Autowired
    protected CommentPolicies policies;
}
