/**
 * People's pages: {@code /invite/{token}} (accept an invite) and {@code /login} (e-mail sign-in links). Server-rendered
 * HTML that works without JavaScript, all drawn by {@link io.rollcall.people.PeoplePages}.
 */
package io.rollcall.people;
