package bj.gouv.masm.shared;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 description of {@code /api} (springdoc, generated from the controllers), served at
 * {@code /api/openapi.json} and browsable at {@code /api/docs} (Swagger UI from its webjar, no CDN),
 * both behind the same HTTP basic authentication as the API. French summaries are kept here, one
 * line per endpoint, so controllers stay free of documentation annotations; the error answers of
 * {@link ApiExceptionHandler} are added to every operation.
 */
@Configuration
public class OpenApiConfig {

    public static final String BASIC_AUTH = "basicAuth";
    public static final String API_ERROR = "ApiError";

    /** French summary of each endpoint: "METHOD path" → summary. */
    static final Map<String, String> SUMMARIES = Map.ofEntries(
            Map.entry("GET /api/partners", "Rechercher des partenaires (département, domaine, type, texte ; paginé)"),
            Map.entry("POST /api/partners", "Enregistrer un partenaire"),
            Map.entry("GET /api/partners/{id}", "Lire un partenaire"),
            Map.entry("PUT /api/partners/{id}", "Modifier un partenaire (tous les champs)"),
            Map.entry("POST /api/partners/import", "Importer des partenaires depuis un fichier CSV (rapport ligne par ligne)"),
            Map.entry("GET /api/reference", "Lire toutes les données de référence (départements, domaines, cibles…)"),
            Map.entry("GET /api/reference/{category}", "Lire une catégorie de données de référence"),
            Map.entry("GET /api/conventions", "Rechercher des conventions (partenaire, statut, département ; paginé)"),
            Map.entry("GET /api/conventions/{number}", "Lire une convention par son numéro"),
            Map.entry("GET /api/reports", "Lister les rapports trimestriels"),
            Map.entry("GET /api/reports/{key}", "Lire un rapport trimestriel"),
            Map.entry("GET /api/reports/{key}/indicators", "Lire les valeurs des indicateurs SIDoFFE d'un rapport"),
            Map.entry("POST /api/reports/{key}/indicators", "Déposer les valeurs des indicateurs SIDoFFE d'un rapport (JSON ou CSV, tout ou rien)"),
            Map.entry("GET /api/reports/{key}/activities", "Lire les activités déclarées dans un rapport"),
            Map.entry("POST /api/reports/{key}/activities", "Déclarer les activités d'un rapport"),
            Map.entry("POST /api/reporting/quarters/{quarter}/open", "Ouvrir à la main les rapports d'un trimestre échu (idempotent)"),
            Map.entry("GET /api/reporting/compliance", "Taux de rapportage par département (année, trimestre)"),
            Map.entry("GET /api/cps-support", "Lister les appuis des CPS"),
            Map.entry("POST /api/cps-support", "Enregistrer un appui d'un CPS à un partenaire sous convention"),
            Map.entry("GET /api/exports/iati/activities.xml", "Exporter les conventions au format IATI 2.03 (XML)"),
            Map.entry("GET /api/exports/{list}.{format}", "Exporter une liste (CSV ou Excel)"),
            Map.entry("POST /api/reviews/half-years/{halfYear}/open", "Ouvrir à la main les revues d'une période (AAAA-Sn ou AAAA-Qn ; idempotent)"),
            Map.entry("GET /api/reviews", "Lister les revues départementales d'une période et leur avancement"),
            Map.entry("GET /api/reviews/{key}", "Lire une revue départementale ou le rapport national d'une période"),
            Map.entry("GET /api/reviews/{key}/report.csv", "Télécharger le rapport d'une revue (CSV)"),
            Map.entry("GET /api/reviews/{key}/report.html", "Télécharger le rapport d'une revue (HTML imprimable)"),
            Map.entry("GET /api/recommendations", "Rechercher des recommandations (statut, responsable, département, source ; paginé)"),
            Map.entry("GET /api/recommendations/{id}", "Lire une recommandation"),
            Map.entry("PATCH /api/recommendations/{id}", "Changer le statut ou l'échéance d'une recommandation"),
            Map.entry("POST /api/recommendations/{id}/status", "Changer le statut ou l'échéance d'une recommandation (POST)"),
            Map.entry("GET /api/overlaps", "Lister les chevauchements d'activités entre partenaires"),
            Map.entry("POST /api/overlaps/{id}/review", "Statuer sur un chevauchement"),
            Map.entry("POST /api/overlaps/detect", "Relancer la détection des chevauchements"),
            Map.entry("GET /api/audit/conventions/{number}", "Qui a fait quoi sur une convention (historique)"),
            Map.entry("GET /api/audit/events", "Journal d'audit d'une période (du, au ; paginé ; administrateurs)"),
            Map.entry("POST /api/conventions/{number}/extension", "Prolonger une convention (nouvelle date de fin, motif)"),
            Map.entry("POST /api/conventions/{number}/suspension", "Suspendre une convention (motif)"),
            Map.entry("DELETE /api/conventions/{number}/suspension", "Lever la suspension d'une convention (motif)"),
            Map.entry("POST /api/conventions/{number}/termination", "Résilier une convention (motif)"),
            Map.entry("GET /api/conventions/{number}/document.pdf", "Télécharger la convention signée (PDF)"),
            Map.entry("GET /api/dossiers/{reference}/draft-convention.pdf", "Télécharger le projet de convention à signer (PDF)"),
            Map.entry("GET /api/partners/{id}/letters", "Lister les courriers d'un partenaire"),
            Map.entry("GET /api/letters/{id}", "Lire un courrier et son état d'envoi"),
            Map.entry("GET /api/letters/{id}/document.pdf", "Télécharger un courrier tel qu'il a été rédigé (PDF imprimable)"),
            Map.entry("GET /api/letters/{id}/attachments/{attachmentId}", "Télécharger une pièce jointe d'un courrier"),
            Map.entry("POST /api/letters/{id}/retry", "Remettre un courrier en échec dans la file d'envoi"),
            Map.entry("POST /api/partners/{id}/funded-activities", "Enregistrer une activité financée déclarée par un PTF"),
            Map.entry("GET /api/partners/{id}/funded-activities", "Lister les activités financées déclarées par un PTF"),
            Map.entry("POST /api/funding/declarations/{year}/open", "Ouvrir à la main les déclarations des PTF d'une année (idempotent)"),
            Map.entry("GET /api/funding/declarations", "Lister les déclarations des PTF d'une année"),
            Map.entry("POST /api/campaigns/ptf-invitations", "Inviter les PTF sans convention à déposer un dossier (campagne)"),
            Map.entry("POST /api/campaigns/framework-communication", "Communiquer le cadre de partenariat aux OSC (campagne, par département)"),
            Map.entry("GET /api/programmes", "Rechercher des programmes (paginé)"),
            Map.entry("POST /api/programmes", "Enregistrer un programme"),
            Map.entry("GET /api/programmes/{id}", "Lire un programme"),
            Map.entry("PUT /api/programmes/{id}", "Modifier un programme (tous les champs)"),
            Map.entry("DELETE /api/programmes/{id}", "Supprimer un programme"),
            Map.entry("POST /api/programmes/import", "Importer des programmes depuis un fichier CSV (rapport ligne par ligne)"),
            Map.entry("POST /api/programmes/evaluations/open", "Ouvrir à la main les évaluations de l'année des programmes de plus de cinq ans (idempotent)"),
            Map.entry("GET /api/coordination/kpi", "Indicateur des réunions de coordination tenues (année)"),
            Map.entry("GET /api/coordination/bodies", "Lister les instances de coordination et leur périodicité"),
            Map.entry("POST /api/coordination/periods/open", "Ouvrir à la main les réunions attendues de la période d'une date (idempotent)"),
            Map.entry("POST /api/joint-commission/sessions", "Demander une session de la commission mixte"),
            Map.entry("GET /api/reference/required-documents", "Lire la liste des pièces exigées pour un dossier de convention"),
            Map.entry("PUT /api/reference/required-documents", "Remplacer la liste des pièces exigées pour un dossier de convention"),
            Map.entry("GET /api/regularisations", "Lister les régularisations des OSC non agréées (suivi central)"),
            Map.entry("GET /api/cps-support/refusals", "Lister les appuis refusés par les CPS (suivi central)"));

    @Bean
    OpenAPI masmOpenApi() {
        return new OpenAPI()
                .info(new Info().title("MASM — Coopération : API")
                        .version("1")
                        .description("API JSON du suivi des partenariats du Ministère des Affaires Sociales et de la "
                                + "Microfinance. Authentification HTTP basic (mêmes comptes que Tasklist/Cockpit). "
                                + "Les erreurs sont du JSON avec un message lisible (et errors, la liste des erreurs "
                                + "de champ, sur un 400)."))
                .components(new Components()
                        .addSecuritySchemes(BASIC_AUTH, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("Identifiant et mot de passe de l'utilisateur Camunda"))
                        .addSchemas(API_ERROR, apiErrorSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH));
    }

    @Bean
    OpenApiCustomizer masmOperations() {
        return openApi -> {
            // springdoc drops schemas no operation refers to before the customizers run: (re)declare it here
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(API_ERROR, apiErrorSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                String summary = SUMMARIES.get(method.name() + " " + path);
                if (summary != null) {
                    operation.setSummary(summary);
                }
                addErrors(path, method, operation);
            }));
        };
    }

    private static void addErrors(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        put(responses, "400", "Requête invalide : message, et errors (champ, message) pour chaque champ refusé");
        put(responses, "401", "Authentification requise (HTTP basic)");
        put(responses, "403", "Votre groupe ne permet pas cette action");
        if (path.contains("{")) {
            put(responses, "404", "Introuvable (ou hors de votre département)");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH) {
            put(responses, "409", "Conflit : doublon ou état qui ne permet pas l'action");
        }
        operation.setResponses(responses);
    }

    private static void put(ApiResponses responses, String code, String description) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description)
                    .content(new Content().addMediaType("application/json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + API_ERROR)))));
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema apiErrorSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().description("Champ refusé"));
        fieldError.addProperty("message", new StringSchema().description("Pourquoi, en français"));
        ObjectSchema error = new ObjectSchema();
        error.description("Réponse d'erreur de l'API");
        error.addProperty("status", new IntegerSchema().description("Code HTTP"));
        error.addProperty("message", new StringSchema().description("Message lisible"));
        error.addProperty("errors", new ArraySchema().items(fieldError)
                .description("Erreurs de champ (400 sur une saisie invalide)"));
        error.addRequiredItem("message");
        return error;
    }
}
