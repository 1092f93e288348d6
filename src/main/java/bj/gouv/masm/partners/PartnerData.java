package bj.gouv.masm.partners;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A partner's checked, canonical values (trimmed text, known codes, defaulted head office). Two
 * equal PartnerData mean "nothing to change": the import relies on it to leave unchanged rows alone.
 */
public record PartnerData(
        String name,
        String acronym,
        PartnerKind kind,
        String organisationType,
        String registrationNumber,
        String headOfficeDepartment,
        SortedSet<String> subSectors,
        SortedSet<String> domains,
        SortedSet<String> targetGroups,
        SortedSet<String> departments,
        boolean nationwide,
        String contactName,
        String email,
        String phone,
        String address) {

    public static PartnerData of(Partner p) {
        return new PartnerData(p.getName(), p.getAcronym(), p.getKind(), p.getOrganisationType(),
                p.getRegistrationNumber(), p.getHeadOfficeDepartment(), new TreeSet<>(p.getSubSectors()),
                new TreeSet<>(p.getDomains()), new TreeSet<>(p.getTargetGroups()), new TreeSet<>(p.getDepartments()),
                p.isNationwide(), p.getContactName(), p.getEmail(), p.getPhone(), p.getAddress());
    }

    public Partner toNewPartner() {
        Partner partner = new Partner(name, kind, organisationType);
        applyTo(partner);
        return partner;
    }

    public void applyTo(Partner p) {
        p.setName(name);
        p.setAcronym(acronym);
        p.setKind(kind);
        p.setOrganisationType(organisationType);
        p.setRegistrationNumber(registrationNumber);
        p.setHeadOfficeDepartment(headOfficeDepartment);
        p.setSubSectors(subSectors);
        p.setDomains(domains);
        p.setTargetGroups(targetGroups);
        p.setDepartments(departments);
        p.setNationwide(nationwide);
        p.setContactName(contactName);
        p.setEmail(email);
        p.setPhone(phone);
        p.setAddress(address);
    }

    /** The JSON names of the fields that differ from {@code other}, for the audit trail. */
    public Set<String> differencesFrom(PartnerData other) {
        Set<String> changed = new TreeSet<>();
        diff(changed, "name", name, other.name);
        diff(changed, "acronym", acronym, other.acronym);
        diff(changed, "kind", kind, other.kind);
        diff(changed, "organisationType", organisationType, other.organisationType);
        diff(changed, "registrationNumber", registrationNumber, other.registrationNumber);
        diff(changed, "headOfficeDepartment", headOfficeDepartment, other.headOfficeDepartment);
        diff(changed, "subSectors", subSectors, other.subSectors);
        diff(changed, "domains", domains, other.domains);
        diff(changed, "targetGroups", targetGroups, other.targetGroups);
        diff(changed, "departments", departments, other.departments);
        diff(changed, "nationwide", nationwide, other.nationwide);
        diff(changed, "contactName", contactName, other.contactName);
        diff(changed, "email", email, other.email);
        diff(changed, "phone", phone, other.phone);
        diff(changed, "address", address, other.address);
        return changed;
    }

    private static void diff(Set<String> changed, String field, Object a, Object b) {
        if (!java.util.Objects.equals(a, b)) {
            changed.add(field);
        }
    }
}
