package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.broadsheet.BroadsheetTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * A page of the API's story list after a cursor is one walk of a publication index, in its
 * order, stopping at the page's end: PostgreSQL's plan has an index scan and no sort, so page
 * 500 costs what page 1 does. (Sequential and bitmap scans, and sorts, are made dear for the
 * check, as the test database is too small for the planner to prefer an ordered index walk on its
 * own, more so once its statistics are fresh, as an import's analyses make them. A sort that
 * cannot be avoided still shows in the plan, so the check still fails for a query no index can
 * serve in order.)
 */
@BroadsheetTest
@Transactional
class StoryListPlanTests {

    @Autowired
    StoryListRepository repository;

    @Autowired
    JdbcClient jdbc;

    private String plan(StoryFilter filter) {
        jdbc.sql("analyze article").update(); // fresh statistics, as after an import: the case that made sorts cheap
        jdbc.sql("set local enable_seqscan = off").update();
        jdbc.sql("set local enable_bitmapscan = off").update();
        jdbc.sql("set local enable_sort = off").update();
        var statement = repository.statement(filter, new StoryKey(Instant.parse("2026-01-01T00:00:00Z"), 42), 21);
        return String.join(
                "\n",
                jdbc.sql("explain " + statement.sql())
                        .params(statement.params())
                        .query(String.class)
                        .list());
    }

    @Test
    void aDeepPageOfEveryStoryIsOneWalkOfThePublicationIndex() {
        String plan = plan(StoryFilter.ALL);
        assertThat(plan)
                .contains("Scan using article_published_idx", "Index Cond:", "ROW(published_at, id) < ROW(")
                .doesNotContain("Sort", "Filter:");
    }

    /**
     * Which of the two publication indexes the planner walks for a section depends on the test
     * database's statistics (on a small table both cost the same; on a large one it takes the
     * section's); either way it is one walk in order from the cursor, with no sort.
     */
    @Test
    void aDeepPageOfASectionIsOneWalkOfAPublicationIndex() {
        String plan = plan(new StoryFilter(7L, null, null, null, null, null));
        assertThat(plan)
                .containsAnyOf("Scan using article_section_published_idx", "Scan using article_published_idx")
                .contains("ROW(published_at, id) < ROW(")
                .doesNotContain("Sort");
    }
}
