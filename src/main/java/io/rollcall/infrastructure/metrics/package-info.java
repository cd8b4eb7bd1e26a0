/** Rollcall's own metrics through MicroProfile Metrics (Payara's registry, served at {@code /metrics}). */
package io.rollcall.infrastructure.metrics;
