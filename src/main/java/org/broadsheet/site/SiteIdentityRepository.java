package org.broadsheet.site;

import java.util.Optional;
import org.broadsheet.web.SiteIdentity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SiteIdentityRepository {

    private final JdbcClient jdbc;

    SiteIdentityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SiteIdentity> find() {
        return jdbc.sql("select name, tagline from site_identity")
                .query((rs, n) -> new SiteIdentity(rs.getString("name"), rs.getString("tagline")))
                .optional();
    }

    void save(SiteIdentity identity) {
        jdbc.sql("""
                        insert into site_identity (name, tagline) values (?, ?)
                        on conflict (id) do update set name = excluded.name, tagline = excluded.tagline,
                                                       updated_at = now()""").params(identity.name(), identity.tagline()).update();
    }
}
