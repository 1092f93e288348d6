package bj.gouv.masm.reference;

import java.util.List;
import java.util.Map;

/**
 * The offices that can own a recommendation, as form options {@code {label, value}}: every department's CPS,
 * then the central services. Offered by the security feature, which owns the group names (the reference
 * feature may not call it).
 */
public interface OwnerOffices {

    List<Map<String, String>> options();
}
