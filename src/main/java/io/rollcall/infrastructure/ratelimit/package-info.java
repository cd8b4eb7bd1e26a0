/** Token buckets for {@link io.rollcall.application.ratelimit.RateLimiter}, on Bucket4j. */
package io.rollcall.infrastructure.ratelimit;
