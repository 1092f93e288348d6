package bj.gouv.masm.conventions;

import bj.gouv.masm.shared.PageResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Conventions, read-only (they are created and changed by the ConventionLifecycle process). A CPS user sees
 * the conventions of its own departments only (AccessScope): any other is "not found".
 */
@RestController
@RequestMapping("/api/conventions")
@RequiredArgsConstructor
public class ConventionController {

    private final ConventionViews views;

    @GetMapping("/{number}")
    public ConventionView get(@PathVariable String number) {
        return views.get(number);
    }

    @GetMapping
    public PageResponse<ConventionView> list(@RequestParam(required = false) Long partnerId,
                                             @RequestParam(required = false) String status,
                                             @RequestParam(required = false) String department,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "20") int size) {
        return views.list(partnerId, status, department, page, size);
    }
}
