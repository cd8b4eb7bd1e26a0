/** What every part of the domain shares: the error family, identifiers and value normalisation. */
package io.rollcall.domain.shared;
