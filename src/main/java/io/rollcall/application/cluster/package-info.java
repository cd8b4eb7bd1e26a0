/**
 * What instances of a cluster tell each other: invalidations of what they keep in memory, so that a revocation on one
 * instance takes effect on all of them at once. Nothing correctness-critical lives only here: the database decides.
 */
package io.rollcall.application.cluster;
