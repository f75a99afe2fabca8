package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.testkit.Comments.withPaging;

import org.broadsheet.BroadsheetTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The policy in force, kept in memory: a change lasts exactly as long as its transaction's outcome. */
@BroadsheetTest
class CommentPolicyTests {

    @Autowired
    CommentPolicies policies;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void policyChangeThatRollsBackIsForgotten() {
        CommentPolicy before = policies.current();
        transaction.executeWithoutResult(status -> {
            policies.update(withPaging(before, 2, before.perPage() + 7));
            assertThat(policies.current().perPage())
                    .as("in force inside its transaction")
                    .isEqualTo(before.perPage() + 7);
            status.setRollbackOnly();
        });
        assertThat(policies.current()).isEqualTo(before);
    }
}
