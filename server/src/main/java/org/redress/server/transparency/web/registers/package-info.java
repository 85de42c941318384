/** The registers over HTTP and on staff pages: compliance staff record new versions, auditors read them. */
@NullMarked
package org.redress.server.transparency.web.registers;

import org.jspecify.annotations.NullMarked;
