package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.broadsheet.BroadsheetTest;
import org.broadsheet.testkit.SiteTest;
import org.broadsheet.web.SiteIdentity;
import org.broadsheet.web.ValidationException;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The site's name and tagline, stored by an administrator, win over the properties and show at
 * once. Each test rolls back, so the name it sets is seen by no other test.
 */
@BroadsheetTest
@Transactional
class SiteIdentityTests extends SiteTest {

    @Autowired
    SiteIdentities identities;

    @Autowired
    JdbcClient jdbc;

    @Test
    void propertiesApplyUntilAnAdministratorSavesANameAndTagline() {
        assertThat(identities.defaults())
                .isEqualTo(new SiteIdentity("Broadsheet", "Independent reporting from around the world"));
    }

    @Test
    void newNameAndTaglineShowOnReaderPagesAtOnce() {
        identities.update(new SiteIdentity("  The Morning Ledger ", "News that keeps <its> word"));
        assertThat(jdbc.sql("select name from site_identity")
                        .query(String.class)
                        .single())
                .isEqualTo("The Morning Ledger");

        Document front = site.page("/");
        assertThat(front.title()).isEqualTo("The Morning Ledger");
        assertThat(front.selectFirst(".site-name").text()).isEqualTo("The Morning Ledger");
        assertThat(front.selectFirst("meta[name=description]").attr("content")).isEqualTo("News that keeps <its> word");
        assertThat(front.selectFirst(".site-footer p").text())
                .isEqualTo("The Morning Ledger — News that keeps <its> word");
        assertThat(site.page("/americas").title()).isEqualTo("Americas – The Morning Ledger");
    }

    @Test
    void missingLongOrMultiLineValuesAreRefusedAndChangeNothing() {
        SiteIdentity before = identities.current();
        assertThatThrownBy(() -> identities.update(new SiteIdentity(" ", "x".repeat(201))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(ValidationException.Problem::field)
                                .containsExactly("name", "tagline"));
        assertThatThrownBy(() -> identities.update(new SiteIdentity("Two\nlines", "Fine")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("one line");
        assertThat(identities.current()).isEqualTo(before);
    }
}
