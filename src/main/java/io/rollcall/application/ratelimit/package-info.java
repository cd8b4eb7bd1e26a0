/**
 * Rate limits of anonymous endpoints, behind one interface ({@link io.rollcall.application.ratelimit.RateLimiter}):
 * in memory per instance today, replaceable by a cluster-wide store without touching the callers.
 */
package io.rollcall.application.ratelimit;
