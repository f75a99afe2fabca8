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
class MediaConfiguration {

    /** Files below {@code <data-dir>/media}, unless another store (an object store) is configured. */
    @Bean
    @ConditionalOnMissingBean(MediaStorage.class)
    MediaStorage mediaStorage(@Value("${broadsheet.data-dir:./data}") Path dataDir) throws IOException {
        return new FileSystemMediaStorage(dataDir.resolve("media"));
    }
}
