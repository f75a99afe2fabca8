package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.search.SearchTests.word;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.testkit.SiteTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A search that runs past {@link SearchRepository#TIMEOUT_SECONDS} is cancelled by PostgreSQL
 * and the reader gets a friendly page, not a 500 and not a held thread. A slow search is made
 * here by holding the article table locked from another connection (the search waits on the
 * lock as it would on a costly plan). Not transactional: the lock must not wait on this test.
 */
@BroadsheetTest
class SearchTimeoutTests extends SiteTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aSearchThatRunsTooLongIsStoppedAndTheReaderToldSoAndTheAnswerIsNotKept() throws Exception {
        String w = word("lentus");
        MockHttpServletResponse slow;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("set local lock_timeout = '10s'");
                statement.execute("lock table article in access exclusive mode");
            }
            long started = System.nanoTime();
            slow = search(w);
            long waitedMs = (System.nanoTime() - started) / 1_000_000;
            blocker.rollback();
            assertThat(waitedMs).isGreaterThanOrEqualTo(SearchRepository.TIMEOUT_SECONDS * 1000L - 100);
        }

        assertThat(slow.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(slow.getContentAsString()).select("main").text())
                .contains("This search took too long and was stopped");

        MockHttpServletResponse again = search(w);
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(again.getContentAsString()).select("main").text())
                .doesNotContain("took too long")
                .contains("Check the spelling");
    }

    private MockHttpServletResponse search(String q) {
        return site.perform(MockMvcRequestBuilders.get("/search").param("q", q));
    }
}
