package io.rollcall.application.sso;

import io.rollcall.domain.sso.LoginState;
import io.rollcall.domain.sso.LoginStateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * Started logins in the database, bound to the browser by a random cookie value of which only the hash is stored.
 * Each call commits on its own, so a state consumed by a login that then fails stays consumed (one use).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class LoginStates {

    private final LoginStateRepository store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public LoginStates(LoginStateRepository store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected LoginStates() {
        this(null, null);
    }

    /** Stores the state built for a fresh browser value and returns that value (for the cookie). */
    public String begin(Function<String, LoginState> stateForIdHash) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String browserValue = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.purgeExpired(clock.instant());
        store.add(stateForIdHash.apply(hash(browserValue)));
        return browserValue;
    }

    /** The state for this browser value, removed so it can never be used again; empty if unknown, used or expired. */
    public Optional<LoginState> take(String browserValue) {
        if (browserValue == null || browserValue.isEmpty() || browserValue.length() > 100) {
            return Optional.empty();
        }
        return store.take(hash(browserValue)).filter(s -> s.expiresAt().isAfter(clock.instant()));
    }

    static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
