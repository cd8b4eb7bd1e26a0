package io.rollcall.domain.workspace;

import java.util.List;
import java.util.Optional;

/** Storage of workspaces. */
public interface WorkspaceRepository {

    Optional<Workspace> find(String id);

    /**
     * The role a SCIM-created member gets in the workspace; empty when there is no such workspace. Reads the one
     * column: a SCIM create needs nothing else of the workspace, and loading the entity (with its domains) cost two
     * queries per create.
     */
    Optional<String> scimDefaultRoleId(String id);

    /**
     * Loads the workspace and takes a write lock on it until the transaction ends. Changes that must keep a
     * workspace-wide rule (such as "at least one owner") serialise on this lock, on every instance.
     */
    Optional<Workspace> lock(String id);

    /** The workspaces the account is a member of (active or not). */
    List<Workspace> listForAccount(String accountId);

    long count();

    void add(Workspace workspace);
}
