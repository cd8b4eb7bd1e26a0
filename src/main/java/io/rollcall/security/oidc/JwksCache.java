package io.rollcall.security.oidc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Signing keys per issuer, keyed by the issuer's {@code jwks_uri}: one Nimbus {@link JWKSourceBuilder} source per
 * URI (held in a bounded Caffeine cache). A key set is kept for {@code maxAge}, after which the next use refetches it,
 * so a key the IdP withdrew stops being trusted. An unknown {@code kid} triggers a refetch (the IdP rotated its keys),
 * rate-limited by Nimbus to two fetches per {@code minRefetchInterval} per issuer (the first load counts), so that
 * tokens with made-up key ids cannot make Rollcall hammer the IdP; over the limit the key is simply unknown. Fetches
 * go through {@link OidcHttp} (https or loopback http, timeouts, size cap). No retries, no outage tolerance: a key
 * set that cannot be fetched is the IdP's failure ({@link OidcProviderException}). Thread-safe; a per-instance cache
 * is fine because it only mirrors public data.
 */
public final class JwksCache {

    private static final int MAX_ISSUERS = 10_000;

    private final OidcHttp http;
    private final Duration minRefetchInterval;
    private final Duration maxAge;
    private final Cache<URI, JWKSource<SecurityContext>> sources;

    public JwksCache(OidcHttp http, Duration minRefetchInterval, Duration maxAge) {
        this.http = Objects.requireNonNull(http);
        this.minRefetchInterval = Objects.requireNonNull(minRefetchInterval);
        this.maxAge = Objects.requireNonNull(maxAge);
        this.sources = Caffeine.newBuilder().maximumSize(MAX_ISSUERS).build();
    }

    /**
     * The signing key with this {@code kid} for {@code alg}; when {@code kid} is null, the only such key if there is
     * exactly one. A key set may publish one {@code kid} for keys of different types (RFC 7517 section 4.5): the key
     * whose type fits {@code alg} and whose own {@code alg}, if any, is {@code alg} is preferred; failing that, the first
     * key with the {@code kid} is returned, for the caller to refuse. Private and encryption keys are never returned.
     * Empty when no such key exists even after an allowed refetch.
     *
     * @throws OidcProviderException when the key set cannot be fetched or parsed
     */
    public Optional<JWK> signingKey(URI jwksUri, String kid, JWSAlgorithm alg) throws OidcProviderException {
        JWKSource<SecurityContext> source = sources.get(jwksUri, this::source);
        JWKMatcher.Builder matcher =
                new JWKMatcher.Builder().keyUses(KeyUse.SIGNATURE, null).publicOnly(true);
        if (kid != null) {
            matcher.keyID(kid);
        }
        List<JWK> keys;
        try {
            keys = source.get(new JWKSelector(matcher.build()), null);
        } catch (RateLimitReachedException e) {
            return Optional.empty();
        } catch (KeySourceException e) {
            throw new OidcProviderException("JWKS cannot be fetched: " + e.getMessage(), e);
        }
        List<JWK> fitting = keys.stream().filter(key -> fits(key, alg)).toList();
        if (fitting.size() == 1 || (kid != null && !fitting.isEmpty())) {
            return Optional.of(fitting.get(0));
        }
        return keys.size() == 1 || (kid != null && !keys.isEmpty()) ? Optional.of(keys.get(0)) : Optional.empty();
    }

    /** Whether {@code key} may verify {@code alg}: its type fits, and its own {@code alg}, if set, is {@code alg}. */
    static boolean fits(JWK key, JWSAlgorithm alg) {
        return KeyType.forAlgorithm(alg).equals(key.getKeyType())
                && (key.getAlgorithm() == null || key.getAlgorithm().equals(alg));
    }

    private JWKSource<SecurityContext> source(URI jwksUri) {
        URL url;
        try {
            url = jwksUri.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("jwks_uri is not a URL", e);
        }
        return JWKSourceBuilder.<SecurityContext>create(url, this::retrieve)
                .cache(maxAge.toMillis(), http.timeout().toMillis())
                .rateLimited(minRefetchInterval.toMillis())
                .refreshAheadCache(false)
                .retrying(false)
                .outageTolerant(false)
                .build();
    }

    /** Nimbus's {@link ResourceRetriever}, through our HTTP client. */
    private Resource retrieve(URL url) throws IOException {
        try {
            OidcHttp.Response response = http.get(url.toURI());
            if (response.status() != 200) {
                throw new IOException("JWKS answered HTTP " + response.status());
            }
            return new Resource(response.body(), "application/json");
        } catch (OidcProviderException e) {
            throw new IOException(e.getMessage(), e);
        } catch (java.net.URISyntaxException e) {
            throw new IOException("jwks_uri is not a URI", e);
        }
    }
}
