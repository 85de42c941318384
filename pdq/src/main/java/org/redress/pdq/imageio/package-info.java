/**
 * Decoding image files into {@link org.redress.pdq.Pixels} the way PDQ's reference file tool does,
 * with limits that refuse hostile files before they cost memory.
 *
 * <pre>{@code
 * var decoder = ImageIoDecoder.create(DecodeLimits.defaults());
 * Fingerprint fp = PdqHasher.create().hash(decoder.decode(path));   // UndecodableImageException
 * }</pre>
 */
package org.redress.pdq.imageio;
