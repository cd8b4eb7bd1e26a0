/** The workspace-scoped RBAC model: the permission catalogue, preset and custom roles, and effective permissions. */
package io.rollcall.domain.rbac;
