package org.broadsheet.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Text for generated articles, from a word chain learnt from the demo edition's articles: which
 * word follows which, as often as it does there. Generated stories therefore use real words
 * with real frequencies (a few in most stories, most in few) and real word pairs ("central
 * bank", "interest rates"), so that searches over a generated archive find some stories and not
 * others, as over news. Deterministic for a given {@link Random}; thread-safe once made.
 */
final class GeneratedText {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern DROPPED = Pattern.compile("[\"“”()*_`]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}'’-]");

    private final List<String> starts;
    private final Map<String, List<String>> followers;

    private GeneratedText(List<String> starts, Map<String, List<String>> followers) {
        this.starts = List.copyOf(starts);
        this.followers = followers;
    }

    /** The chain of the demo edition's article bodies ({@code classpath:demo/articles/*.md}). */
    static GeneratedText fromDemoArticles() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:demo/articles/*.md");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            List<String> bodies = new ArrayList<>();
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    bodies.add(text.substring(text.indexOf("\n---\n") + 5));
                }
            }
            return learn(bodies);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the demo articles", e);
        }
    }

    /** The chain of these Markdown texts: their paragraphs, quotes and list items, without markup. */
    static GeneratedText learn(List<String> markdown) {
        List<String> starts = new ArrayList<>();
        Map<String, List<String>> followers = new HashMap<>();
        for (String text : markdown) {
            for (String line : text.split("\n")) {
                String prose = prose(line);
                if (prose.isEmpty()) {
                    continue;
                }
                String[] words = prose.split("\\s+");
                starts.add(words[0]);
                for (int i = 0; i + 1 < words.length; i++) {
                    followers.computeIfAbsent(words[i], w -> new ArrayList<>()).add(words[i + 1]);
                    if (endsSentence(words[i])) {
                        starts.add(words[i + 1]);
                    }
                }
            }
        }
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("No text to learn from");
        }
        return new GeneratedText(starts, followers);
    }

    private static String prose(String line) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#") || text.startsWith("[[")) {
            return "";
        }
        text = text.replaceFirst("^(>|-|\\d+\\.)\\s+", "");
        text = LINK.matcher(text).replaceAll("$1");
        return DROPPED.matcher(text).replaceAll("").strip();
    }

    private static boolean endsSentence(String word) {
        char last = word.charAt(word.length() - 1);
        return last == '.' || last == '?' || last == '!';
    }

    /** A paragraph of whole sentences, about {@code words} words long. */
    String paragraph(Random random, int words) {
        StringBuilder text = new StringBuilder();
        int count = 0;
        while (count < words) {
            String sentence = sentence(random, Math.min(40, words - count + 8));
            text.append(text.isEmpty() ? "" : " ").append(sentence);
            count += sentence.split(" ").length;
        }
        return text.toString();
    }

    /** One sentence of at most {@code maxWords} words, capitalised, ending with its full stop. */
    String sentence(Random random, int maxWords) {
        StringBuilder text = new StringBuilder();
        String word = pick(random, starts);
        for (int n = 1; ; n++) {
            text.append(n == 1 ? "" : " ").append(word);
            List<String> next = followers.get(word);
            if (endsSentence(word)) {
                return capitalise(text.toString());
            }
            if (n >= maxWords || next == null) {
                return capitalise(text.toString().replaceAll("[,;:–—-]+$", "")) + ".";
            }
            word = pick(random, next);
        }
    }

    /** {@code count} words that follow one another, without punctuation (headlines, subheadings, list items). */
    String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        String word = pick(random, starts);
        for (int n = 0; n < count; n++) {
            String bare = NOT_WORD.matcher(word).replaceAll("");
            if (!bare.isEmpty()) {
                text.append(text.isEmpty() ? "" : " ").append(bare);
            }
            List<String> next = followers.get(word);
            word = next == null ? pick(random, starts) : pick(random, next);
        }
        return capitalise(text.toString());
    }

    private static String pick(Random random, List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
