package io.rollcall.application.scim;

import io.rollcall.domain.group.Group;
import java.util.Optional;

/**
 * How a SCIM write changes a group's attributes ({@code displayName}, {@code externalId}), computed from the current
 * group inside the update's transaction (so that a PATCH applies to the version it was checked against). A PATCH that
 * only adds or removes members leaves the attributes alone: {@link #UNCHANGED}.
 */
@FunctionalInterface
public interface GroupAttributeEdit {

    /** Leaves displayName and externalId as they are. */
    GroupAttributeEdit UNCHANGED = current -> Optional.empty();

    /**
     * The attributes the group should have, or empty for no attribute change.
     *
     * @throws ScimProblem (or a domain exception) when the edit is refused; the transaction rolls back
     */
    Optional<GroupDraft> edit(Group current);
}
