package io.rollcall.application;

import io.rollcall.domain.identity.Account;
import io.rollcall.domain.identity.AccountRepository;
import io.rollcall.domain.identity.ApiToken;
import io.rollcall.domain.identity.Member;
import io.rollcall.domain.identity.ScimToken;
import io.rollcall.domain.identity.SecretTokens;
import io.rollcall.domain.identity.TokenRepository;
import io.rollcall.domain.rbac.Permission;
import io.rollcall.domain.rbac.PresetRole;
import io.rollcall.domain.shared.Ids;
import io.rollcall.domain.shared.InvalidInputException;
import io.rollcall.domain.shared.NotFoundException;
import io.rollcall.domain.shared.UnauthenticatedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Personal API tokens and workspace SCIM tokens: issued once in plain text, stored as SHA-256, revocable, with the
 * last use recorded. Also authenticates presented tokens.
 */
@ApplicationScoped
@Transactional
public class TokenService {

    static final int MAX_EXPIRY_DAYS = 3650;

    private final TokenRepository tokens;
    private final AccountRepository accounts;
    private final Authorization authorization;
    private final AuditLog audit;
    private final Clock clock;
    private final Event<ScimTokenRevoked> scimTokenRevoked;
    private final Event<ApiTokenRevoked> apiTokenRevoked;

    @Inject
    public TokenService(
            TokenRepository tokens,
            AccountRepository accounts,
            Authorization authorization,
            AuditLog audit,
            Clock clock,
            Event<ScimTokenRevoked> scimTokenRevoked,
            Event<ApiTokenRevoked> apiTokenRevoked) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.authorization = authorization;
        this.audit = audit;
        this.clock = clock;
        this.scimTokenRevoked = scimTokenRevoked;
        this.apiTokenRevoked = apiTokenRevoked;
    }

    /** For CDI proxies only. */
    protected TokenService() {
        this(null, null, null, null, null, null, null);
    }

    /** A newly created token with its secret, which exists in plain text only in this response. */
    public record Issued<T>(T token, String secret) {}

    /** A usable API token: its caller, and until when it may be used (null: no expiry). */
    public record CheckedApiToken(Caller caller, Instant expiresAt) {}

    /**
     * Resolves the SHA-256 of a presented API token against the database and records its use; callers go through
     * {@link VerifiedApiTokens}, which asks this at most once per token every few seconds.
     *
     * @throws UnauthenticatedException if it is unknown, revoked or expired (the same 401 for each)
     */
    public CheckedApiToken checkApiToken(String tokenHash, Instant now) {
        ApiToken token = tokens.findApiTokenByHash(tokenHash)
                .filter(t -> t.usableAt(now))
                .orElseThrow(() -> new UnauthenticatedException("the bearer token is invalid, expired or revoked"));
        Account account = accounts.find(token.accountId())
                .orElseThrow(() -> new UnauthenticatedException("the bearer token is invalid, expired or revoked"));
        tokens.touchApiToken(token.id(), now);
        return new CheckedApiToken(
                new Caller(account.id(), account.email(), Caller.Credential.API_TOKEN, token.id()), token.expiresAt());
    }

    /** Resolves a presented SCIM token; empty when it is unknown, expired or revoked. */
    public Optional<ScimToken> authenticateScimToken(String presented) {
        Instant now = clock.instant();
        Optional<ScimToken> token =
                tokens.findScimTokenByHash(SecretTokens.hash(presented)).filter(t -> t.usableAt(now));
        token.ifPresent(t -> tokens.touchScimToken(t.id(), now));
        return token;
    }

    public Issued<ApiToken> createApiToken(Caller caller, String name, Integer expiresInDays) {
        String cleanName = Inputs.requiredText("name", name, 100);
        Instant now = clock.instant();
        SecretTokens.Issued secret = SecretTokens.issue(SecretTokens.API_PREFIX);
        ApiToken token =
                new ApiToken(Ids.newId(), caller.accountId(), cleanName, secret, expiry(expiresInDays, now), now);
        tokens.addApiToken(token);
        audit.record(null, caller.actor(), "api-token.created", "api-token", token.id(), Map.of("name", cleanName));
        return new Issued<>(token, secret.plain());
    }

    public List<ApiToken> listApiTokens(Caller caller) {
        return tokens.listApiTokens(caller.accountId());
    }

    public void revokeApiToken(Caller caller, String tokenId) {
        ApiToken token = (Ids.isUuid(tokenId)
                        ? tokens.findApiToken(caller.accountId(), tokenId)
                        : Optional.<ApiToken>empty())
                .orElseThrow(() -> new NotFoundException("token", tokenId));
        token.revoke(clock.instant());
        audit.record(null, caller.actor(), "api-token.revoked", "api-token", tokenId, Map.of("name", token.name()));
        apiTokenRevoked.fire(new ApiTokenRevoked(tokenId));
    }

    /**
     * Mints a SCIM token. A SCIM token can create, change, deactivate and delete every member of the workspace,
     * owners included, so minting one needs {@code scim:manage} <em>and</em> every permission of the owner role
     * (the privilege ceiling of {@link Authorization#requireCanGrant}): a member with {@code scim:manage} alone gets
     * 403 {@code privilege-escalation} instead of owner power by proxy.
     */
    public Issued<ScimToken> createScimToken(Caller caller, String workspaceId, String name, Integer expiresInDays) {
        Member actor = authorization.require(caller, workspaceId, Permission.SCIM_MANAGE);
        authorization.requireCanGrant(
                actor,
                PresetRole.OWNER.permissions(),
                "a SCIM token (it can change every" + " member, owners included)");
        String cleanName = Inputs.requiredText("name", name, 100);
        Instant now = clock.instant();
        SecretTokens.Issued secret = SecretTokens.issue(SecretTokens.SCIM_PREFIX);
        ScimToken token = new ScimToken(
                Ids.newId(), workspaceId, cleanName, secret, caller.accountId(), expiry(expiresInDays, now), now);
        tokens.addScimToken(token);
        audit.record(
                workspaceId, caller.actor(), "scim-token.created", "scim-token", token.id(), Map.of("name", cleanName));
        return new Issued<>(token, secret.plain());
    }

    /** A SCIM token with the e-mail of the account that minted it (null if that account is gone). */
    public record ScimTokenListing(ScimToken token, String createdByEmail) {}

    /** The workspace's SCIM tokens with who created each; {@link ScimToken#lastUsedAt()} says when it was last used. */
    public List<ScimTokenListing> listScimTokens(Caller caller, String workspaceId) {
        authorization.require(caller, workspaceId, Permission.SCIM_MANAGE);
        return tokens.listScimTokens(workspaceId).stream()
                .map(t -> new ScimTokenListing(
                        t,
                        t.createdBy() == null
                                ? null
                                : accounts.find(t.createdBy())
                                        .map(Account::email)
                                        .orElse(null)))
                .toList();
    }

    public void revokeScimToken(Caller caller, String workspaceId, String tokenId) {
        authorization.require(caller, workspaceId, Permission.SCIM_MANAGE);
        ScimToken token = (Ids.isUuid(tokenId)
                        ? tokens.findScimToken(workspaceId, tokenId)
                        : Optional.<ScimToken>empty())
                .orElseThrow(() -> new NotFoundException("SCIM token", tokenId));
        token.revoke(clock.instant());
        audit.record(
                workspaceId, caller.actor(), "scim-token.revoked", "scim-token", tokenId, Map.of("name", token.name()));
        scimTokenRevoked.fire(new ScimTokenRevoked(token.id()));
    }

    private static Instant expiry(Integer days, Instant now) {
        if (days == null) {
            return null;
        }
        if (days < 1 || days > MAX_EXPIRY_DAYS) {
            throw new InvalidInputException(
                    "expiresInDays", "'expiresInDays' must be between 1 and " + MAX_EXPIRY_DAYS);
        }
        return now.plus(Duration.ofDays(days));
    }
}
