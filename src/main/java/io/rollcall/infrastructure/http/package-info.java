/**
 * The HTTP edge in front of every protocol: request-body deadlines and size limits, read with servlet async I/O so
 * that slow clients hold no worker thread, and errors written there in each protocol's own format.
 */
package io.rollcall.infrastructure.http;
