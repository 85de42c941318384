/** Evidence's HTTP side: bundle exports, legal holds on cases, and the public key that checks bundles. */
@NullMarked
package org.redress.server.evidence.web;

import org.jspecify.annotations.NullMarked;
