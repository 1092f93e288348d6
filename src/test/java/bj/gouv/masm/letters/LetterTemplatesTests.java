package bj.gouv.masm.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates: shipped French files, an administrator's directory overriding one of them, the subject from the title. */
class LetterTemplatesTests {

    private static Map<String, Object> model() {
        return Map.of("reference", "DOS-2026-0042", "reason", "Objet hors du secteur", "today", "2 mars 2026",
                "recipientName", "Mme Awa", "signatureLines", List.of("Le Secrétaire Général", "MASM"));
    }

    @Test
    void shouldRenderTheShippedTemplateWithItsSubjectAndTheCaseReference() {
        LetterTemplates templates = new LetterTemplates(new LetterSettings());
        LetterTemplates.Rendered rendered = templates.render(LetterKind.SIGNATURE_DECLINED.template(), model());
        assertThat(rendered.subject()).isEqualTo("Refus de signature de la convention — dossier DOS-2026-0042");
        assertThat(rendered.html()).contains("Objet hors du secteur").contains("Le Secrétaire Général");
    }

    @Test
    void shouldPreferTheAdministratorsFileOverTheShippedOne(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("letters"));
        Files.writeString(dir.resolve("letters/signature-declined.html"), """
                <html xmlns:th="http://www.thymeleaf.org"><head><title th:text="'Décision sur le dossier ' + ${reference}">x</title></head>
                <body><p th:text="${reason}">motif</p><p>Texte revu par le secrétariat.</p></body></html>
                """);
        LetterSettings settings = new LetterSettings();
        settings.setTemplateDir(dir.toString());
        LetterTemplates templates = new LetterTemplates(settings);

        LetterTemplates.Rendered edited = templates.render(LetterKind.SIGNATURE_DECLINED.template(), model());
        assertThat(edited.subject()).isEqualTo("Décision sur le dossier DOS-2026-0042");
        assertThat(edited.html()).contains("Texte revu par le secrétariat.").contains("Objet hors du secteur");
        // a file the administrator did not copy stays the shipped one
        assertThat(templates.render(LetterKind.DOSSIER_REJECTED.template(), model()).subject())
                .isEqualTo("Avis défavorable sur votre dossier DOS-2026-0042");
    }

    @Test
    void shouldHaveATemplateForEveryLetterKind() {
        LetterTemplates templates = new LetterTemplates(new LetterSettings());
        for (LetterKind kind : LetterKind.values()) {
            assertThat(LetterTemplatesTests.class.getResource("/templates/" + kind.template() + ".html"))
                    .as(kind.template()).isNotNull();
        }
        assertThat(templates).isNotNull();
    }
}
