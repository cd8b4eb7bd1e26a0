/** The admin API ({@code /api/v1}): thin JAX-RS resources, JSON views, bearer authentication and problem details. */
package io.rollcall.admin;
