/** The owners' web console at {@code /}: static files from {@code war-overlay/} plus the headers that protect them. */
package io.rollcall.console;
