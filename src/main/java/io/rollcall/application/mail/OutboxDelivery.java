package io.rollcall.application.mail;

import io.rollcall.application.Actor;
import io.rollcall.application.AuditLog;
import io.rollcall.config.MailSettings;
import io.rollcall.domain.identity.InviteRepository;
import io.rollcall.domain.mail.MailContent;
import io.rollcall.domain.mail.MailOutbox;
import io.rollcall.domain.mail.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The database steps of sending one outbox message, each its own short transaction so that no transaction stays open
 * while the SMTP server is talked to: claim (take the lease), then record the outcome (only while still holding the
 * lease). The outcome of an invite's message is copied to the invite and audited ({@code invite.sent},
 * {@code invite.delivery-failed}).
 */
@ApplicationScoped
public class OutboxDelivery {

    /** Longer than any SMTP exchange can take (connect 10 s + read/write 30 s each): a live sender never loses it. */
    static final Duration LEASE = Duration.ofMinutes(3);

    private static final Actor ACTOR = Actor.system("mail");

    private final MailOutbox outbox;
    private final InviteRepository invites;
    private final AuditLog audit;
    private final MailSettings settings;
    private final Clock clock;

    @Inject
    public OutboxDelivery(
            MailOutbox outbox, InviteRepository invites, AuditLog audit, MailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.invites = invites;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected OutboxDelivery() {
        this(null, null, null, null, null);
    }

    /** A message this instance holds the lease on. */
    public record Claimed(String id, MailContent content) {}

    @Transactional
    public List<String> due(int limit) {
        return outbox.due(clock.instant(), limit);
    }

    /** Takes the lease on a due message; empty when another instance has it or it is no longer due. */
    @Transactional
    public Optional<Claimed> claim(String id, String owner) {
        Instant now = clock.instant();
        if (!outbox.claim(id, owner, now, now.plus(LEASE))) {
            return Optional.empty();
        }
        return outbox.find(id).map(m -> new Claimed(m.id(), m.content()));
    }

    @Transactional
    public void sent(String id, String owner) {
        Instant now = clock.instant();
        held(id, owner).ifPresent(message -> {
            message.markSent(now);
            if (message.kind() == OutboxMessage.Kind.INVITE) {
                invites.find(message.workspaceId(), message.subjectId()).ifPresent(invite -> {
                    invite.recordDelivery("sent", null, now);
                    audit.record(
                            message.workspaceId(),
                            ACTOR,
                            "invite.sent",
                            "invite",
                            invite.id(),
                            Map.of("email", message.recipient(), "attempts", message.attempts()));
                });
            }
        });
    }

    @Transactional
    public void failed(String id, String owner, String reason) {
        Instant now = clock.instant();
        RetrySchedule schedule = new RetrySchedule(settings.retryInitial(), settings.retryMax());
        held(id, owner).ifPresent(message -> {
            Optional<Instant> next = schedule.next(message.attempts() + 1, now, message.giveUpAt());
            if (next.isPresent()) {
                message.retryAt(next.get(), reason);
            } else {
                message.fail(reason);
            }
            if (message.kind() == OutboxMessage.Kind.INVITE) {
                invites.find(message.workspaceId(), message.subjectId()).ifPresent(invite -> {
                    invite.recordDelivery(next.isPresent() ? "queued" : "failed", reason, now);
                    Map<String, Object> summary = new LinkedHashMap<>();
                    summary.put("email", message.recipient());
                    summary.put("reason", reason);
                    summary.put("attempts", message.attempts());
                    summary.put("final", next.isEmpty());
                    audit.record(
                            message.workspaceId(), ACTOR, "invite.delivery-failed", "invite", invite.id(), summary);
                });
            }
        });
    }

    private Optional<OutboxMessage> held(String id, String owner) {
        // A sender whose lease lapsed (a pause longer than LEASE) must not overwrite the next sender's outcome.
        return outbox.find(id).filter(m -> owner.equals(m.leaseOwner()) && m.status() == OutboxMessage.Status.QUEUED);
    }
}
