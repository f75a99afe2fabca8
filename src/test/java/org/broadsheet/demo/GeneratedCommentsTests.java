package org.broadsheet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** How the benchmark generator spreads comments over articles. */
class GeneratedCommentsTests {

    @Test
    void spreadCommentsAddUpToTheTotalAndVaryFromNoneToTwiceTheMean() {
        long articles = 100_000;
        long total = 500_000;
        long sum = LongStream.range(0, articles)
                .map(i -> GeneratedComments.spreadCount(i, articles, total))
                .sum();
        assertThat(sum).isEqualTo(total);
        var counts = LongStream.range(0, articles)
                .map(i -> GeneratedComments.spreadCount(i, articles, total))
                .summaryStatistics();
        assertThat(counts.getMin()).isZero();
        assertThat(counts.getMax()).isEqualTo(10);
        assertThat(LongStream.range(0, 1000)
                        .map(i -> GeneratedComments.spreadCount(i, articles, total))
                        .distinct()
                        .count())
                .isEqualTo(11);
    }

    @Test
    void aRemainderGoesToTheFirstArticlesAndAnOddLastArticleGetsTheMean() {
        long sum = LongStream.range(0, 7)
                .map(i -> GeneratedComments.spreadCount(i, 7, 30))
                .sum();
        assertThat(sum).isEqualTo(30);
        assertThat(GeneratedComments.spreadCount(6, 7, 30)).isEqualTo(4);
        assertThat(GeneratedComments.spreadCount(3, 10, 0)).isZero();
    }
}
