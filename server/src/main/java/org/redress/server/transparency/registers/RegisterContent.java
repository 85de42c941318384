package org.redress.server.transparency.registers;

/** What one version of a register holds; each kind checks its own fields. */
public sealed interface RegisterContent permits RiskAssessment, Measures, AccountableIndividual {

    /** The register this content belongs to. */
    RegisterKind kind();

    /**
     * The same content with every field checked and trimmed.
     *
     * @throws org.redress.server.web.InvalidFieldsException naming every wrong field
     */
    RegisterContent checked();
}
