package org.broadsheet.taxonomy;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.platform.ClusterEventsResumed;
import org.broadsheet.platform.KeptValue;
import org.broadsheet.web.MovedAddresses;
import org.broadsheet.web.NotFoundException;
import org.broadsheet.web.Problems;
import org.broadsheet.web.ResultPage;
import org.broadsheet.web.SiteSettings;
import org.broadsheet.web.Slugs;
import org.broadsheet.web.TextSearch;
import org.broadsheet.web.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The rules every taxonomy shares. A blank slug is made from the name; a slug must be
 * well-formed and not another term's. A term whose slug changes keeps the former one: its old
 * reader address (and the address's later pages) answers 301 with the new one, until another
 * term takes that slug. A term that articles use cannot be deleted. Every change publishes
 * {@link TaxonomyChanged}, and the list of all terms, kept in memory, is forgotten when it is
 * heard (at once, again when the writing transaction ends, and on every node through the event
 * bus); {@code broadsheet.site.cache-ttl} bounds how stale a node that missed it can be.
 *
 * <p>Each taxonomy adds its own checks ({@link #checkOwn}) and says why a term in use cannot go
 * ({@link #inUse}).
 */
public abstract class TermService<T extends Term> implements MovedAddresses {

    private final Taxonomy taxonomy;
    private final TermRepository<T> repository;
    private final UnaryOperator<String> readerUrl;
    private final Pattern readerPath;
    private final ApplicationEventPublisher events;
    private final KeptValue<List<T>> all;

    /**
     * @param readerUrl the reader page of the term with a slug
     * @param pathPrefix what comes before the slug in that page's path ({@code /tag/})
     */
    TermService(
            Taxonomy taxonomy,
            TermRepository<T> repository,
            UnaryOperator<String> readerUrl,
            String pathPrefix,
            SiteSettings settings,
            ApplicationEventPublisher events) {
        this.taxonomy = taxonomy;
        this.repository = repository;
        this.readerUrl = readerUrl;
        this.readerPath = Pattern.compile(Pattern.quote(pathPrefix) + "([a-z0-9-]{1,120})(/page/[0-9]{1,6})?");
        this.events = events;
        this.all = new KeptValue<>(settings.cacheTtl(), () -> List.copyOf(repository.findAll()));
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** Every term, in the taxonomy's order (sections: navigation order; others: by name). */
    public List<T> all() {
        return all.get();
    }

    /** Where readers find the term with {@code slug}. */
    public String readerUrl(String slug) {
        return readerUrl.apply(slug);
    }

    public Optional<T> findById(long id) {
        return repository.findById(id);
    }

    public Optional<T> findBySlug(@Nullable String slug) {
        return Slugs.isValid(slug) ? repository.findBySlug(slug) : Optional.empty();
    }

    /** The terms with these slugs, in no particular order; unknown slugs are left out. */
    public List<T> findBySlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? List.of() : repository.findBySlugs(slugs);
    }

    /** Every term in order, each with how many articles (of any status) use it. */
    public List<TermSummary<T>> summaries() {
        return repository.findSummaries(null, Integer.MAX_VALUE, 0);
    }

    /**
     * One page of terms in order, each with how many articles use it; {@code query} (may be
     * null) keeps those whose name or slug contains it, ignoring case.
     */
    public ResultPage<TermSummary<T>> list(@Nullable String query, int page, int pageSize) {
        String q = TextSearch.normalise(query);
        String pattern = q == null ? null : TextSearch.containing(q);
        return new ResultPage<>(
                repository.findSummaries(pattern, pageSize, ResultPage.offset(page, pageSize)),
                repository.countMatching(pattern),
                page,
                pageSize);
    }

    /**
     * Creates a term. Refused with a {@link ValidationException} (nothing changed) when the slug
     * is malformed or taken, the name missing or too long, or the taxonomy's own fields wrong.
     */
    @Transactional
    public T create(TermForm form) {
        TermForm made = normalised(form.withSlug(Slugs.orFrom(form.slug(), form.name())));
        validate(made, null);
        repository.formerSlugs().forget(made.slug());
        long id = repository.insert(made);
        changed(id);
        return find(id);
    }

    /**
     * Changes a term's name, slug and own fields. A changed slug is remembered, so the old
     * address answers 301. Refused like {@link #create}; an unknown id is a
     * {@link NotFoundException}.
     */
    @Transactional
    public T update(long id, TermForm form) {
        T before = find(id);
        TermForm made = normalised(form);
        validate(made, before);
        repository.formerSlugs().renamed(before.slug(), made.slug(), id);
        repository.update(id, made);
        changed(id);
        return find(id);
    }

    /**
     * Deletes a term no article uses; one in use is refused with a {@link ValidationException}
     * saying why. An unknown id is a {@link NotFoundException}.
     */
    @Transactional
    public void delete(long id) {
        T term = find(id);
        long articles = repository.countArticles(id);
        new Problems()
                .require(articles == 0, taxonomy.table(), inUse(term, articles))
                .throwIfAny();
        new Problems()
                .require(!isReferencedElsewhere(id), taxonomy.table(), referencedElsewhere(term))
                .throwIfAny();
        try {
            repository.delete(id);
        } catch (DataIntegrityViolationException e) {
            // referred to since the check, by another transaction
            throw ValidationException.of(taxonomy.table(), referencedElsewhere(term));
        }
        changed(id);
    }

    /** The old address of a renamed term (or one of its later pages): the same page at its new address. */
    @Override
    public Optional<String> movedTo(String path) {
        Matcher m = readerPath.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        return repository
                .formerSlugs()
                .findRenamed(m.group(1))
                .map(slug -> readerUrl.apply(slug) + (m.group(2) == null ? "" : m.group(2)));
    }

    /** Why {@code term}, which {@code articles} articles use, cannot be deleted. */
    abstract String inUse(T term, long articles);

    /** Whether something besides articles refers to term {@code id}, so that it cannot be deleted. */
    boolean isReferencedElsewhere(long id) {
        return false;
    }

    /** Why {@code term} cannot be deleted although no article uses it (another table refers to it). */
    String referencedElsewhere(T term) {
        return "“" + term.name() + "” is still in use elsewhere.";
    }

    /** The form with this taxonomy's defaults filled in (a tag's kind). */
    TermForm normalised(TermForm form) {
        return form;
    }

    /** Adds the problems with this taxonomy's own fields (the slug and name are checked already). */
    abstract void checkOwn(TermForm form, Problems problems);

    /** "1 article", "3 articles". */
    static String articles(long count) {
        return count + (count == 1 ? " article" : " articles");
    }

    T find(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("No " + taxonomy.table() + " " + id));
    }

    /** Announces a change to term {@code id} (0: several). */
    void changed(long id) {
        events.publishEvent(new TaxonomyChanged(taxonomy, id));
    }

    @EventListener
    void onChange(TaxonomyChanged event) {
        forget(event);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
    void afterChangeCompleted(TaxonomyChanged event) {
        forget(event);
    }

    @EventListener(ClusterEventsResumed.class)
    void onResumed() {
        all.forget();
    }

    private void forget(TaxonomyChanged event) {
        if (event.taxonomy() == taxonomy) {
            all.forget();
        }
    }

    private void validate(TermForm form, @Nullable T before) {
        boolean sameSlug = before != null && before.slug().equals(form.slug());
        Problems problems = new Problems()
                .require(Slugs.isValid(form.slug()), "slug", "Slug must be lower-case words joined by hyphens")
                .require(
                        form.slug() == null || sameSlug || !repository.existsBySlug(form.slug()),
                        "slug",
                        "Another " + taxonomy.table() + " already uses that slug")
                .requireText(form.name(), "name", "Name", taxonomy.nameMax());
        checkOwn(form, problems);
        problems.throwIfAny();
    }
}
