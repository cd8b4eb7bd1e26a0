/** Typed, validated configuration read from MicroProfile Config (environment variables and system properties). */
package io.rollcall.config;
