package bj.gouv.masm.partners;

/** What a form's heading shows of a partner, read without its departments, domains and groups. */
public interface PartnerHeading {

    String getName();

    String getAcronym();

    PartnerKind getKind();
}
