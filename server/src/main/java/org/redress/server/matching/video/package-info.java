/**
 * Video checks (docs/adr/0028): the {@code ffprobe} and {@code ffmpeg} programs read an uploaded
 * video within limits, one frame a second is hashed with PDQ, and a video matches a banked one when
 * enough of its frames are within the bank's distance of the banked video's frames and enough of
 * the banked video's frames are matched. Banked videos' frame hashes are held in memory and follow
 * the banks' change log; checked videos' frame hashes are registered for retroactive scans.
 */
@NullMarked
package org.redress.server.matching.video;

import org.jspecify.annotations.NullMarked;
