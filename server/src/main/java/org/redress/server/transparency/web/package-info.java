/** Transparency's HTTP side: the figures and the per-decision export for compliance and auditors, and their page. */
@NullMarked
package org.redress.server.transparency.web;

import org.jspecify.annotations.NullMarked;
