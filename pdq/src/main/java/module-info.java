/**
 * PDQ perceptual hashing. {@link org.redress.pdq.PdqHasher} turns decoded pixels into a
 * {@link org.redress.pdq.PdqHash} and its {@link org.redress.pdq.Quality};
 * {@link org.redress.pdq.imageio.ImageIoDecoder} decodes image files into pixels within limits.
 */
module org.redress.pdq {
    requires java.desktop;

    exports org.redress.pdq;
    exports org.redress.pdq.imageio;
}
