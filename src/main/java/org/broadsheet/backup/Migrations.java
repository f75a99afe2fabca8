package org.broadsheet.backup;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The site's Flyway migrations ({@code spring.flyway.locations}), run by a restore itself:
 * first up to the archive's version, so that its rows meet the schema they came from, then up to
 * this jar's newest.
 */
final class Migrations {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");

    private final String[] locations;

    Migrations(Environment environment) {
        this.locations = environment
                .getProperty("spring.flyway.locations", "classpath:db/migration")
                .split(",");
    }

    /** The newest version among this jar's migrations, found without a database. */
    MigrationVersion newest() throws IOException {
        MigrationVersion newest = MigrationVersion.EMPTY;
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String location : locations) {
            String path = location.strip().replaceFirst("^classpath:", "");
            for (Resource resource : resolver.getResources("classpath*:" + path + "/*.sql")) {
                Matcher m = VERSIONED.matcher(String.valueOf(resource.getFilename()));
                if (m.matches()) {
                    MigrationVersion v = MigrationVersion.fromVersion(m.group(1).replace('_', '.'));
                    newest = v.isNewerThan(newest) ? v : newest;
                }
            }
        }
        return newest;
    }

    /** Migrates {@code database} up to {@code target}; returns how many migrations ran. */
    int migrate(DatabaseTarget database, MigrationVersion target) {
        return Flyway.configure()
                .dataSource(database.url(), database.user(), database.password())
                .locations(locations)
                .target(target)
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
