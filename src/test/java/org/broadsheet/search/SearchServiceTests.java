package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Parts of the search service that need no database. */
class SearchServiceTests {

    @Test
    void snippetsAreLookedForAtTheSearchedWordsNotTheExcludedOnes() {
        assertThat(SearchService.prefixes("'central' <-> 'bank' & !'mexico' | 'countri' & 'o''brien' & 'rate'"))
                .containsExactly("centra", "bank", "countr", "o'brie", "rate");
        assertThat(SearchService.prefixes("'bank' & 'bank'")).containsExactly("bank");
        assertThat(SearchService.prefixes("")).isEmpty();
    }
}
