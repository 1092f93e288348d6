package bj.gouv.masm.reference;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The reference lists seeded by migrations, each in its own table. */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public enum ReferenceCategory {
    DEPARTMENT("ref_department", "departments"),
    SUB_SECTOR("ref_sub_sector", "sub-sectors"),
    DOMAIN("ref_domain", "domains"),
    TARGET_GROUP("ref_target_group", "target-groups"),
    COOPERATION_AXIS("ref_cooperation_axis", "axes"),
    ORGANISATION_TYPE("ref_organisation_type", "organisation-types");

    private final String table;
    private final String path;

    public String table() {
        return table;
    }

    public String path() {
        return path;
    }

    public static ReferenceCategory fromPath(String path) {
        for (ReferenceCategory category : values()) {
            if (category.path.equals(path)) {
                return category;
            }
        }
        return null;
    }
}
