package bj.gouv.masm.reference;

public record ReferenceItem(String code, String label) {
}
