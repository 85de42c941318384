/** The staff API over the webhook outbox. */
@NullMarked
package org.redress.server.enforcement.web;

import org.jspecify.annotations.NullMarked;
