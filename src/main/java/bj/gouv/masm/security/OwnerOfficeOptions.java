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

    /** Central offices in the order the forms list them. */
    private static final List<Map.Entry<String, String>> CENTRAL = List.of(Map.entry(Groups.DPAF, "DPAF"),
            Map.entry(Groups.SGM, "SGM"), Map.entry(Groups.OFFE, "OFFE"), Map.entry(Groups.CABINET, "Cabinet du Ministre"));

    private final ReferenceDataService reference;

    @Override
    public List<Map<String, String>> options() {
        List<Map<String, String>> owners = new ArrayList<>();
        for (ReferenceItem department : reference.list(ReferenceCategory.DEPARTMENT)) {
            owners.add(option("CPS " + department.label(), Groups.cps(department.code())));
        }
        CENTRAL.forEach(office -> owners.add(option(office.getValue(), office.getKey())));
        return owners;
    }

    private static Map<String, String> option(String label, String value) {
        Map<String, String> option = new LinkedHashMap<>();
        option.put("label", label);
        option.put("value", value);
        return option;
    }
}
