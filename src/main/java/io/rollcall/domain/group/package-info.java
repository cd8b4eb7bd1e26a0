/** Groups (static and dynamic), their membership rows with sources, and the claim rules of dynamic groups. */
package io.rollcall.domain.group;
