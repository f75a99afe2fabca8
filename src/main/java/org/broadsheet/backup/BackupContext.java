package org.broadsheet.backup;

import org.broadsheet.media.MediaConfiguration;
import org.broadsheet.platform.PlatformSettings;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The small context {@code backup} and {@code restore} run in: the settings (the site's
 * properties, environment and options, read as the site reads them) and the media storage, and
 * nothing of the site's — no data source, no migrations, no caches, no event bus. Each command
 * opens the database itself ({@link DatabaseTarget}): a backup must not migrate or write to a
 * running site's database, and a restore must see the target before anything is made in it.
 * Beans are made on first use, so that a refused restore has not even made the media directory.
 *
 * <p>Not a {@code @Configuration}: the site's component scan must not pick it up; it is only
 * ever a context's source.
 */
@EnableConfigurationProperties(PlatformSettings.class)
@Import(MediaConfiguration.class)
public class BackupContext {

    @Bean
    static LazyInitializationBeanFactoryPostProcessor lazyBeans() {
        return new LazyInitializationBeanFactoryPostProcessor();
    }
}
