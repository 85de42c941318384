/** Review's HTTP side: the case API for moderators and the moderator pages. */
@NullMarked
package org.redress.server.review.web;

import org.jspecify.annotations.NullMarked;
