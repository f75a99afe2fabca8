package org.broadsheet.taxonomy;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.broadsheet.web.Slugs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Place tags the newsroom editor offers for a story: the places its text names
 * ({@link Gazetteer}) that it is not tagged with yet and that nobody dismissed for it. Nothing
 * is tagged until a person accepts a suggestion; a dismissed one is never offered again for
 * that article.
 */
@Component
public class PlaceSuggestions {

    private final Gazetteer gazetteer;
    private final TagService tags;
    private final JdbcClient jdbc;

    PlaceSuggestions(Gazetteer gazetteer, TagService tags, JdbcClient jdbc) {
        this.gazetteer = gazetteer;
        this.tags = tags;
        this.jdbc = jdbc;
    }

    /** A place to offer, and whether its tag exists already (else accepting it makes one). */
    public record Suggestion(Place place, boolean tagExists) {}

    /**
     * What to offer for article {@code articleId} (null for one not saved yet, which has no
     * dismissals) whose text is {@code text} and which is tagged with {@code tagged} (names or
     * slugs, as the editor's boxes hold them).
     */
    public List<Suggestion> suggest(Long articleId, String text, Collection<String> tagged) {
        Set<String> taken = tagged.stream().map(Slugs::from).collect(Collectors.toSet());
        Set<String> dismissed = articleId == null ? Set.of() : dismissed(articleId);
        List<Place> places = gazetteer.find(text).stream()
                .filter(p -> !taken.contains(p.slug()) && !dismissed.contains(p.slug()))
                .toList();
        Set<String> existing = tags.findBySlugs(places.stream().map(Place::slug).toList()).stream()
                .map(Tag::slug)
                .collect(Collectors.toSet());
        return places.stream()
                .map(p -> new Suggestion(p, existing.contains(p.slug())))
                .toList();
    }

    /** The place a suggestion's slug stands for. */
    public Optional<Place> place(String slug) {
        return gazetteer.place(slug.toLowerCase(Locale.ROOT));
    }

    /** The tag for {@code place}: the existing one with its slug, or a new place tag. */
    @Transactional
    public Tag accept(Place place) {
        return tags.findBySlug(place.slug())
                .orElseGet(() -> tags.create(TermForm.tag(place.slug(), place.name(), "place")));
    }

    /** Never offers {@code slug} for article {@code articleId} again. */
    @Transactional
    public void dismiss(long articleId, String slug) {
        jdbc.sql("insert into place_dismissal (article_id, slug) values (?, ?) on conflict do nothing")
                .params(articleId, slug)
                .update();
    }

    private Set<String> dismissed(long articleId) {
        return Set.copyOf(jdbc.sql("select slug from place_dismissal where article_id = ?")
                .param(articleId)
                .query(String.class)
                .list());
    }
}
