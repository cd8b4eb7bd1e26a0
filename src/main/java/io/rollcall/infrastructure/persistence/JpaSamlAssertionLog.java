package io.rollcall.infrastructure.persistence;

import io.rollcall.domain.sso.SamlAssertionLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The replay cache as a table whose primary key is (issuer, assertion id): the first insert wins, every later one
 * violates the key. The insert runs in its own transaction ({@link AssertionUseWriter}) so that a duplicate only rolls
 * back that insert, and so that the record stays even if the login fails afterwards.
 */
@ApplicationScoped
class JpaSamlAssertionLog implements SamlAssertionLog {

    private final AssertionUseWriter writer;

    @Inject
    JpaSamlAssertionLog(AssertionUseWriter writer) {
        this.writer = writer;
    }

    /** For CDI proxies only. */
    protected JpaSamlAssertionLog() {
        this(null);
    }

    @Override
    public boolean recordFirstUse(String workspaceId, String issuer, String assertionId, Instant expiresAt) {
        try {
            writer.insert(sha256(issuer), assertionId, workspaceId, expiresAt);
            return true;
        } catch (PersistenceException | IllegalStateException e) {
            if (isDuplicate(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean isDuplicate(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
            if (t instanceof RollbackException) {
                return true;
            }
        }
        return false;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
