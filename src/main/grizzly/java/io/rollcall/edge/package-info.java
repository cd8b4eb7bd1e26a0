/**
 * Rollcall's extension of Payara's HTTP listener (Grizzly), loaded by Payara's runtime class loader from
 * {@code rollcall-edge.jar}, outside the application: it lets requests Payara would refuse with an empty answer reach
 * the application's own error handling.
 */
package io.rollcall.edge;
