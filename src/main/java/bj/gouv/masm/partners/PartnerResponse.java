package bj.gouv.masm.partners;

import java.time.OffsetDateTime;
import java.util.SortedSet;
import java.util.TreeSet;

/** A partner in JSON, field names of docs/contract.md, plus its creation and last change. */
public record PartnerResponse(
        Long id,
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
        String address,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy,
        long version) {

    public static PartnerResponse of(Partner p) {
        return new PartnerResponse(p.getId(), p.getName(), p.getAcronym(), p.getKind(), p.getOrganisationType(),
                p.getRegistrationNumber(), p.getHeadOfficeDepartment(), new TreeSet<>(p.getSubSectors()),
                new TreeSet<>(p.getDomains()), new TreeSet<>(p.getTargetGroups()), new TreeSet<>(p.getDepartments()),
                p.isNationwide(), p.getContactName(), p.getEmail(), p.getPhone(), p.getAddress(), p.getCreatedAt(),
                p.getCreatedBy(), p.getUpdatedAt(), p.getUpdatedBy(), p.getVersion());
    }
}
