package org.broadsheet.media;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaSettings.class)
public class MediaConfiguration {

    /**
     * Files below {@code <data-dir>/media} by default; the bucket of {@code broadsheet.media.s3.*}
     * with {@code broadsheet.media.storage=s3} (its client is closed with the context).
     */
    @Bean
    @ConditionalOnMissingBean(MediaStorage.class)
    MediaStorage mediaStorage(MediaSettings settings, @Value("${broadsheet.data-dir:./data}") Path dataDir)
            throws IOException {
        return switch (settings.storage()) {
            case FILESYSTEM -> new FileSystemMediaStorage(dataDir.resolve("media"));
            case S3 -> S3MediaStorage.of(settings.s3());
        };
    }
}
