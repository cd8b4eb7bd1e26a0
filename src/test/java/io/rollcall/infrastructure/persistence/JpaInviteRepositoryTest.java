package io.rollcall.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollcall.domain.identity.Invite;
import io.rollcall.domain.identity.SecretTokens;
import io.rollcall.infrastructure.persistence.scim.TestDatabase;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The invite listing's state filter against the real schema (H2): "expired" is derived from expires_at and now. */
class JpaInviteRepositoryTest {

    private static final Instant NOW = TestDatabase.at("2026-06-01T12:00:00Z");
    private TestDatabase db;
    private EntityManager em;
    private JpaInviteRepository invites;

    @BeforeEach
    void seed() throws Exception {
        db = new TestDatabase();
        db.workspace("ws1");
        db.workspace("ws2");
        em = db.entityManager();
        invites = new JpaInviteRepository(em);
        em.getTransaction().begin();
        invite("pending", "ws1", NOW.plusSeconds(60));
        invite("expired", "ws1", NOW);
        invite("accepted", "ws1", NOW.plusSeconds(60)).accept("m1", NOW);
        invite("revoked", "ws1", NOW.plusSeconds(60)).revoke(NOW);
        invite("other-workspace", "ws2", NOW.plusSeconds(60));
        em.getTransaction().commit();
    }

    @AfterEach
    void close() throws Exception {
        em.close();
        db.close();
    }

    private Invite invite(String name, String workspace, Instant expiresAt) {
        Invite invite = new Invite(
                name + "-id",
                workspace,
                name + "@example.com",
                "viewer",
                SecretTokens.issue(SecretTokens.INVITE_PREFIX),
                "creator",
                expiresAt,
                NOW.minusSeconds(3600));
        invites.add(invite);
        return invite;
    }

    private Set<String> listed(Set<Invite.State> states) {
        var page = invites.list("ws1", states, NOW, 0, 50);
        assertThat(page.total()).isEqualTo(page.items().size());
        return page.items().stream()
                .map(i -> i.email().replace("@example.com", ""))
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void openInvitesAreThePendingAndTheExpiredOnesNotTheAcceptedOrRevoked() {
        assertThat(listed(EnumSet.of(Invite.State.PENDING, Invite.State.EXPIRED)))
                .containsExactlyInAnyOrder("pending", "expired");
    }

    @Test
    void eachStateAloneListsOnlyItsInvitesOfThisWorkspace() {
        assertThat(listed(EnumSet.of(Invite.State.PENDING))).containsExactly("pending");
        // Expiry is at NOW exactly: expired from that instant on (Invite#stateAt).
        assertThat(listed(EnumSet.of(Invite.State.EXPIRED))).containsExactly("expired");
        assertThat(listed(EnumSet.of(Invite.State.ACCEPTED))).containsExactly("accepted");
        assertThat(listed(EnumSet.of(Invite.State.REVOKED))).containsExactly("revoked");
        assertThat(listed(EnumSet.noneOf(Invite.State.class)))
                .containsExactlyInAnyOrder("pending", "expired", "accepted", "revoked");
    }
}
