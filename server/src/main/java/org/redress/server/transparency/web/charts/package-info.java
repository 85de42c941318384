/** The transparency page's charts: bar charts drawn on the server as SVG, with no script library. */
@NullMarked
package org.redress.server.transparency.web.charts;

import org.jspecify.annotations.NullMarked;
