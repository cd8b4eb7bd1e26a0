/** SCIM filters as clients write them: parsed (around SCIMple's grammar) into a {@code ParsedFilter}. */
package io.rollcall.scim.filter;
