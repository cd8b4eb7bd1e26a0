/**
 * Rate limits: token buckets (Bucket4j) per caller key and scope, their settings, and what a refusal records
 * (metrics, audit). Entry points ask {@link io.rollcall.application.ratelimit.RateLimiter} and render the refusal in
 * their protocol's format with {@code Retry-After}.
 */
package io.rollcall.application.ratelimit;
