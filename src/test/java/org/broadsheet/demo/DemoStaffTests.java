package org.broadsheet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.broadsheet.BroadsheetTest;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.account.StaffAccount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo edition's newsroom: one account per role, each with its own random password. */
@BroadsheetTest
class DemoStaffTests {

    @Autowired
    AccountService accounts;

    @Autowired
    DemoEditionLoader loader;

    @Test
    void theDemoHasOneAccountPerRoleAndNeverAddsMore() {
        Map<String, Role> demo = accounts.list().stream()
                .filter(a -> a.email().endsWith("@broadsheet.example"))
                .collect(Collectors.toMap(StaffAccount::email, StaffAccount::role));
        assertThat(demo)
                .containsEntry("admin@broadsheet.example", Role.ADMINISTRATOR)
                .containsEntry("editor@broadsheet.example", Role.EDITOR)
                .containsEntry("author@broadsheet.example", Role.AUTHOR)
                .containsEntry("contributor@broadsheet.example", Role.CONTRIBUTOR);
        assertThat(loader.loadStaff())
                .as("a site with staff gets no more demo accounts")
                .isEmpty();
    }

    @Test
    void demoPasswordsAreRandom() {
        String a = accounts.randomPassword();
        String b = accounts.randomPassword();
        assertThat(a).hasSize(20).isNotEqualTo(b);
    }
}
