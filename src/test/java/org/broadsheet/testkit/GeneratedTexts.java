package org.broadsheet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Texts for tests that compare a quick path with its plain definition on many inputs: each made
 * of pieces drawn at random, the same for the same seed, so a failure names its seed and can be
 * run again.
 */
public final class GeneratedTexts {

    private GeneratedTexts() {}

    /** Fewer than {@code bound} pieces, each drawn from {@code pieces}, joined; the same for the same seed. */
    public static String of(long seed, List<String> pieces, int bound) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(bound); i > 0; i--) {
            text.append(pieces.get(random.nextInt(pieces.size())));
        }
        return text.toString();
    }

    /** Each code point of {@code alphabet} as a piece of its own. */
    public static List<String> codePoints(String alphabet) {
        return alphabet.codePoints().mapToObj(Character::toString).toList();
    }

    /** A generated text and what a function's definition answered for it. */
    public record Answer<T>(String text, T answer) {}

    /**
     * Asserts that {@code quick} answers as {@code definition} does for the texts of seeds 0 to
     * {@code count - 1} ({@link #of}); returns the definition's answers, for the test to check
     * that the texts reached the cases that matter.
     */
    public static <T> List<Answer<T>> sameAnswers(
            long count, List<String> pieces, int bound, Function<String, T> quick, Function<String, T> definition) {
        List<Answer<T>> answers = new ArrayList<>();
        for (long seed = 0; seed < count; seed++) {
            String text = of(seed, pieces, bound);
            T expected = definition.apply(text);
            assertThat(quick.apply(text)).as("seed %d: [%s]", seed, text).isEqualTo(expected);
            answers.add(new Answer<>(text, expected));
        }
        return answers;
    }
}
