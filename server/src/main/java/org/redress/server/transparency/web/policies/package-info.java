/** The published policies: their public pages, and publishing and history for compliance staff and auditors. */
@NullMarked
package org.redress.server.transparency.web.policies;

import org.jspecify.annotations.NullMarked;
