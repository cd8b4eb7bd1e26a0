package io.rollcall.application.sso;

import com.nimbusds.jose.jwk.ECKey;
import io.rollcall.config.SsoSettings;
import io.rollcall.domain.sso.SigningKeyRecord;
import io.rollcall.domain.sso.SigningKeyRepository;
import io.rollcall.security.crypto.SecretBox;
import io.rollcall.security.session.SessionKey;
import io.rollcall.security.session.SessionKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Session signing keys kept in the database, so that every instance signs and verifies with the same keys. The newest
 * key signs until it retires ({@code ROLLCALL_SESSION_KEY_ROTATION_DAYS}); then the next signing creates a new one.
 * Retired keys keep verifying, and stay published, for one session lifetime. Two instances rotating at once each add a
 * key, which is harmless: both verify. Keys are cached per instance for {@link #CACHE_TTL}; an unknown {@code kid}
 * reloads at most every {@link #MISS_RELOAD} (a forged kid must not make every request hit the database).
 *
 * <p>Private keys are sealed with ROLLCALL_SECRET_KEY when it is set. Without it they are stored in clear and a
 * warning is logged: anyone who can read the database could then mint sessions.
 */
@ApplicationScoped
@Transactional
public class SessionKeyRing implements SessionKeys {

    static final Duration CACHE_TTL = Duration.ofSeconds(60);
    static final Duration MISS_RELOAD = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(SessionKeyRing.class.getName());

    private final SigningKeyRepository store;
    private final SecretVault vault;
    private final SsoSettings settings;
    private final Clock clock;

    private volatile Snapshot snapshot;

    private record Snapshot(List<SigningKeyRecord> records, Instant loadedAt) {}

    @Inject
    public SessionKeyRing(SigningKeyRepository store, SecretVault vault, SsoSettings settings, Clock clock) {
        this.store = store;
        this.vault = vault;
        this.settings = settings;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected SessionKeyRing() {
        this(null, null, null, null);
    }

    @Override
    public SessionKey signingKey() {
        Instant now = clock.instant();
        Optional<SigningKeyRecord> current = current(snapshot(false), now);
        if (current.isEmpty()) {
            current = current(snapshot(true), now);
        }
        SigningKeyRecord record = current.orElseGet(() -> create(now));
        return new SessionKey(privateKey(record), record.retiresAt());
    }

    @Override
    public Optional<ECKey> verificationKey(String kid) {
        Optional<SigningKeyRecord> found = find(snapshot(false), kid);
        if (found.isEmpty() && snapshot.loadedAt().plus(MISS_RELOAD).isBefore(clock.instant())) {
            found = find(snapshot(true), kid);
        }
        Instant now = clock.instant();
        return found.filter(r -> r.retiresAt().plus(settings.sessionLifetime()).isAfter(now))
                .map(SessionKeyRing::publicKey);
    }

    @Override
    public List<ECKey> publishedKeys() {
        Instant now = clock.instant();
        return snapshot(false).records().stream()
                .filter(r -> r.retiresAt().plus(settings.sessionLifetime()).isAfter(now))
                .map(SessionKeyRing::publicKey)
                .toList();
    }

    private Snapshot snapshot(boolean reload) {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (reload || current == null || current.loadedAt().plus(CACHE_TTL).isBefore(now)) {
            current = new Snapshot(List.copyOf(store.retiringAfter(now.minus(settings.sessionLifetime()))), now);
            snapshot = current;
        }
        return current;
    }

    private static Optional<SigningKeyRecord> current(Snapshot snapshot, Instant now) {
        return snapshot.records().stream()
                .filter(r -> r.retiresAt().isAfter(now))
                .findFirst();
    }

    private static Optional<SigningKeyRecord> find(Snapshot snapshot, String kid) {
        return snapshot.records().stream().filter(r -> r.kid().equals(kid)).findFirst();
    }

    private SigningKeyRecord create(Instant now) {
        String kid = UUID.randomUUID().toString();
        SessionKey key = SessionKey.generate(kid, now.plus(settings.keyRotation()));
        Optional<SecretBox> box = vault.box();
        if (box.isEmpty()) {
            LOG.warning("ROLLCALL_SECRET_KEY is not set: the session signing key is stored unencrypted (once it is"
                    + " set, 'java -jar rollcall.jar reencrypt-secrets' encrypts stored keys)");
        }
        String privateJwk = key.jwk().toJSONString();
        SigningKeyRecord record = new SigningKeyRecord(
                kid,
                "ES256",
                key.jwk().toPublicJWK().toJSONString(),
                box.map(b -> b.seal(privateJwk, context(kid))).orElse(privateJwk),
                box.isPresent(),
                now,
                key.retiresAt());
        store.add(record);
        List<SigningKeyRecord> records = new ArrayList<>(snapshot == null ? List.of() : snapshot.records());
        records.add(0, record);
        snapshot = new Snapshot(List.copyOf(records), now);
        LOG.info(() -> "new session signing key " + kid);
        return record;
    }

    private ECKey privateKey(SigningKeyRecord record) {
        String json = record.privateJwk();
        if (record.privateEncrypted()) {
            SecretBox box = vault.box()
                    .orElseThrow(() -> new IllegalStateException(
                            "session signing keys are encrypted but ROLLCALL_SECRET_KEY is not set"));
            json = box.open(json, context(record.kid()));
        }
        return parse(json);
    }

    private static ECKey publicKey(SigningKeyRecord record) {
        return parse(record.publicJwk()).toPublicJWK();
    }

    private static ECKey parse(String json) {
        try {
            return ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored session key is not a valid EC JWK", e);
        }
    }

    private static String context(String kid) {
        return "session-signing-key:" + kid;
    }
}
