/**
 * Identity's pages (sign-in, start page, password, administration) and its JSON API for the
 * caller and for administering accounts and keys. Controllers only call the
 * {@link org.redress.server.identity.Identity} facade.
 */
@NullMarked
package org.redress.server.identity.web;

import org.jspecify.annotations.NullMarked;
