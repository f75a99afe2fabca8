package org.broadsheet.article;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff members for service tests: bare rows in staff_user, since articles only record their
 * ids. (Newsroom tests sign people in through the account package instead.)
 */
final class StaffRows {

    private StaffRows() {}

    static long create(JdbcClient jdbc, String name, String role) {
        return jdbc.sql("""
                        insert into staff_user (email, name, password_hash, role)
                        values (?, ?, '{noop}unused', ?) returning id""")
                .params(UUID.randomUUID() + "@staff.example.org", name, role)
                .query(Long.class)
                .single();
    }
}
