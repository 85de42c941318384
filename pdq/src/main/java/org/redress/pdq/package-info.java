/**
 * PDQ, the 256-bit perceptual image hash used by StopNCII.org and Meta, computed exactly as the
 * reference does from decoded pixels.
 *
 * <p>{@link org.redress.pdq.PdqHasher} is the one entry point; it returns a
 * {@link org.redress.pdq.Fingerprint} (a {@link org.redress.pdq.PdqHash} and its
 * {@link org.redress.pdq.Quality}) and can derive the eight {@link org.redress.pdq.Dihedral}
 * variants from one DCT. Two images match when their hashes are within Hamming distance 31.
 *
 * <pre>{@code
 * Fingerprint fp = PdqHasher.create().hash(RgbPixels.copyOf(width, height, argb));
 * boolean match = fp.hash().distanceTo(PdqHash.fromHex(banked)) <= 31;
 * }</pre>
 */
package org.redress.pdq;
