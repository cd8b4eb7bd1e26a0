/** Integration-test harness: the real Rollcall bundle on a fresh H2 or MariaDB database, and an HTTP client. */
package io.rollcall.it;
