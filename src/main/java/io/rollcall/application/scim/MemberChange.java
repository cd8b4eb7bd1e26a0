package io.rollcall.application.scim;

import java.util.List;

/** One change to a group's SCIM-source membership rows; each touches only the rows it names. */
public sealed interface MemberChange {

    record Add(List<String> memberIds) implements MemberChange {}

    record Remove(List<String> memberIds) implements MemberChange {}

    /** Removes every SCIM row of the group (MANUAL and SSO rows stay), then adds these. */
    record ReplaceAll(List<String> memberIds) implements MemberChange {}
}
