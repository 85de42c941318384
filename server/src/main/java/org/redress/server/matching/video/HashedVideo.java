package org.redress.server.matching.video;

import java.util.List;
import java.util.Objects;
import org.redress.pdq.PdqHash;
import org.redress.server.matching.EntryHashes;

/**
 * A video's hashes: the MD5 and SHA-256 of its file, and the PDQ hashes of its sampled frames in
 * the order of the video (frames under the quality floor left out, so possibly none).
 *
 * @param sampledFrames how many frames were decoded and hashed, kept or not
 */
public record HashedVideo(EntryHashes hashes, List<PdqHash> frames, int sampledFrames) {

    public HashedVideo {
        Objects.requireNonNull(hashes, "hashes");
        frames = List.copyOf(frames);
    }
}
