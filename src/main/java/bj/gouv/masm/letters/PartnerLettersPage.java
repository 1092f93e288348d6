package bj.gouv.masm.letters;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The dashboard's partner view ({@code /dashboard/partners/{id}}, linked from the partner list): the partner,
 * its conventions with their signed PDF, and its letters (status, recipient, printable PDF, attachments),
 * scoped like the API.
 */
@Controller
@RequiredArgsConstructor
public class PartnerLettersPage {

    private final LetterViews letters;

    @GetMapping("/dashboard/partners/{id}")
    public String partner(@PathVariable Long id, Model model) {
        LetterViews.PartnerPage page = letters.partnerPage(id);
        model.addAttribute("title", page.partner().getName());
        model.addAttribute("partner", page.partner());
        model.addAttribute("conventions", page.conventions());
        model.addAttribute("letters", page.letters());
        return "dashboard/partner";
    }
}
