package io.rollcall.domain.group;

import java.time.Instant;

/** A row of a group's member listing: who, by which source, since when. */
public record MembershipEntry(String memberId, String userName, MembershipSource source, Instant since) {}
