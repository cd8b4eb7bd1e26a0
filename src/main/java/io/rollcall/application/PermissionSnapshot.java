package io.rollcall.application;

import io.rollcall.domain.rbac.EffectivePermissions;

/**
 * What an authorization check needs to know of one member, read in one transaction: its id, whether it is active and
 * its effective permissions ({@link EffectivePermissions#none()} while deactivated). Immutable.
 */
public record PermissionSnapshot(String memberId, boolean active, EffectivePermissions permissions) {}
