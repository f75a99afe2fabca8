package org.broadsheet.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.util.StringUtils;

/**
 * The one pooled {@link javax.sql.DataSource}: the external PostgreSQL named by
 * {@code spring.datasource.url} (or {@code BROADSHEET_DB_URL}) when set, otherwise the
 * embedded server in the data directory.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformSettings.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @Lazy
    EmbeddedPostgresServer embeddedPostgresServer(
            PlatformSettings settings,
            @Value("${broadsheet.embedded-postgres.stop-last:true}") boolean stopLast,
            ObjectProvider<EarlyEmbeddedPostgres.Start> early) {
        // Started early from the same environment, so for the same data directory.
        EarlyEmbeddedPostgres.Start started = early.getIfAvailable();
        EmbeddedPostgresServer server =
                started != null ? started.take() : EmbeddedPostgresServer.start(settings.dataDir());
        if (!stopLast) {
            server.stopAtOnceAtExit();
        }
        return server;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        if (StringUtils.hasText(properties.getUrl())) {
            return properties
                    .initializeDataSourceBuilder()
                    .type(HikariDataSource.class)
                    .build();
        }
        EmbeddedPostgresServer server = embedded.getObject();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.username());
        return dataSource;
    }
}
