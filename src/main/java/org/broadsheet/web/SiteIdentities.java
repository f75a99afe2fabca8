package org.broadsheet.web;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.stereotype.Service;

/**
 * The site's name and tagline in force: an administrator's, once saved (kept in the one-row
 * {@code site_identity} table), else {@code broadsheet.site.name} and
 * {@code broadsheet.site.tagline}. Read on every page, so kept in memory: a change made on
 * this node shows at once, one made on another node within {@link #REFRESH}.
 */
@Service
public class SiteIdentities {

    /** How long another node's change may take to show here. */
    static final Duration REFRESH = Duration.ofSeconds(30);

    private static final Object KEY = new Object();

    private final SiteIdentityRepository repository;
    private final SiteSettings settings;
    private final LoadingCache<Object, SiteIdentity> current;

    SiteIdentities(SiteIdentityRepository repository, SiteSettings settings) {
        this.repository = repository;
        this.settings = settings;
        this.current = Caffeine.newBuilder().expireAfterWrite(REFRESH)
                .build(key -> repository.find().orElseGet(this::defaults));
    }

    public SiteIdentity current() {
        return current.get(KEY);
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
        identity.validate();
        repository.save(identity); // one statement, committed before the cache forgets the old value
        current.invalidateAll();
    }
}
