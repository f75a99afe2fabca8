package org.broadsheet.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the stored search vectors in the language of {@code broadsheet.search.language}. The
 * vectors themselves follow every write through the triggers of migration V12; this only
 * rebuilds them all, once, when the language setting changes (checked on start, before the web
 * server opens). The rebuild runs in one transaction holding an advisory lock, so two nodes
 * starting at once rebuild once.
 */
@Component
@EnableConfigurationProperties(SearchSettings.class)
class SearchIndex implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final SearchRepository repository;
    private final SearchSettings settings;
    private final TransactionTemplate transactions;

    SearchIndex(SearchRepository repository, SearchSettings settings, TransactionTemplate transactions) {
        this.repository = repository;
        this.settings = settings;
        this.transactions = transactions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        buildWith(settings.language());
    }

    /**
     * Makes every stored vector one in {@code language} (one V12 made a configuration for),
     * unless they already are; returns how many articles were indexed again (0 when none needed
     * it).
     *
     * @throws IllegalStateException for a language there is no configuration for
     */
    long buildWith(String language) {
        String configuration = SearchSettings.configuration(language);
        if (!repository.configurationExists(configuration)) {
            throw new IllegalStateException("broadsheet.search.language=" + language
                    + " is not a language this PostgreSQL can search in; choose one of "
                    + String.join(", ", repository.languages()));
        }
        Long rebuilt = transactions.execute(tx -> {
            repository.lockIndex();
            String current = repository.indexConfiguration();
            if (current.equals(configuration)) {
                return 0L;
            }
            long started = System.nanoTime();
            long count = repository.reindex(configuration);
            log.info(
                    "Search index rebuilt for {} (was {}): {} articles in {} ms",
                    configuration,
                    current,
                    count,
                    (System.nanoTime() - started) / 1_000_000);
            return count;
        });
        return rebuilt == null ? 0 : rebuilt;
    }
}
