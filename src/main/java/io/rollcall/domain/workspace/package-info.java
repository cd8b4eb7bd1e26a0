/** Workspaces: the tenants, with the settings that govern how people join them. */
package io.rollcall.domain.workspace;
