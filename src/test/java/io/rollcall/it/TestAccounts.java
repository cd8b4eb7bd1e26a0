package io.rollcall.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Arranges a second (third, ...) person for a test. A person normally gets an account by signing in through SSO, which
 * the admin API tests do not exercise; so this inserts the account and one personal API token straight into the
 * server's database, exactly as sign-in would leave them. Everything after that (invites, roles) goes through the API.
 */
public final class TestAccounts {

    private TestAccounts() {}

    /** A person with an account and an API token, member of no workspace yet. */
    public record Person(String accountId, String email, String token) {}

    public static Person create(RollcallServer server, String emailPrefix) {
        String email = emailPrefix + "-" + RollcallServer.randomHex(4) + "@it.example";
        String accountId = UUID.randomUUID().toString();
        String token = "rcp_it_" + RollcallServer.randomHex(24);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
        try (Connection c = server.jdbc()) {
            try (PreparedStatement s =
                    c.prepareStatement("INSERT INTO account (id, email, created_at, version) VALUES (?, ?, ?, 0)")) {
                s.setString(1, accountId);
                s.setString(2, email);
                s.setTimestamp(3, now);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO api_token (id, account_id, name, token_hash,"
                    + " token_hint, created_at) VALUES (?, ?, 'test', ?, 'test', ?)")) {
                s.setString(1, UUID.randomUUID().toString());
                s.setString(2, accountId);
                s.setString(3, sha256(token));
                s.setTimestamp(4, now);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not arrange account " + email, e);
        }
        return new Person(accountId, email, token);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
