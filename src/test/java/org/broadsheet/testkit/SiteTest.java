package org.broadsheet.testkit;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * What most tests of the running site start from: {@link Site} to fetch pages (as a reader, or
 * as staff), {@link StaffMembers} of the test's own, and {@link Stories} to write articles with.
 * Subclasses carry {@code @BroadsheetTest} (and {@code @Transactional} when they roll back).
 */
public abstract class SiteTest {

    @Autowired
    protected Site site;

    @Autowired
    protected StaffMembers staff;

    @Autowired
    protected Stories stories;
}
