package io.rollcall.infrastructure.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.infrastructure.persistence.DatabaseSettings;
import io.rollcall.infrastructure.persistence.SchemaMigrator;
import io.rollcall.it.RollcallServer;
import io.rollcall.security.crypto.SecretBox;
import io.rollcall.security.crypto.SecretKeyRing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * {@code java -jar target/rollcall.jar reencrypt-secrets} against a real database (H2 file or MariaDB, whichever this
 * failsafe execution uses), holding secrets as three generations of Rollcall wrote them: sealed before key rotation
 * ({@code v1:}, produced by the previous SecretBox), sealed under an older key of the ring, and a signing key stored in
 * clear. Each test has a database of its own.
 */
class ReencryptSecretsIT {

    /** Key A: bytes 1..32, the key the {@code v1:} values below were sealed with by the SecretBox of commit 7fa195c. */
    private static final String KEY_A = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    private static final String V1_CLIENT_SECRET =
            "v1:12tLcPMRkxw+Jz6GfC7g6Ntjs37fD5qDcCZljEx3rB9N5UTyVlqQLJg0fjGOcL1F";
    private static final String V1_SIGNING_KEY = "v1:uMdnzNt/1CCyF5TpDKwceXfqFc4MgoxWXB7gUHFU00DZE3XDe4/SfQ==";
    private static final String KEY_B = key(0x42);
    private static final String KEY_C = key(0x43);

    private String url;
    private String user;
    private String password;

    @BeforeEach
    void freshSchema() throws SQLException {
        url = RollcallServer.newDatabase();
        boolean mariadb = url.startsWith("jdbc:mariadb:");
        user = mariadb ? System.getProperty("rollcall.it.mariadb.user", "root") : null;
        password = mariadb ? System.getProperty("rollcall.it.mariadb.password", "") : null;
        DataSource dataSource;
        if (mariadb) {
            MariaDbDataSource source = new MariaDbDataSource(url);
            source.setUser(user);
            source.setPassword(password);
            dataSource = source;
        } else {
            JdbcDataSource source = new JdbcDataSource();
            source.setURL(url);
            dataSource = source;
        }
        SchemaMigrator.applyMigrations(
                dataSource, mariadb ? DatabaseSettings.Vendor.MARIADB : DatabaseSettings.Vendor.H2);
    }

    @Test
    void everyStoredSecretEndsUnderTheNewestKeyAndASecondRunChangesNothing() throws Exception {
        SecretBox oldRing = new SecretBox(SecretKeyRing.parse(KEY_A));
        SecretBox newRing = new SecretBox(SecretKeyRing.parse(KEY_B + "," + KEY_A));
        String newest = newRing.ring().newestKeyId();
        String alreadyCurrent = newRing.seal("{\"kty\":\"EC\",\"d\":\"current\"}", "session-signing-key:kid-current");
        try (Connection db = connect()) {
            addOidcConnection(db, "ws-legacy", V1_CLIENT_SECRET);
            addOidcConnection(db, "ws-old", oldRing.seal("old-key-secret", "oidc-client-secret:ws-old"));
            addSamlConnection(db, "ws-saml");
            addSigningKey(db, "kid-legacy", V1_SIGNING_KEY, true);
            addSigningKey(db, "kid-clear", "{\"kty\":\"EC\",\"d\":\"clear\"}", false);
            addSigningKey(db, "kid-current", alreadyCurrent, true);
        }

        Run first = reencrypt(KEY_B + "," + KEY_A);

        assertThat(first.status()).as(first.output()).isZero();
        assertThat(first.output())
                .contains("newest key id " + newest)
                .contains(
                        "OIDC client secrets: 2 re-encrypted, 0 encrypted (were stored in clear), 0 already under key "
                                + newest + ", 0 changed meanwhile (run again), 0 unreadable")
                .contains("session signing keys: 1 re-encrypted, 1 encrypted (were stored in clear), 1 already under"
                        + " key " + newest + ", 0 changed meanwhile (run again), 0 unreadable");
        assertThat(first.output())
                .doesNotContain(
                        KEY_A,
                        KEY_B,
                        "legacy-client-secret",
                        "old-key-secret",
                        "clear\"",
                        V1_CLIENT_SECRET.substring(3),
                        "d\":");
        SecretBox onlyNewest = new SecretBox(SecretKeyRing.parse(KEY_B));
        Map<String, String> secrets = clientSecrets();
        assertThat(secrets).containsOnlyKeys("ws-legacy", "ws-old", "ws-saml");
        assertThat(secrets.get("ws-saml")).isNull();
        assertThat(SecretBox.keyIdOf(secrets.get("ws-legacy"))).contains(newest);
        assertThat(SecretBox.keyIdOf(secrets.get("ws-old"))).contains(newest);
        assertThat(onlyNewest.open(secrets.get("ws-legacy"), "oidc-client-secret:ws-legacy"))
                .isEqualTo("legacy-client-secret");
        assertThat(onlyNewest.open(secrets.get("ws-old"), "oidc-client-secret:ws-old"))
                .isEqualTo("old-key-secret");
        assertThat(connectionVersions())
                .containsEntry("ws-legacy", 1L)
                .containsEntry("ws-old", 1L)
                .containsEntry("ws-saml", 0L);
        Map<String, String> keys = signingKeys();
        assertThat(keys.get("kid-current")).isEqualTo(alreadyCurrent);
        assertThat(onlyNewest.open(keys.get("kid-legacy"), "session-signing-key:kid-legacy"))
                .isEqualTo("{\"kty\":\"EC\"}");
        assertThat(onlyNewest.open(keys.get("kid-clear"), "session-signing-key:kid-clear"))
                .isEqualTo("{\"kty\":\"EC\",\"d\":\"clear\"}");
        assertThat(keys.values())
                .allSatisfy(value -> assertThat(SecretBox.keyIdOf(value)).contains(newest));
        assertThat(encryptedFlags()).containsOnly(true);

        Run second = reencrypt(KEY_B + "," + KEY_A);

        assertThat(second.status()).as(second.output()).isZero();
        assertThat(second.output())
                .contains(
                        "OIDC client secrets: 0 re-encrypted, 0 encrypted (were stored in clear), 2 already under key")
                .contains("session signing keys: 0 re-encrypted, 0 encrypted (were stored in clear), 3 already under");
        assertThat(clientSecrets()).isEqualTo(secrets);
        assertThat(signingKeys()).isEqualTo(keys);
    }

    @Test
    void aValueNoKeyOpensIsReportedByRowAndKeyIdWhileTheRestIsDone() throws Exception {
        SecretBox dropped = new SecretBox(SecretKeyRing.parse(KEY_C));
        try (Connection db = connect()) {
            addOidcConnection(db, "ws-lost", dropped.seal("lost-secret", "oidc-client-secret:ws-lost"));
            addOidcConnection(db, "ws-legacy", V1_CLIENT_SECRET);
        }
        String lostValue = clientSecrets().get("ws-lost");

        Run run = reencrypt(KEY_B + "," + KEY_A);

        assertThat(run.status()).as(run.output()).isEqualTo(ReencryptSecretsCommand.UNREADABLE);
        assertThat(run.output())
                .contains("OIDC client secrets: 1 re-encrypted")
                .contains("1 unreadable")
                .contains("unreadable ws-lost: sealed value has key id "
                        + dropped.ring().newestKeyId() + ", which is not in ROLLCALL_SECRET_KEY")
                .doesNotContain("lost-secret", KEY_C);
        assertThat(clientSecrets().get("ws-lost")).isEqualTo(lostValue);
        assertThat(SecretBox.keyIdOf(clientSecrets().get("ws-legacy")))
                .contains(SecretKeyRing.parse(KEY_B).newestKeyId());
    }

    @Test
    void aMalformedKeyRingStopsTheCommandNamingTheSettingNotTheValue() throws Exception {
        String shortKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.US_ASCII));

        Run run = reencrypt(KEY_B + "," + shortKey);

        assertThat(run.status()).as(run.output()).isEqualTo(ReencryptSecretsCommand.FAILED);
        assertThat(run.output())
                .contains("ROLLCALL_SECRET_KEY entry 2 of 2 must be 32 bytes (base64), got 16")
                .doesNotContain(shortKey, KEY_B);
    }

    private record Run(int status, String output) {}

    private Run reencrypt(String keyRing) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("rollcall.it.jar", "target/rollcall.jar"))
                .toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "reencrypt-secrets"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("ROLLCALL_"));
        env.put("ROLLCALL_SECRET_KEY", keyRing);
        env.put("ROLLCALL_DB_URL", url);
        if (user != null) {
            env.put("ROLLCALL_DB_USER", user);
            env.put("ROLLCALL_DB_PASSWORD", password);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES))
                .as("reencrypt-secrets ended")
                .isTrue();
        return new Run(process.exitValue(), output);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static void addOidcConnection(Connection db, String workspaceId, String sealedSecret) throws SQLException {
        addWorkspace(db, workspaceId);
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO sso_connection (workspace_id,"
                + " connection_type, oidc_issuer, oidc_client_id, oidc_client_secret, created_at, updated_at)"
                + " VALUES (?, 'OIDC', 'https://idp.example', 'rollcall', ?, ?, ?)")) {
            insert.setString(1, workspaceId);
            insert.setString(2, sealedSecret);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    private static void addSamlConnection(Connection db, String workspaceId) throws SQLException {
        addWorkspace(db, workspaceId);
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO sso_connection (workspace_id,"
                + " connection_type, saml_idp_entity_id, created_at, updated_at)"
                + " VALUES (?, 'SAML', 'https://idp.example/saml', ?, ?)")) {
            insert.setString(1, workspaceId);
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    private static void addWorkspace(Connection db, String workspaceId) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO workspace (id, name, created_at, updated_at)" + " VALUES (?, ?, ?, ?)")) {
            insert.setString(1, workspaceId);
            insert.setString(2, workspaceId);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    private static void addSigningKey(Connection db, String kid, String privateJwk, boolean encrypted)
            throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO session_signing_key (kid, algorithm,"
                + " public_jwk, private_jwk, private_encrypted, created_at, retires_at) VALUES (?, 'ES256', '{}', ?, ?,"
                + " ?, ?)")) {
            insert.setString(1, kid);
            insert.setString(2, privateJwk);
            insert.setBoolean(3, encrypted);
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.setTimestamp(5, Timestamp.from(Instant.now().plusSeconds(3600)));
            insert.executeUpdate();
        }
    }

    private Map<String, String> clientSecrets() throws SQLException {
        return column("SELECT workspace_id, oidc_client_secret FROM sso_connection");
    }

    private Map<String, String> signingKeys() throws SQLException {
        return column("SELECT kid, private_jwk FROM session_signing_key");
    }

    private Map<String, Long> connectionVersions() throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        column("SELECT workspace_id, version FROM sso_connection").forEach((k, v) -> versions.put(k, Long.valueOf(v)));
        return versions;
    }

    private List<Boolean> encryptedFlags() throws SQLException {
        return column("SELECT kid, private_encrypted FROM session_signing_key").values().stream()
                .map(v -> "1".equals(v) || "TRUE".equalsIgnoreCase(v))
                .toList();
    }

    private Map<String, String> column(String sql) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (Connection db = connect();
                PreparedStatement select = db.prepareStatement(sql);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getString(2));
            }
        }
        return values;
    }

    private static String key(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }
}
