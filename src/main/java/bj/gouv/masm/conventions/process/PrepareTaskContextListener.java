package bj.gouv.masm.conventions.process;

import static bj.gouv.masm.conventions.LifecycleVariables.*;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionEvaluation;
import bj.gouv.masm.conventions.ConventionService;
import bj.gouv.masm.conventions.Dossier;
import bj.gouv.masm.conventions.DossierService;
import bj.gouv.masm.conventions.RequiredDocuments;
import bj.gouv.masm.partners.PartnerHeading;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.shared.FormInput;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * When a lifecycle task is created: puts the read-only context its form shows into TASK-LOCAL variables
 * (partner name, kind, department, dossier, earlier opinions, the required-documents checklist read from
 * ref_required_document), so process variables keep references and decisions only; and clears the
 * decision this task is about to take (a re-check decides afresh, the server sees a missing answer).
 */
@Component("prepareTaskContextListener")
@RequiredArgsConstructor
public class PrepareTaskContextListener implements TaskListener {

    /** Task-local display variables (form text templates). */
    public static final String PARTNER_NAME = "partnerName";
    public static final String PARTNER_KIND_LABEL = "partnerKindLabel";
    public static final String DEPARTMENT_LABEL = "departmentLabel";
    public static final String DOSSIER_SUMMARY = "dossierSummary";
    public static final String PREVIOUS_OPINIONS = "previousOpinions";
    public static final String CONVENTION_SUMMARY = "conventionSummary";
    public static final String REQUIRED_DOCUMENT_OPTIONS = "requiredDocumentOptions";

    static final String DEADLINE_EVENT = "BoundaryEvent_MissingDocumentsDeadline";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final Map<String, List<String>> DECISIONS = Map.of(
            TASK_CHECK_DOSSIER, List.of(DOSSIER_COMPLETE, MISSING_DOCUMENTS, CHECK_COMMENT),
            TASK_REVIEW_DOSSIER, List.of(REVIEW_OPINION, REVIEW_COMMENT),
            TASK_SIGN_CONVENTION, List.of(SIGNED_ON, DURATION_MONTHS, PARTNER_SIGNATORY, SIGNATURE_DECISION,
                    SIGNATURE_COMMENT),
            TASK_RECORD_SYNTHESIS_REPORT, List.of(SYNTHESIS_RECEIVED_ON, SYNTHESIS_WORK_SUMMARY, SYNTHESIS_ASSESSMENT,
                    SYNTHESIS_RECOMMENDATIONS),
            TASK_EVALUATE_MID_TERM, List.of(MID_TERM_RATING, MID_TERM_RECOMMENDATIONS),
            TASK_EVALUATE_FINAL, List.of(FINAL_RATING, FINAL_RECOMMENDATIONS, RENEWAL_REQUESTED));

    private final DossierService dossiers;
    private final ConventionService conventions;
    private final PartnerRepository partners;
    private final RequiredDocuments requiredDocuments;
    private final ReferenceDataService reference;
    private final Clock clock;
    private final ObjectMapper objectMapper = new ObjectMapper();

    @Override
    public void notify(DelegateTask task) {
        String taskKey = task.getTaskDefinitionKey();
        for (String decision : DECISIONS.getOrDefault(taskKey, List.of())) {
            task.getExecution().getProcessInstance().removeVariable(decision);
        }
        Dossier dossier = dossiers.get((String) task.getVariable(DOSSIER_REFERENCE));
        PartnerHeading partner = partners.findHeadingById(dossier.getPartnerId()).orElseThrow();
        task.setVariableLocal(PARTNER_NAME, partner.getName()
                + (partner.getAcronym() != null ? " (" + partner.getAcronym() + ")" : ""));
        task.setVariableLocal(PARTNER_KIND_LABEL, switch (partner.getKind()) {
            case OSC -> "OSC (organisation de la société civile)";
            case PTF -> "PTF (partenaire technique et financier)";
        });
        task.setVariableLocal(DEPARTMENT_LABEL, dossier.getDepartment() == null ? "Niveau central"
                : reference.label(ReferenceCategory.DEPARTMENT, dossier.getDepartment()));
        task.setVariableLocal(DOSSIER_SUMMARY, dossierSummary(dossier));
        task.setVariableLocal(PREVIOUS_OPINIONS, previousOpinions(dossier));

        switch (taskKey) {
            case TASK_CHECK_DOSSIER, TASK_REVIEW_DOSSIER, TASK_RECEIVE_MISSING_DOCUMENTS -> {
                task.setVariableLocal(REQUIRED_DOCUMENT_OPTIONS, checklist(dossier));
                // the checklist opens with what was received so far; unchanged (the previous task has just
                // recorded it from this very variable), it is not written again with its history
                if (!holdsAsJson(task, dossier.getReceivedDocuments())) {
                    task.getExecution().getProcessInstance().setVariable(RECEIVED_DOCUMENTS,
                            SpinValues.jsonValue(toJson(new ArrayList<>(dossier.getReceivedDocuments()))).create());
                }
            }
            default -> { }
        }
        if (TASK_RECEIVE_MISSING_DOCUMENTS.equals(taskKey)) {
            deadline(task).ifPresent(due -> {
                task.setDueDate(due);
                dossiers.recordDeadline(dossier.getReference(), OffsetDateTime.ofInstant(due.toInstant(), clock.getZone()));
            });
        }
        Object number = task.getVariable(CONVENTION_NUMBER);
        if (number != null && !TASK_SIGN_CONVENTION.equals(taskKey)) {
            task.setVariableLocal(CONVENTION_SUMMARY, conventionSummary(conventions.get(number.toString())));
        }
        if (TASK_SIGN_CONVENTION.equals(taskKey) && dossier.getRenewalOf() != null) {
            task.setVariableLocal(CONVENTION_SUMMARY, "Renouvellement de la convention " + dossier.getRenewalOf()
                    + " : " + conventionSummary(conventions.get(dossier.getRenewalOf())));
        }
    }

    /** Whether the case's {@code receivedDocuments} already is a JSON list of exactly these codes (what the form reads). */
    private static boolean holdsAsJson(DelegateTask task, Set<String> received) {
        TypedValue current =
                task.getExecution().getProcessInstance().getVariableTyped(RECEIVED_DOCUMENTS, true);
        return current != null && current.getType() != null && "json".equals(current.getType().getName())
                && FormInput.codes(current.getValue()).equals(new TreeSet<>(received));
    }

    /**
     * The deadline the boundary timer BoundaryEvent_MissingDocumentsDeadline will have (its job is created
     * after this listener runs): the duration an analyst wrote in the BPMN, from now. Shown as the task's due date.
     */
    private java.util.Optional<java.util.Date> deadline(DelegateTask task) {
        BoundaryEvent boundary = task.getExecution().getBpmnModelInstance()
                .getModelElementById(DEADLINE_EVENT);
        if (boundary == null) {
            return java.util.Optional.empty();
        }
        for (EventDefinition definition : boundary.getEventDefinitions()) {
            if (definition instanceof TimerEventDefinition timer && timer.getTimeDuration() != null) {
                String duration = timer.getTimeDuration().getTextContent().trim();
                if (!duration.contains("$") && !duration.contains("#")) {
                    try {
                        return java.util.Optional.of(new DurationHelper(duration).getDateAfter());
                    } catch (Exception e) {
                        return java.util.Optional.empty();
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    private String dossierSummary(Dossier dossier) {
        List<String> lines = new ArrayList<>();
        lines.add("Dossier " + dossier.getReference() + (dossier.getRenewalOf() != null
                ? " (renouvellement de " + dossier.getRenewalOf() + ")" : ""));
        if (dossier.getCooperationObject() != null) {
            lines.add("Objet : " + dossier.getCooperationObject());
        }
        if (!dossier.getAxes().isEmpty()) {
            lines.add("Axes : " + labels(ReferenceCategory.COOPERATION_AXIS, dossier.getAxes()));
        }
        if (!dossier.getDomains().isEmpty()) {
            lines.add("Domaines : " + labels(ReferenceCategory.DOMAIN, dossier.getDomains()));
        }
        if (!dossier.getDepartments().isEmpty()) {
            lines.add("Départements : " + labels(ReferenceCategory.DEPARTMENT, dossier.getDepartments()));
        }
        if (dossier.getRequestedDurationMonths() != null) {
            lines.add("Durée souhaitée : " + dossier.getRequestedDurationMonths() + " mois");
        }
        return String.join("\n\n", lines);
    }

    private String previousOpinions(Dossier dossier) {
        List<String> lines = new ArrayList<>();
        if (dossier.getCheckComment() != null) {
            lines.add("Contrôle CPS : " + dossier.getCheckComment());
        }
        if (dossier.getMissingDocuments() != null) {
            lines.add("Pièces manquantes demandées : " + dossier.getMissingDocuments());
        }
        if (dossier.getReviewOpinion() != null) {
            lines.add("Avis DPAF : " + switch (dossier.getReviewOpinion()) {
                case FAVOURABLE -> "favorable";
                case UNFAVOURABLE -> "défavorable";
                case INCOMPLETE -> "dossier incomplet";
            } + (dossier.getReviewComment() != null ? " — " + dossier.getReviewComment() : ""));
        }
        if (dossier.getSignatureComment() != null) {
            lines.add("Renvoi par le SGM : " + dossier.getSignatureComment());
        }
        return lines.isEmpty() ? "Aucun avis antérieur." : String.join("\n\n", lines);
    }

    private String conventionSummary(Convention convention) {
        StringBuilder text = new StringBuilder("Convention " + convention.getNumber() + ", signée le "
                + DATE.format(convention.getSignedOn()) + " pour " + convention.getDurationMonths() + " mois (du "
                + DATE.format(convention.getStartDate()) + " au " + DATE.format(convention.getEndDate()) + ").");
        if (convention.getStatus() != bj.gouv.masm.conventions.ConventionStatus.ACTIVE) {
            text.append("\n\nStatut : ").append(bj.gouv.masm.conventions.ConventionTermsService
                    .statusLabel(convention.getStatus()))
                    .append(convention.getClosedReason() != null ? " — " + convention.getClosedReason() : "");
        }
        for (ConventionEvaluation evaluation : conventions.evaluationsOf(convention.getNumber())) {
            text.append("\n\nÉvaluation ").append(ConventionEvaluation.MID_TERM.equals(evaluation.getKind())
                    ? "à mi-parcours" : "finale").append(" : ").append(evaluation.getRating())
                    .append(evaluation.getRecommendations() != null ? " — " + evaluation.getRecommendations() : "");
        }
        return text.toString();
    }

    private Object checklist(Dossier dossier) {
        List<Map<String, String>> options = new ArrayList<>();
        for (var document : requiredDocuments.requiredFrom(dossier.getPartnerKind())) {
            Map<String, String> option = new LinkedHashMap<>();
            option.put("label", document.label());
            option.put("value", document.code());
            options.add(option);
        }
        return SpinValues.jsonValue(toJson(options)).create();
    }

    private String labels(ReferenceCategory category, java.util.Collection<String> codes) {
        return codes.stream().map(c -> reference.label(category, c)).collect(Collectors.joining(", "));
    }

    private String toJson(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
