/** The audit log's JSON API: chain verification for auditors. */
@NullMarked
package org.redress.server.audit.web;

import org.jspecify.annotations.NullMarked;
