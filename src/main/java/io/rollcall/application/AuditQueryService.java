package io.rollcall.application;

import io.rollcall.domain.audit.AuditEvent;
import io.rollcall.domain.audit.AuditRepository;
import io.rollcall.domain.identity.AccountRepository;
import io.rollcall.domain.identity.MemberRepository;
import io.rollcall.domain.rbac.Permission;
import io.rollcall.domain.shared.Emails;
import io.rollcall.domain.shared.InvalidInputException;
import io.rollcall.domain.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads a workspace's audit log (needs {@code audit:read}). */
@ApplicationScoped
@Transactional
public class AuditQueryService {

    private final AuditRepository events;
    private final AccountRepository accounts;
    private final MemberRepository members;
    private final Authorization authorization;

    @Inject
    public AuditQueryService(
            AuditRepository events, AccountRepository accounts, MemberRepository members, Authorization authorization) {
        this.events = events;
        this.accounts = accounts;
        this.members = members;
        this.authorization = authorization;
    }

    /** For CDI proxies only. */
    protected AuditQueryService() {
        this(null, null, null, null);
    }

    /** Which events to list; every field is optional (null or blank: no filter). */
    public record Filter(String actorId, String actorEmail, String action, Instant since, Instant until) {}

    /**
     * Events of the workspace, newest first; {@code since} inclusive and {@code until} exclusive. An actor is named by
     * id ({@code actorId}) or by e-mail ({@code actorEmail}): the e-mail stands for the person's account (their
     * admin API and console calls) and their member in this workspace (their SSO sign-ins); an e-mail no account has
     * matches no event. Both at once is {@link InvalidInputException}, as is a malformed e-mail.
     */
    public Page<AuditEvent> search(Caller caller, String workspaceId, Filter filter, PageRequest page) {
        authorization.require(caller, workspaceId, Permission.AUDIT_READ);
        String actorId = blankToNull(filter.actorId());
        String actorEmail = blankToNull(filter.actorEmail());
        if (actorId != null && actorEmail != null) {
            throw new InvalidInputException("actorEmail", "give 'actor' or 'actorEmail', not both");
        }
        Set<String> actors = actorId != null
                ? Set.of(actorId)
                : actorEmail != null ? actorsWithEmail(workspaceId, actorEmail) : null;
        return events.search(
                workspaceId,
                actors,
                blankToNull(filter.action()),
                filter.since(),
                filter.until(),
                page.offset(),
                page.size());
    }

    private Set<String> actorsWithEmail(String workspaceId, String email) {
        String normalised;
        try {
            normalised = Emails.normalise(email);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("actorEmail", "'actorEmail' must be an e-mail address");
        }
        Set<String> ids = new LinkedHashSet<>();
        accounts.findByEmail(normalised).ifPresent(account -> {
            ids.add(account.id());
            members.findByAccount(workspaceId, account.id()).ifPresent(member -> ids.add(member.id()));
        });
        return ids;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
