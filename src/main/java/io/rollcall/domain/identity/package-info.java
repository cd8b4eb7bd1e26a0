/** People and credentials: accounts, members (the SCIM users), invites, API and SCIM tokens. */
package io.rollcall.domain.identity;
