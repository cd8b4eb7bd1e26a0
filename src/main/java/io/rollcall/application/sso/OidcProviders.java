package io.rollcall.application.sso;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import java.util.concurrent.TimeUnit;

/**
 * The OIDC machinery shared by all connections: discovery documents cached per issuer for {@link #DISCOVERY_TTL}
 * (a Caffeine cache of at most {@link #MAX_ISSUERS} issuers, on the injected clock),
 * one rate-limited JWKS cache, the ID token validator and the token endpoint client. Per-instance caches are fine
 * here: they only mirror the IdPs' public documents.
 */
@ApplicationScoped
public class OidcProviders {

    static final Duration DISCOVERY_TTL = Duration.ofMinutes(10);
    /** One issuer per workspace with OIDC; far more than any instance serves. */
    static final int MAX_ISSUERS = 10_000;

    private final OidcDiscovery discovery;
    private final IdTokenValidator validator;
    private final TokenEndpointClient tokenEndpoint;
    private final Cache<String, OidcProviderMetadata> documents;

    @Inject
    public OidcProviders(SsoSettings settings, Clock clock) {
        OidcHttp http = OidcHttp.withDefaults();
        this.discovery = new OidcDiscovery(http);
        this.validator = new IdTokenValidator(
                new JwksCache(http, Duration.ofSeconds(30), Duration.ofHours(1)), clock, settings.clockSkew());
        this.tokenEndpoint = new TokenEndpointClient(http);
        this.documents = Caffeine.newBuilder()
                .maximumSize(MAX_ISSUERS)
                .expireAfterWrite(DISCOVERY_TTL)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /** For CDI proxies only. */
    protected OidcProviders() {
        this.discovery = null;
        this.validator = null;
        this.tokenEndpoint = null;
        this.documents = null;
    }

    /** The issuer's discovery document, cached. */
    public OidcProviderMetadata metadata(String issuer) throws OidcProviderException {
        OidcProviderMetadata cached = documents.getIfPresent(issuer);
        return cached != null ? cached : discoverFresh(issuer);
    }

    /** Fetches the document now, bypassing the cache (used when an owner saves a connection). */
    public OidcProviderMetadata discoverFresh(String issuer) throws OidcProviderException {
        OidcProviderMetadata metadata = discovery.discover(issuer);
        documents.put(issuer, metadata);
        return metadata;
    }

    public IdTokenValidator validator() {
        return validator;
    }

    public TokenEndpointClient tokenEndpoint() {
        return tokenEndpoint;
    }
}
