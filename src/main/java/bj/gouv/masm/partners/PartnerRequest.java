package bj.gouv.masm.partners;

import java.util.ArrayList;
import java.util.List;

/**
 * A partner as the API and the CSV import receive it (field names of docs/contract.md). Values are
 * raw: list entries may be codes or French labels; {@link PartnerValidator} checks and canonicalises them.
 */
public record PartnerRequest(
        String name,
        String acronym,
        String kind,
        String organisationType,
        String registrationNumber,
        String headOfficeDepartment,
        List<String> subSectors,
        List<String> domains,
        List<String> targetGroups,
        List<String> departments,
        Boolean nationwide,
        String contactName,
        String email,
        String phone,
        String address) {

    /** The stored partner as a request, the starting point of an import row that updates it. */
    public static PartnerRequest of(Partner p) {
        return new PartnerRequest(p.getName(), p.getAcronym(), p.getKind().name(), p.getOrganisationType(),
                p.getRegistrationNumber(), p.getHeadOfficeDepartment(), new ArrayList<>(p.getSubSectors()),
                new ArrayList<>(p.getDomains()), new ArrayList<>(p.getTargetGroups()),
                new ArrayList<>(p.getDepartments()), p.isNationwide(), p.getContactName(), p.getEmail(),
                p.getPhone(), p.getAddress());
    }
}
