package io.rollcall.sso;

import io.rollcall.application.ratelimit.RateLimitDecision;
import io.rollcall.application.ratelimit.RateLimitScope;
import io.rollcall.application.ratelimit.RateLimiter;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits the anonymous SSO endpoints (login, SAML ACS, OIDC callback) per client IP address
 * ({@link RateLimitScope#SSO_CLIENT}); beyond the limit, 429 in the SSO error shape with {@code Retry-After} in
 * seconds. Behind a reverse proxy every request comes from the proxy's address: set
 * {@code ROLLCALL_CLIENT_IP_HEADER} (e.g. {@code X-Forwarded-For}) to the header the proxy sets, whose last entry is
 * then the client's address. Only set it when the proxy overwrites or appends that header, or clients choose their
 * own key.
 */
@PreMatching
public class SsoRateLimit implements ContainerRequestFilter {

    private static final Pattern LIMITED = Pattern.compile("/?[^/]+/(login|saml/acs|oidc/callback)/?");

    private final RateLimiter rateLimiter;
    private final String clientIpHeader;

    @Context
    HttpServletRequest servletRequest;

    @Context
    HttpHeaders headers;

    @Inject
    public SsoRateLimit(
            RateLimiter rateLimiter,
            @ConfigProperty(name = "rollcall.client.ip.header") Optional<String> clientIpHeader) {
        this.rateLimiter = rateLimiter;
        this.clientIpHeader = clientIpHeader.map(String::trim).orElse("");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!LIMITED.matcher(request.getUriInfo().getPath()).matches()) {
            return;
        }
        RateLimitDecision decision = rateLimiter.acquire(RateLimitScope.SSO_CLIENT, clientAddress(), null);
        if (!decision.allowed()) {
            request.abortWith(Response.fromResponse(SsoErrorPages.page(
                            headers,
                            429,
                            "rate-limited",
                            "too many sign-in requests from your address; retry after " + decision.retryAfterSeconds()
                                    + " s"))
                    .header(HttpHeaders.RETRY_AFTER, decision.retryAfterSeconds())
                    .build());
        }
    }

    private String clientAddress() {
        if (!clientIpHeader.isEmpty()) {
            String forwarded = servletRequest.getHeader(clientIpHeader);
            if (forwarded != null && !forwarded.isBlank()) {
                String last =
                        forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
                if (!last.isEmpty() && last.length() <= 64) {
                    return last;
                }
            }
        }
        return servletRequest.getRemoteAddr();
    }
}
