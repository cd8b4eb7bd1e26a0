package io.rollcall.domain.rbac;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of {@link Role}: role ids are unique within a workspace. */
public class RoleKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String workspaceId;
    private String id;

    public RoleKey() {}

    public RoleKey(String workspaceId, String id) {
        this.workspaceId = workspaceId;
        this.id = id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoleKey other
                && Objects.equals(workspaceId, other.workspaceId)
                && Objects.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(workspaceId, id);
    }
}
