package io.rollcall.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rollcall.domain.shared.ConcurrentWriteConflict;
import io.rollcall.domain.shared.ConflictException;
import io.rollcall.domain.shared.NotFoundException;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** What a transactional use case's failure becomes on its way out to the entry points. */
class UniqueKeyConflictsTest {

    private final UniqueKeyConflicts interceptor = new UniqueKeyConflicts();

    @Test
    void aUniqueKeyViolationAtCommitBecomesTheDomainsConcurrentWriteConflict() {
        RollbackException commit = new RollbackException("commit failed");
        commit.initCause(new PersistenceException(new SQLIntegrityConstraintViolationException(
                "Duplicate entry 'x' for key 'uk_member_user_name'", "23000")));
        TransactionalException thrown = new TransactionalException("rolled back", commit);

        assertThatThrownBy(() -> interceptor.translate(call(() -> {
                    throw thrown;
                })))
                .isInstanceOfSatisfying(
                        ConcurrentWriteConflict.class, e -> assertThat(e.code()).isEqualTo("constraint-violation"));
    }

    @Test
    void otherDatabaseFailuresAndDomainRefusalsPassUnchanged() {
        PersistenceException outage = new PersistenceException(new SQLException("connection reset", "08S01"));
        ConflictException lastOwner = new ConflictException("last-owner", "the last owner cannot leave");
        NotFoundException missing = new NotFoundException("Group", "g");

        assertThatThrownBy(() -> interceptor.translate(call(() -> {
                    throw outage;
                })))
                .isSameAs(outage);
        assertThatThrownBy(() -> interceptor.translate(call(() -> {
                    throw lastOwner;
                })))
                .isSameAs(lastOwner);
        assertThatThrownBy(() -> interceptor.translate(call(() -> {
                    throw missing;
                })))
                .isSameAs(missing);
    }

    @Test
    void aResultPassesThrough() throws Exception {
        assertThat(interceptor.translate(call(() -> "done"))).isEqualTo("done");
    }

    @Test
    void persistencesOwnTransactionalHelpersKeepTheirExceptionsForTheReplayCheck() throws Exception {
        PersistenceException duplicate =
                new PersistenceException(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000"));
        Method insert = AssertionUseWriter.class.getMethod(
                "insert", String.class, String.class, String.class, java.time.Instant.class);

        assertThatThrownBy(() -> interceptor.translate(call(insert, () -> {
                    throw duplicate;
                })))
                .isSameAs(duplicate);
    }

    private static InvocationContext call(Callable<Object> body) {
        try {
            return call(
                    io.rollcall.application.AuditLog.class.getMethod(
                            "record",
                            String.class,
                            io.rollcall.application.Actor.class,
                            String.class,
                            String.class,
                            String.class,
                            Map.class),
                    body);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private static InvocationContext call(Method method, Callable<Object> body) {
        return new InvocationContext() {
            @Override
            public Object proceed() throws Exception {
                return body.call();
            }

            @Override
            public Object getTarget() {
                return null;
            }

            @Override
            public Object getTimer() {
                return null;
            }

            @Override
            public Method getMethod() {
                return method;
            }

            @Override
            public Constructor<?> getConstructor() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return new Object[0];
            }

            @Override
            public void setParameters(Object[] params) {}

            @Override
            public Map<String, Object> getContextData() {
                return Map.of();
            }
        };
    }
}
