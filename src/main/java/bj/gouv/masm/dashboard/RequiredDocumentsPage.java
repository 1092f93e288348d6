package bj.gouv.masm.dashboard;

import bj.gouv.masm.conventions.RequiredDocumentList;
import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.security.CamundaWebappSessionAuthenticationFilter;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.shared.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The documents a dossier needs, edited without SQL (issue 11 item 11): everyone on the dashboard reads
 * the list; DPAF and administrators get a form that replaces it through {@link RequiredDocumentList#replace}
 * (the rules of {@code PUT /api/reference/required-documents}: all or nothing, 403 for everyone else).
 * The form posts with the webapp session's CSRF token (see {@link CamundaWebappSessionAuthenticationFilter}).
 * Rows are numbered fields ({@code code_0}, {@code label_0}, {@code kind_0}, {@code active_0}…), in display
 * order; a row left without code and label is ignored (the blank rows add documents).
 */
@Controller
@RequestMapping("/dashboard/required-documents")
@RequiredArgsConstructor
public class RequiredDocumentsPage {

    static final int BLANK_ROWS = 3;
    private static final int MAX_ROWS = 200;

    private final RequiredDocumentList documents;
    private final AccessScope accessScope;

    /** One row of the form as shown (a document, or a blank row to add one). */
    public record Row(String code, String label, String partnerKind, boolean active) {
    }

    @GetMapping
    public String show(@RequestParam(required = false) String saved, HttpServletRequest request, Model model) {
        List<Row> rows = new ArrayList<>();
        for (RequiredDocumentList.Document d : documents.all()) {
            rows.add(new Row(d.code(), d.label(), d.partnerKind(), Boolean.TRUE.equals(d.active())));
        }
        model.addAttribute("saved", saved != null);
        return render(rows, List.of(), null, request, model);
    }

    @PostMapping
    public String save(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
                       Model model) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS && form.containsKey("code_" + i); i++) {
            String code = form.getOrDefault("code_" + i, "").trim();
            String label = form.getOrDefault("label_" + i, "").trim();
            if (code.isEmpty() && label.isEmpty()) {
                continue;
            }
            String kind = form.getOrDefault("kind_" + i, "").trim();
            rows.add(new Row(code, label, kind.isEmpty() ? null : kind, form.containsKey("active_" + i)));
        }
        try {
            documents.replace(rows.stream().map(r -> new RequiredDocumentList.Document(r.code(), r.label(),
                    r.partnerKind(), r.active())).toList());
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST) {
                throw e;
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            List<String> errors = new ArrayList<>();
            e.fieldErrors().forEach(f -> errors.add(f.message()));
            model.addAttribute("saved", false);
            return render(rows, errors, e.getMessage(), request, model);
        }
        return "redirect:/dashboard/required-documents?saved";
    }

    private String render(List<Row> rows, List<String> errors, String problem, HttpServletRequest request, Model model) {
        List<Row> shown = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS; i++) {
            shown.add(new Row("", "", null, true));
        }
        boolean canEdit = accessScope.isMemberOrAdmin(Groups.DPAF);
        model.addAttribute("rows", canEdit ? shown : rows);
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("problem", problem);
        model.addAttribute("errors", errors);
        model.addAttribute("csrfParameter", CamundaWebappSessionAuthenticationFilter.CSRF_PARAMETER);
        model.addAttribute("csrfToken", CamundaWebappSessionAuthenticationFilter.csrfToken(request));
        return "dashboard/required-documents";
    }
}
