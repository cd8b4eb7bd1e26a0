package io.rollcall.security.oidc;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Signing keys per issuer, keyed by the issuer's {@code jwks_uri}. An unknown {@code kid} triggers a refetch (the IdP
 * rotated its keys), but at most once per {@code minRefetchInterval} per issuer, so that tokens with made-up key ids
 * cannot make Rollcall hammer the IdP. Keys older than {@code maxAge} are refetched on next use so a key the IdP
 * withdrew stops being trusted. Thread-safe; a per-instance cache is fine because it only mirrors public data.
 */
public final class JwksCache {

    private final OidcHttp http;
    private final Clock clock;
    private final Duration minRefetchInterval;
    private final Duration maxAge;
    private final ConcurrentMap<URI, Entry> entries = new ConcurrentHashMap<>();

    public JwksCache(OidcHttp http, Clock clock, Duration minRefetchInterval, Duration maxAge) {
        this.http = Objects.requireNonNull(http);
        this.clock = Objects.requireNonNull(clock);
        this.minRefetchInterval = Objects.requireNonNull(minRefetchInterval);
        this.maxAge = Objects.requireNonNull(maxAge);
    }

    private static final class Entry {
        private JWKSet keys;
        private Instant lastAttempt;
    }

    /**
     * The signing key with this {@code kid}; when {@code kid} is null, the only signing key if there is exactly one.
     * Empty when no such key exists even after an allowed refetch.
     */
    public Optional<JWK> signingKey(URI jwksUri, String kid) throws OidcProviderException {
        Entry entry = entries.computeIfAbsent(jwksUri, uri -> new Entry());
        synchronized (entry) {
            Instant now = clock.instant();
            if (entry.keys == null || entry.lastAttempt.plus(maxAge).isBefore(now)) {
                fetch(jwksUri, entry, now);
            }
            Optional<JWK> key = find(entry.keys, kid);
            if (key.isEmpty() && !entry.lastAttempt.plus(minRefetchInterval).isAfter(now)) {
                fetch(jwksUri, entry, now);
                key = find(entry.keys, kid);
            }
            return key;
        }
    }

    private void fetch(URI jwksUri, Entry entry, Instant now) throws OidcProviderException {
        // Count the attempt even when it fails: a down IdP must not be retried on every request.
        entry.lastAttempt = now;
        OidcHttp.Response response = http.get(jwksUri);
        if (response.status() != 200) {
            throw new OidcProviderException("JWKS answered HTTP " + response.status());
        }
        try {
            entry.keys = JWKSet.parse(response.body());
        } catch (ParseException e) {
            throw new OidcProviderException("JWKS is not a valid JWK set", e);
        }
    }

    private static Optional<JWK> find(JWKSet set, String kid) {
        if (set == null) {
            return Optional.empty();
        }
        List<JWK> signing = set.getKeys().stream()
                .filter(k -> k.getKeyUse() == null || KeyUse.SIGNATURE.equals(k.getKeyUse()))
                .filter(k -> !k.isPrivate())
                .toList();
        if (kid == null) {
            return signing.size() == 1 ? Optional.of(signing.get(0)) : Optional.empty();
        }
        return signing.stream().filter(k -> kid.equals(k.getKeyID())).findFirst();
    }
}
