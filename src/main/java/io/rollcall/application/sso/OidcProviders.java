package io.rollcall.application.sso;

import io.rollcall.config.SsoSettings;
import io.rollcall.security.oidc.IdTokenValidator;
import io.rollcall.security.oidc.JwksCache;
import io.rollcall.security.oidc.OidcDiscovery;
import io.rollcall.security.oidc.OidcHttp;
import io.rollcall.security.oidc.OidcProviderException;
import io.rollcall.security.oidc.OidcProviderMetadata;
import io.rollcall.security.oidc.TokenEndpointClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The OIDC machinery shared by all connections: discovery documents cached per issuer for {@link #DISCOVERY_TTL},
 * one rate-limited JWKS cache, the ID token validator and the token endpoint client. Per-instance caches are fine
 * here: they only mirror the IdPs' public documents.
 */
@ApplicationScoped
public class OidcProviders {

    static final Duration DISCOVERY_TTL = Duration.ofMinutes(10);

    private final OidcDiscovery discovery;
    private final IdTokenValidator validator;
    private final TokenEndpointClient tokenEndpoint;
    private final Clock clock;
    private final ConcurrentMap<String, Cached> documents = new ConcurrentHashMap<>();

    private record Cached(OidcProviderMetadata metadata, Instant fetchedAt) {
    }

    @Inject
    public OidcProviders(SsoSettings settings, Clock clock) {
        OidcHttp http = OidcHttp.withDefaults();
        this.discovery = new OidcDiscovery(http);
        this.validator = new IdTokenValidator(new JwksCache(http, clock, Duration.ofSeconds(30), Duration.ofHours(1)),
                clock, settings.clockSkew());
        this.tokenEndpoint = new TokenEndpointClient(http);
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected OidcProviders() {
        this.discovery = null;
        this.validator = null;
        this.tokenEndpoint = null;
        this.clock = null;
    }

    /** The issuer's discovery document, cached. */
    public OidcProviderMetadata metadata(String issuer) throws OidcProviderException {
        Cached cached = documents.get(issuer);
        Instant now = clock.instant();
        if (cached == null || cached.fetchedAt().plus(DISCOVERY_TTL).isBefore(now)) {
            cached = new Cached(discovery.discover(issuer), now);
            documents.put(issuer, cached);
        }
        return cached.metadata();
    }

    /** Fetches the document now, bypassing the cache (used when an owner saves a connection). */
    public OidcProviderMetadata discoverFresh(String issuer) throws OidcProviderException {
        OidcProviderMetadata metadata = discovery.discover(issuer);
        documents.put(issuer, new Cached(metadata, clock.instant()));
        return metadata;
    }

    public IdTokenValidator validator() {
        return validator;
    }

    public TokenEndpointClient tokenEndpoint() {
        return tokenEndpoint;
    }
}
