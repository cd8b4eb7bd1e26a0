/** In-memory rate-limit buckets (Bucket4j) behind {@link io.rollcall.application.ratelimit.RateLimiter}. */
package io.rollcall.infrastructure.ratelimit;
