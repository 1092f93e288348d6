package bj.gouv.masm.security;

import bj.gouv.masm.reference.OwnerOffices;
import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.reference.ReferenceItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** Recommendation owners for the forms: the CPS of each department of {@code ref_department}, then DPAF, SGM, OFFE, Cabinet. */
@Component
@RequiredArgsConstructor
public class OwnerOfficeOptions implements OwnerOffices {

    private static final Map<String, String> CENTRAL = Map.of(Groups.DPAF, "DPAF", Groups.SGM, "SGM",
            Groups.OFFE, "OFFE", Groups.CABINET, "Cabinet du Ministre");

    private final ReferenceDataService reference;

    @Override
    public List<Map<String, String>> options() {
        List<Map<String, String>> owners = new ArrayList<>();
        for (ReferenceItem department : reference.list(ReferenceCategory.DEPARTMENT)) {
            owners.add(option("CPS " + department.label(), Groups.cps(department.code())));
        }
        for (String group : List.of(Groups.DPAF, Groups.SGM, Groups.OFFE, Groups.CABINET)) {
            owners.add(option(CENTRAL.get(group), group));
        }
        return owners;
    }

    private static Map<String, String> option(String label, String value) {
        Map<String, String> option = new LinkedHashMap<>();
        option.put("label", label);
        option.put("value", value);
        return option;
    }
}
