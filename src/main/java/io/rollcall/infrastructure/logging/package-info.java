/** Request ids and structured, secret-free logging. */
package io.rollcall.infrastructure.logging;
