package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.testkit.SiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stories brought in by a bulk import are written without their search vectors (V15) and
 * indexed afterwards by {@link SearchCatchUp}, on its own connection: the import does not make
 * them, a reader's search finds them once the catch-up has run, and stories left waiting (an
 * import whose process stopped) are indexed by the next round.
 */
@BroadsheetTest
class SearchCatchUpTests extends SiteTest {

    @Autowired
    ArticleImports imports;

    @Autowired
    SearchCatchUp catchUp;

    @Autowired
    SearchService search;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private List<String> found(String text) {
        return search.search(SearchQuery.of(text)).hits().stream()
                .map(SearchHit::url)
                .toList();
    }

    private boolean waiting(long id) {
        return jdbc.sql("select search_vector is null from article where id = ?")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    @Test
    void importedStoriesAreIndexedByTheCatchUpNotByTheImport() {
        String w = SearchTests.word("quillon");
        Instant at = Instant.now().minusSeconds(3_600);
        long id = transactions.execute(tx -> {
            long made = imports.importAll(List.of(new ArticleImports.Incoming(
                            stories.form("The " + w + " affair").withBody("About the " + w + "."),
                            ArticleImports.Arrival.PUBLISHED,
                            at,
                            null)))
                    .get(0)
                    .id();
            assertThat(waiting(made)).as("written without its vector").isTrue();
            return made;
        });

        // The commit also wakes the background catch-up: a round of ours may find the story
        // already claimed by it and return before it commits, so rounds go on until it is done.
        Instant until = Instant.now().plusSeconds(20);
        while (waiting(id) && Instant.now().isBefore(until)) {
            catchUp.round();
        }

        assertThat(waiting(id)).isFalse();
        assertThat(found(w)).hasSize(1);
    }

    @Test
    void storiesLeftWaitingAreIndexedByTheNextRound() {
        // As an import whose process stopped before its catch-up leaves a story.
        String w = SearchTests.word("brannock");
        long id = stories.publish(
                        stories.form("A " + w + " story"), Instant.now().minusSeconds(60))
                .id();
        assertThat(found(w)).hasSize(1);
        jdbc.sql("update article set search_vector = null where id = ?")
                .param(id)
                .update();
        assertThat(waiting(id)).isTrue();
        assertThat(catchUp.round()).isGreaterThanOrEqualTo(1);

        assertThat(waiting(id)).isFalse();
        assertThat(found(w)).hasSize(1);
    }
}
