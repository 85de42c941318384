package org.redress.server.review;

/** The ground for a removal, as the statement of reasons states it (EU DSA Art. 17(3)(d), (e)). */
public enum RemovalBasis {
    /**
     * Illegal content: sharing, or threatening to share, an intimate image without consent (England
     * and Wales: Sexual Offences Act 2003 s.66B; US: TAKE IT DOWN Act), a priority offence under the
     * UK Online Safety Act.
     */
    ILLEGAL_CONTENT,
    /** A breach of the platform's terms of service, named by the decision's policy clause. */
    TERMS_OF_SERVICE
}
