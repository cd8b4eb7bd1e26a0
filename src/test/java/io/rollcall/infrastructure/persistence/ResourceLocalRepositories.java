package io.rollcall.infrastructure.persistence;

import io.rollcall.domain.audit.AuditRepository;
import io.rollcall.domain.group.GroupRepository;
import io.rollcall.domain.group.MembershipDirectory;
import io.rollcall.domain.group.MembershipRepository;
import io.rollcall.domain.identity.MemberRepository;
import io.rollcall.domain.workspace.WorkspaceRepository;
import jakarta.persistence.EntityManager;

/** The production JPA repositories over a test's resource-local entity manager, for application service tests. */
public final class ResourceLocalRepositories {

    private ResourceLocalRepositories() {}

    public static GroupRepository groups(EntityManager em) {
        return new JpaGroupRepository(em);
    }

    public static MembershipRepository memberships(EntityManager em) {
        return new JpaMembershipRepository(em);
    }

    public static MembershipDirectory directory(EntityManager em) {
        return new JpaMembershipDirectory(em);
    }

    public static MemberRepository members(EntityManager em) {
        return new JpaMemberRepository(em);
    }

    public static AuditRepository audit(EntityManager em) {
        return new JpaAuditRepository(em);
    }

    public static WorkspaceRepository workspaces(EntityManager em) {
        return new JpaWorkspaceRepository(em);
    }
}
