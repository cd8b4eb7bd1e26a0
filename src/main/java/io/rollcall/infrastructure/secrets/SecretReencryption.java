package io.rollcall.infrastructure.secrets;

import io.rollcall.security.crypto.SecretBox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-encrypts every stored secret with the newest key of the ring: OIDC client secrets
 * ({@code sso_connection.oidc_client_secret}) and session signing keys ({@code session_signing_key.private_jwk}),
 * including signing keys stored in clear because no key was configured when they were made. Values already under the
 * newest key are left alone, so running it twice changes nothing the second time.
 *
 * <p>Each row is updated on its own and only if it still holds what was read (the connection's {@code version} for
 * OIDC secrets, which also tells a running instance that edits it concurrently to reload; the stored value for
 * signing keys, which are never edited otherwise), so running instances may keep working meanwhile. A value no key of
 * the ring opens is counted as unreadable with its row's id and the reason (a key id at most), never its content.
 * Not thread-safe; one run at a time.
 */
public final class SecretReencryption {

    private final SecretBox box;

    public SecretReencryption(SecretBox box) {
        this.box = box;
    }

    /** What one kind of secret looked like and what was done to it. Unreadable rows read "row id: reason". */
    public record Tally(
            String kind,
            int reencrypted,
            int encryptedFromClear,
            int alreadyCurrent,
            int changedMeanwhile,
            List<String> unreadable) {}

    /** Runs over both tables on this connection (in auto-commit mode: one row per transaction). */
    public List<Tally> run(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        return List.of(oidcClientSecrets(connection), sessionSigningKeys(connection));
    }

    private Tally oidcClientSecrets(Connection connection) throws SQLException {
        Counter counter = new Counter();
        try (PreparedStatement select = connection.prepareStatement("SELECT workspace_id, oidc_client_secret, version"
                        + " FROM sso_connection WHERE oidc_client_secret IS NOT NULL ORDER BY workspace_id");
                PreparedStatement update = connection.prepareStatement("UPDATE sso_connection"
                        + " SET oidc_client_secret = ?, version = version + 1 WHERE workspace_id = ? AND version = ?");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String workspaceId = rows.getString(1);
                String sealed = rows.getString(2);
                String resealed = counter.reseal(workspaceId, sealed, "oidc-client-secret:" + workspaceId);
                if (resealed != null) {
                    update.setString(1, resealed);
                    update.setString(2, workspaceId);
                    update.setLong(3, rows.getLong(3));
                    counter.updated(update.executeUpdate(), false);
                }
            }
        }
        return counter.tally("OIDC client secrets");
    }

    private Tally sessionSigningKeys(Connection connection) throws SQLException {
        Counter counter = new Counter();
        try (PreparedStatement select = connection.prepareStatement(
                        "SELECT kid, private_jwk, private_encrypted" + " FROM session_signing_key ORDER BY kid");
                PreparedStatement update = connection.prepareStatement("UPDATE session_signing_key"
                        + " SET private_jwk = ?, private_encrypted = TRUE WHERE kid = ? AND private_encrypted = ?");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String kid = rows.getString(1);
                String stored = rows.getString(2);
                boolean encrypted = rows.getBoolean(3);
                String context = "session-signing-key:" + kid;
                String resealed = encrypted ? counter.reseal(kid, stored, context) : box.seal(stored, context);
                if (resealed != null) {
                    update.setString(1, resealed);
                    update.setString(2, kid);
                    update.setBoolean(3, encrypted);
                    counter.updated(update.executeUpdate(), !encrypted);
                }
            }
        }
        return counter.tally("session signing keys");
    }

    /** Counts per kind; {@link #reseal} answers the new value, or null when there is nothing to write. */
    private final class Counter {
        private int reencrypted;
        private int fromClear;
        private int current;
        private int changed;
        private final List<String> unreadable = new ArrayList<>();

        String reseal(String rowId, String sealed, String context) {
            try {
                if (box.sealedWithNewestKey(sealed)) {
                    box.open(sealed, context); // a current value that does not open is unreadable, not current
                    current++;
                    return null;
                }
                return box.seal(box.open(sealed, context), context);
            } catch (IllegalStateException e) {
                // SecretBox's messages name key ids at most, never a key or a plaintext.
                unreadable.add(rowId + ": " + e.getMessage());
                return null;
            }
        }

        void updated(int rows, boolean wasClear) {
            if (rows == 0) {
                changed++;
            } else if (wasClear) {
                fromClear++;
            } else {
                reencrypted++;
            }
        }

        Tally tally(String kind) {
            return new Tally(kind, reencrypted, fromClear, current, changed, List.copyOf(unreadable));
        }
    }
}
