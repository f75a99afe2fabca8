package org.broadsheet.site;

import org.broadsheet.platform.ClusterEventsResumed;
import org.broadsheet.platform.KeptValue;
import org.broadsheet.web.Problems;
import org.broadsheet.web.SiteIdentity;
import org.broadsheet.web.SiteIdentitySource;
import org.broadsheet.web.SiteSettings;
import org.broadsheet.web.ValidationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The site's name and tagline in force: an administrator's, once saved (kept in the one-row
 * {@code site_identity} table), else {@code broadsheet.site.name} and
 * {@code broadsheet.site.tagline}. Read on every page, so kept in memory: a change shows at
 * once on this node and, through {@link SiteIdentityChanged}, on every other;
 * {@code broadsheet.site.cache-ttl} bounds how stale a node can be if it missed that.
 */
@Service
public class SiteIdentities implements SiteIdentitySource {

    private final SiteIdentityRepository repository;
    private final SiteSettings settings;
    private final ApplicationEventPublisher events;
    private final KeptValue<SiteIdentity> current;

    SiteIdentities(SiteIdentityRepository repository, SiteSettings settings, ApplicationEventPublisher events) {
        this.repository = repository;
        this.settings = settings;
        this.events = events;
        this.current =
                new KeptValue<>(settings.cacheTtl(), () -> repository.find().orElseGet(this::defaults));
    }

    @Override
    public SiteIdentity current() {
        return current.get();
    }

    /** The name and tagline from the site's configuration, before any administrator's change. */
    public SiteIdentity defaults() {
        return new SiteIdentity(settings.name(), settings.tagline());
    }

    /**
     * Stores a new name and tagline for every node; reader pages on this node show them from
     * the next request.
     *
     * @throws ValidationException a value is missing, too long or not one line (nothing is changed)
     */
    public void update(SiteIdentity identity) {
        validate(identity);
        repository.save(identity);
        events.publishEvent(new SiteIdentityChanged());
    }

    private static void validate(SiteIdentity identity) {
        new Problems()
                .requireText(identity.name(), "name", "Site title", SiteIdentity.NAME_MAX)
                .requireText(identity.tagline(), "tagline", "Tagline", SiteIdentity.TAGLINE_MAX)
                .require(oneLine(identity.name()), "name", "Site title must be one line of text")
                .require(oneLine(identity.tagline()), "tagline", "Tagline must be one line of text")
                .throwIfAny();
    }

    private static boolean oneLine(String text) {
        return text.codePoints().noneMatch(Character::isISOControl);
    }

    @EventListener({SiteIdentityChanged.class, ClusterEventsResumed.class})
    void forget() {
        current.forget();
    }

    /** Again when the writing transaction ends, so a value read inside one that rolled back is not kept. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, classes = SiteIdentityChanged.class)
    void forgetAfterCompletion() {
        current.forget();
    }
}
