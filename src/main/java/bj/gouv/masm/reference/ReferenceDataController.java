package bj.gouv.masm.reference;

import bj.gouv.masm.shared.ApiException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reference")
@RequiredArgsConstructor
public class ReferenceDataController {

    private final ReferenceDataService service;

    @GetMapping
    public Map<String, List<ReferenceItem>> all() {
        Map<String, List<ReferenceItem>> all = new LinkedHashMap<>();
        Arrays.stream(ReferenceCategory.values()).forEach(c -> all.put(c.path(), service.list(c)));
        return all;
    }

    @GetMapping("/{category}")
    public List<ReferenceItem> list(@PathVariable String category) {
        ReferenceCategory found = ReferenceCategory.fromPath(category);
        if (found == null) {
            throw ApiException.notFound("Unknown reference list: " + category);
        }
        return service.list(found);
    }
}
