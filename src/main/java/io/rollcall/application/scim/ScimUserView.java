package io.rollcall.application.scim;

import io.rollcall.domain.group.MembershipDirectory.Reference;
import io.rollcall.domain.identity.Member;
import java.util.List;

/** A member as SCIM shows it: the member and its (read-only) DYNAMIC groups. */
public record ScimUserView(Member member, List<Reference> groups) {}
