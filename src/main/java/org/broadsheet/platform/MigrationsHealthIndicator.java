package org.broadsheet.platform;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code migrations} health component, part of readiness: up once every migration this
 * version carries has run on its database; out of service while some are pending (a node of
 * a newer version pointed at a database nobody migrated, with Flyway turned off). Once up it
 * stays up without asking again: Flyway reads the migrations' files to know, and nothing
 * un-runs a migration.
 */
@Component
class MigrationsHealthIndicator implements HealthIndicator {

    private final ObjectProvider<Flyway> flyway;
    private volatile boolean done;

    MigrationsHealthIndicator(ObjectProvider<Flyway> flyway) {
        this.flyway = flyway;
    }

    @Override
    public Health health() {
        if (done) {
            return Health.up().build();
        }
        Flyway migrations = flyway.getIfAvailable();
        if (migrations == null) {
            return Health.unknown()
                    .withDetail("reason", "Flyway is not configured")
                    .build();
        }
        MigrationInfo[] pending = migrations.info().pending();
        if (pending.length > 0) {
            return Health.outOfService()
                    .withDetail("pending", pending.length)
                    .withDetail("next", String.valueOf(pending[0].getVersion()))
                    .build();
        }
        done = true;
        return Health.up().build();
    }
}
