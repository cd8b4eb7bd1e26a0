/** Use cases: transactions, authorization and audit around the domain. Resources call exactly one use case. */
package io.rollcall.application;
