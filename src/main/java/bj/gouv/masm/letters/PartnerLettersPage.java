package bj.gouv.masm.letters;

import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.shared.ApiException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The dashboard's partner view ({@code /dashboard/partners/{id}}, linked from the partner list): the partner,
 * its conventions with their signed PDF, and its letters (status, recipient, printable PDF, attachments),
 * scoped like the API.
 */
@Controller
public class PartnerLettersPage {

    private final PartnerRepository partners;
    private final ConventionRepository conventions;
    private final LetterController letters;
    private final AccessScope scope;

    public PartnerLettersPage(PartnerRepository partners, ConventionRepository conventions, LetterController letters,
                              AccessScope scope) {
        this.partners = partners;
        this.conventions = conventions;
        this.letters = letters;
        this.scope = scope;
    }

    @GetMapping("/dashboard/partners/{id}")
    @Transactional(readOnly = true)
    public String partner(@PathVariable Long id, Model model) {
        Partner partner = partners.findById(id).orElseThrow(() -> ApiException.notFound("Partenaire inconnu : " + id));
        List<LetterController.LetterView> views = letters.ofPartner(id).stream()
                .map(v -> new LetterController.LetterView(v.id(), v.date(), v.kind(), v.subject(), v.recipient(),
                        v.recipientName(), v.status(), v.caseReference(), v.partnerId(), v.sentAt(), v.attempts(),
                        v.lastError(), v.href(), "/dashboard/letters/" + v.id() + "/document.pdf",
                        v.attachments().stream().map(a -> new LetterController.AttachmentView(a.fileName(),
                                a.contentType(), a.size(), a.href().replace("/api/letters/", "/dashboard/letters/")))
                                .toList()))
                .toList();
        model.addAttribute("title", partner.getName());
        model.addAttribute("partner", partner);
        model.addAttribute("conventions", conventions.findByPartnerIdOrderBySignedOnDesc(id).stream()
                .filter(c -> scope.canSeeDepartment(c.getDepartment())).toList());
        model.addAttribute("letters", views);
        return "dashboard/partner";
    }
}
