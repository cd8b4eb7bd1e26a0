package io.rollcall.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class ConstraintViolationsTest {

    @Test
    void recognisesTheNamedKeyInMariaDbAndH2Messages() {
        Throwable mariadb = new PersistenceException(new SQLIntegrityConstraintViolationException(
                "(conn=42) Duplicate entry 'ws-alice' for key 'uq_member_user_name'", "23000", 1062));
        Throwable h2 = new PersistenceException(new SQLException(
                "Unique index or primary key violation: "
                        + "\"PUBLIC.UQ_MEMBER_USER_NAME_INDEX_8 ON PUBLIC.MEMBER(WORKSPACE_ID, USER_NAME_LOWER)\"",
                "23505"));
        assertThat(ConstraintViolations.ofConstraint(mariadb, "uq_member_user_name"))
                .isTrue();
        assertThat(ConstraintViolations.ofConstraint(h2, "uq_member_user_name")).isTrue();
    }

    @Test
    void looksIntoTheNextExceptionOfABatch() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", "23000", 1062, new int[0]);
        batch.setNextException(new SQLException("Duplicate entry 'x' for key 'uq_member_user_name'", "23000"));
        assertThat(ConstraintViolations.ofConstraint(new PersistenceException(batch), "uq_member_user_name"))
                .isTrue();
    }

    @Test
    void otherKeysAndOtherFailuresAreNotThatConstraint() {
        Throwable otherKey =
                new PersistenceException(new SQLException("Duplicate entry 'x' for key 'uq_member_account'", "23000"));
        Throwable notAViolation =
                new PersistenceException(new SQLException("Lock wait timeout; uq_member_user_name", "40001"));
        assertThat(ConstraintViolations.ofConstraint(otherKey, "uq_member_user_name"))
                .isFalse();
        assertThat(ConstraintViolations.ofConstraint(notAViolation, "uq_member_user_name"))
                .isFalse();
        assertThat(ConstraintViolations.ofConstraint(new IllegalStateException("x"), "uq_member_user_name"))
                .isFalse();
    }
}
