package org.broadsheet.taxonomy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.web.Slugs;
import org.springframework.stereotype.Component;

/**
 * The places the newsroom's place suggestions look for in a story's text: every country of
 * the JDK's ISO list by its English name, plus {@code gazetteer/places.txt} (names the
 * newsroom prefers, aliases, demonyms and capitals). Names match whole words, case-sensitively,
 * the longest first, so "Papua New Guinea" is one place and "us" is not the United States.
 */
@Component
public class Gazetteer {

    private static final String DATA = "/gazetteer/places.txt";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern PARENTHESIS = Pattern.compile("^(.*?) \\((.*)\\)$");

    private final Map<List<String>, Place> byWords = new HashMap<>();
    private final Map<String, Place> bySlug = new LinkedHashMap<>();
    private int longest;

    public Gazetteer() {
        Map<String, String> countries = new LinkedHashMap<>();
        Map<String, List<String>> aliases = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH);
            Matcher parenthesis = PARENTHESIS.matcher(name);
            if (parenthesis.matches()) { // "Myanmar (Burma)"
                name = parenthesis.group(1);
                aliases.computeIfAbsent(code, c -> new ArrayList<>()).add(parenthesis.group(2));
            }
            countries.put(code, name);
            if (name.contains(" & ")) {
                aliases.computeIfAbsent(code, c -> new ArrayList<>()).add(name.replace(" & ", " and "));
            }
        }
        List<String[]> cities = new ArrayList<>();
        for (String[] line : lines()) {
            if (line[0].equals("city")) {
                cities.add(line);
            } else if (countries.containsKey(line[0])) {
                if (!line[1].isEmpty()) {
                    aliases.computeIfAbsent(line[0], c -> new ArrayList<>()).add(countries.get(line[0]));
                    countries.put(line[0], line[1]);
                }
                aliases.computeIfAbsent(line[0], c -> new ArrayList<>()).addAll(names(line[2]));
            } else {
                throw new IllegalStateException(DATA + ": no country " + line[0]);
            }
        }
        countries.forEach((code, name) -> add(name, aliases.getOrDefault(code, List.of())));
        for (String[] city : cities) {
            add(city[1], names(city[2]));
        }
    }

    private void add(String name, List<String> otherNames) {
        Place place = new Place(Slugs.from(name), name);
        bySlug.putIfAbsent(place.slug(), place);
        Set<String> all = new LinkedHashSet<>();
        all.add(name);
        all.addAll(otherNames);
        for (String each : all) {
            List<String> words = words(each);
            if (!words.isEmpty()) {
                byWords.putIfAbsent(words, place);
                longest = Math.max(longest, words.size());
            }
        }
    }

    /** The places named in {@code text}, each once, in the order they first appear. */
    public List<Place> find(String text) {
        List<String> words = words(text);
        Set<Place> found = new LinkedHashSet<>();
        int i = 0;
        while (i < words.size()) {
            int matched = 0;
            for (int n = Math.min(longest, words.size() - i); n > 0 && matched == 0; n--) {
                Place place = byWords.get(words.subList(i, i + n));
                if (place != null) {
                    found.add(place);
                    matched = n;
                }
            }
            i += Math.max(matched, 1);
        }
        return List.copyOf(found);
    }

    /** The place whose tag would have {@code slug}. */
    public Optional<Place> place(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }

    private static List<String> names(String list) {
        return list.isBlank()
                ? List.of()
                : List.of(list.split(";")).stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    private static List<String[]> lines() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(DATA)) {
            if (in == null) {
                throw new IllegalStateException(DATA + " is missing");
            }
            List<String[]> lines = new ArrayList<>();
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\\|", 3);
                    if (f.length != 3) {
                        throw new IllegalStateException(DATA + ": not KEY | NAME | OTHER NAMES: " + line);
                    }
                    lines.add(new String[] {f[0].strip(), f[1].strip(), f[2].strip()});
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
