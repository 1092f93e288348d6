package bj.gouv.masm.reference;

import bj.gouv.masm.shared.TextNormalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Codes and French labels of the reference lists. Lists are small and change only by migration,
 * so they are read once per category and kept.
 */
@Service
@RequiredArgsConstructor
public class ReferenceDataService {

    private final JdbcTemplate jdbc;
    private final Map<ReferenceCategory, List<ReferenceItem>> cache = new ConcurrentHashMap<>();
    /** Comparison key (code or label) → code, per list: imports resolve thousands of values. */
    private final Map<ReferenceCategory, Map<String, String>> keyIndex = new ConcurrentHashMap<>();

    public List<ReferenceItem> list(ReferenceCategory category) {
        return cache.computeIfAbsent(category, c -> jdbc.query(
                "select code, label from " + c.table() + " order by sort_order, code",
                (rs, i) -> new ReferenceItem(rs.getString("code"), rs.getString("label"))));
    }

    public boolean isValid(ReferenceCategory category, String code) {
        return code != null && list(category).stream().anyMatch(item -> item.code().equals(code));
    }

    public String label(ReferenceCategory category, String code) {
        return list(category).stream().filter(item -> item.code().equals(code)).map(ReferenceItem::label)
                .findFirst().orElse(code);
    }

    /** Accepts a code or a French label as a clerk would type it (case, accents, spacing ignored). */
    public Optional<String> resolve(ReferenceCategory category, String codeOrLabel) {
        if (codeOrLabel == null || codeOrLabel.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> index = keyIndex.computeIfAbsent(category, c -> {
            Map<String, String> keys = new HashMap<>();
            for (ReferenceItem item : list(c)) {
                keys.putIfAbsent(TextNormalizer.key(item.code()), item.code());
                keys.putIfAbsent(TextNormalizer.key(item.label()), item.code());
            }
            return keys;
        });
        return Optional.ofNullable(index.get(TextNormalizer.key(codeOrLabel)));
    }

    public void evictCache() {
        cache.clear();
        keyIndex.clear();
    }
}
