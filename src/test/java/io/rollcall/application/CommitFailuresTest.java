package io.rollcall.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.domain.shared.NotFoundException;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class CommitFailuresTest {

    private static TransactionalException atCommit(Throwable cause) {
        RollbackException rollback = new RollbackException("Transaction marked for rollback.");
        rollback.initCause(cause);
        return new TransactionalException("encountered exception during commit", rollback);
    }

    @Test
    void anOptimisticLockBehindTheTransactionWrappersIsALostRace() {
        assertThat(CommitFailures.lostToConcurrentWriter(atCommit(new OptimisticLockException("changed"))))
                .isTrue();
    }

    @Test
    void anIntegrityConstraintIsALostRaceAnyOtherSqlFailureIsNot() {
        assertThat(CommitFailures.lostToConcurrentWriter(atCommit(new SQLException("dup", "23000"))))
                .isTrue();
        assertThat(CommitFailures.lostToConcurrentWriter(atCommit(new SQLException("gone", "08S01"))))
                .isFalse();
        assertThat(CommitFailures.lostToConcurrentWriter(atCommit(new IllegalStateException("bug"))))
                .isFalse();
    }

    @Test
    void aDomainRefusalIsFoundThroughTheWrappers() {
        NotFoundException refusal = new NotFoundException("group", "g1");
        assertThat(CommitFailures.domainCause(atCommit(refusal))).containsSame(refusal);
        assertThat(CommitFailures.domainCause(atCommit(new IllegalStateException())))
                .isEmpty();
    }

    @Test
    void aCyclicCauseChainEnds() {
        IllegalStateException a = new IllegalStateException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);
        assertThat(CommitFailures.lostToConcurrentWriter(a)).isFalse();
    }
}
