package io.rollcall.domain.identity;

import io.rollcall.domain.shared.Page;
import java.util.List;
import java.util.Optional;

/** Storage of members, always within one workspace: an id from another workspace is simply not found. */
public interface MemberRepository {

    Optional<Member> find(String workspaceId, String memberId);

    /**
     * Like {@link #find}, with the row locked for writing until the transaction ends, so that a version check made
     * on it holds until commit (SCIM If-Match) and concurrent writers queue instead of failing at commit.
     */
    Optional<Member> lock(String workspaceId, String memberId);

    Optional<Member> findByAccount(String workspaceId, String accountId);

    Optional<Member> findByUserName(String workspaceId, String userName);

    Optional<Member> findBySsoSubject(String workspaceId, String subject);

    /** Members of the workspace matching {@code query} (user name, display name, email; case-insensitive), paged. */
    Page<Member> search(String workspaceId, String query, int offset, int limit);

    /** The memberships of an account across workspaces. */
    List<Member> listForAccount(String accountId);

    /** Active members whose direct role is {@code roleId}. */
    long countActiveWithRole(String workspaceId, String roleId);

    /**
     * Writes a new member at once.
     *
     * @throws io.rollcall.domain.shared.ConflictException with code {@code uniqueness} when the workspace already has
     *         a member of that userName (ignoring case); the transaction is then rolled back
     */
    void add(Member member);

    void remove(Member member);
}
