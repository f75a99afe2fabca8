package org.broadsheet.article;

import java.time.Clock;
import org.broadsheet.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the editor's script keeps while someone types: one autosave per article and person,
 * and one per person for a new article before its first save. Autosaves are not revisions and
 * are checked only for the lengths a save would accept; nothing readers see changes. A save
 * removes the person's autosave ({@link ArticleService}).
 */
@Service
public class ArticleAutosaves {

    private final ArticleRepository repository;
    private final RevisionRepository store;
    private final Revisions revisions;
    private final Clock clock;

    ArticleAutosaves(ArticleRepository repository, RevisionRepository store, Revisions revisions, Clock clock) {
        this.repository = repository;
        this.store = store;
        this.revisions = revisions;
        this.clock = clock;
    }

    /**
     * Keeps what {@code staffId} has typed into the article's editor so far (one autosave per
     * article and person, replacing the last). Not a revision and not validated beyond the
     * lengths a save would accept; nothing readers see changes.
     */
    @Transactional
    public void autosave(long id, long staffId, int baseVersion, ArticleForm form) {
        if (!repository.exists(id)) {
            throw new NotFoundException("No article " + id);
        }
        ArticleChecks.checkUnsaved(form);
        store.saveAutosave(id, staffId, clock.instant(), baseVersion, revisions.toJson(form));
    }

    /** Forgets {@code staffId}'s autosave of the article, if any. */
    @Transactional
    public void discardAutosave(long id, long staffId) {
        store.deleteAutosave(id, staffId);
    }

    /**
     * Keeps what {@code staffId} has typed into "Write a new article" so far, before its first
     * save: one per person, replacing the last; the same limits as {@link #autosave}. It is not
     * an article (readers and article lists never see it); {@link ArticleService#create(ArticleForm, long, java.util.List)}
     * removes it. A form with nothing typed (no headline, standfirst, body, tags or image)
     * removes it too: there is nothing to lose.
     */
    @Transactional
    public void autosaveNew(long staffId, ArticleForm form) {
        ArticleChecks.checkUnsaved(form);
        if (isEmpty(form)) {
            store.deleteNewAutosave(staffId);
        } else {
            store.saveNewAutosave(staffId, clock.instant(), revisions.toJson(form));
        }
    }

    /** Forgets {@code staffId}'s autosave of a new article, if any. */
    @Transactional
    public void discardNewAutosave(long staffId) {
        store.deleteNewAutosave(staffId);
    }

    private static boolean isEmpty(ArticleForm form) {
        return isBlank(form.headline())
                && isBlank(form.standfirst())
                && isBlank(form.body())
                && form.tags().isEmpty()
                && form.image() == null;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
