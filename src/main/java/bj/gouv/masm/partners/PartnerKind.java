package bj.gouv.masm.partners;

/** PTF: donors and agencies; OSC: civil-society organisations (NGOs, associations, foundations). */
public enum PartnerKind {
    PTF,
    OSC
}
