/** JPA implementations of the domain repositories, the connection pool and the Flyway schema migrations. */
package io.rollcall.infrastructure.persistence;
