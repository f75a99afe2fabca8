package org.broadsheet.testkit;

import java.util.List;
import java.util.Random;

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
}
