#!/usr/bin/env python3
"""Generates the French Camunda Forms (form-js schemaVersion 16) of ConventionLifecycle into forms/.
The forms are the deliverable (edit them in Camunda Modeler); this script only wrote their first version."""
import json, os

OUT = os.path.join(os.path.dirname(__file__), '..', 'forms')

def form(form_id, components):
    for i, c in enumerate(components):
        c.setdefault('id', 'Field_%s_%d' % (c.get('key', c['type']), i))
    return {'schemaVersion': 16, 'exporter': {'name': 'Camunda Modeler', 'version': '5.28.0'},
            'executionPlatform': 'Camunda Platform', 'executionPlatformVersion': '7.24.0',
            'type': 'default', 'id': form_id, 'components': components}

def text(t):
    return {'type': 'text', 'text': t}

def opts(pairs):
    return [{'label': l, 'value': v} for v, l in pairs]

YES_NO = opts([('true', 'Oui'), ('false', 'Non')])
CONTEXT = [
    text('### {{partnerName}}\n\n**Type :** {{partnerKindLabel}}  \n**Département :** {{departmentLabel}}  \n'
         '**Référence du dossier :** {{dossierReference}}'),
    text('{{dossierSummary}}'),
    text('#### Avis et décisions antérieurs\n\n{{previousOpinions}}'),
]
CHECKLIST = {'type': 'checklist', 'key': 'receivedDocuments', 'label': 'Pièces reçues (liste fixée par le Ministère)',
             'valuesKey': 'requiredDocumentOptions', 'description': 'Cochez les pièces effectivement reçues.'}

AXES = opts([('AXIS_1', "1. Capacités institutionnelles, techniques et opérationnelles du Ministère"),
             ('AXIS_2', '2. Modernisation des services du Ministère'),
             ('AXIS_3', '3. Guichets uniques de protection sociale'), ('AXIS_4', '4. Protection sociale adaptative'),
             ('AXIS_5', '5. Valeurs familiales, égalité et équité de genre'),
             ('AXIS_6', '6. Autonomisation économique des femmes'),
             ('AXIS_7', '7. Inclusion financière des groupes vulnérables'),
             ('AXIS_8', '8. Produits financiers innovants et abordables')])
DOMAINS = opts([('WOMEN_EMPOWERMENT_GBV', 'Autonomisation de la femme / VBG'), ('CHILD_PROTECTION', "Protection de l'enfant"),
                ('SOCIAL_PROTECTION', 'Protection sociale'), ('FAMILY', 'Promotion de la famille'),
                ('GENDER_EQUALITY', 'Égalité de genre'), ('DISABILITY', 'Inclusion des personnes handicapées'),
                ('ELDERLY', 'Personnes âgées'), ('FINANCIAL_INCLUSION', 'Inclusion financière'),
                ('MICROFINANCE', 'Microfinance'), ('HUMANITARIAN', 'Action humanitaire / solidarité'),
                ('PSYCHOSOCIAL', 'Prise en charge psychosociale')])
DEPARTMENTS = opts([('ALIBORI', 'Alibori'), ('ATACORA', 'Atacora'), ('ATLANTIQUE', 'Atlantique'), ('BORGOU', 'Borgou'),
                    ('COLLINES', 'Collines'), ('COUFFO', 'Couffo'), ('DONGA', 'Donga'), ('LITTORAL', 'Littoral'),
                    ('MONO', 'Mono'), ('OUEME', 'Ouémé'), ('PLATEAU', 'Plateau'), ('ZOU', 'Zou')])

forms = {
 'convention-dossier-start.form': form('ConventionDossierStart', [
    text('## Dépôt d\'un dossier de conventionnement\n\nIdentifiez le partenaire enregistré (PTF ou OSC). '
         'Le dossier d\'une OSC est contrôlé par le CPS de son département ; celui d\'un PTF va directement à la DPAF. '
         'La référence du dossier (DOS-année-numéro) est attribuée au dépôt.'),
    {'type': 'textfield', 'key': 'partnerQuery', 'label': "Partenaire : numéro d'enregistrement ou nom",
     'description': 'Tel qu\'inscrit au registre des partenaires.', 'validate': {'required': True, 'maxLength': 200}},
    {'type': 'textarea', 'key': 'cooperationObject', 'label': 'Objet de la coopération', 'validate': {'maxLength': 2000}},
    {'type': 'checklist', 'key': 'requestedAxes', 'label': 'Axes de coopération demandés', 'values': AXES},
    {'type': 'taglist', 'key': 'requestedDomains', 'label': "Domaines d'intervention",
     'description': 'Vide : les domaines inscrits au registre.', 'values': DOMAINS},
    {'type': 'taglist', 'key': 'requestedDepartments', 'label': "Départements d'intervention",
     'description': 'Vide : les départements inscrits au registre.', 'values': DEPARTMENTS},
    {'type': 'number', 'key': 'requestedDurationMonths', 'label': 'Durée souhaitée (mois, 6 à 60)',
     'validate': {'min': 6, 'max': 60}},
 ]),
 'convention-check-dossier.form': form('ConventionCheckDossier', [
    text('## Contrôle de complétude du dossier (CPS)'), *CONTEXT, CHECKLIST,
    {'type': 'radio', 'key': 'dossierComplete', 'label': 'Le dossier est-il complet ?', 'values': YES_NO,
     'validate': {'required': True}},
    {'type': 'textarea', 'key': 'missingDocuments', 'label': 'Pièces manquantes à demander au partenaire',
     'conditional': {'hide': '=dossierComplete != "false"'}, 'validate': {'required': True, 'maxLength': 2000}},
    {'type': 'textarea', 'key': 'checkComment', 'label': 'Observations du CPS (transmises à la DPAF)',
     'validate': {'maxLength': 2000}},
 ]),
 'convention-review-dossier.form': form('ConventionReviewDossier', [
    text('## Examen du dossier et avis (DPAF)'), *CONTEXT, CHECKLIST,
    {'type': 'radio', 'key': 'reviewOpinion', 'label': 'Avis', 'validate': {'required': True},
     'values': opts([('FAVOURABLE', 'Favorable : transmettre à la signature'),
                     ('UNFAVOURABLE', 'Défavorable : rejeter le dossier'),
                     ('INCOMPLETE', 'Incomplet : demander des pièces')])},
    {'type': 'textarea', 'key': 'missingDocuments', 'label': 'Pièces manquantes à demander',
     'conditional': {'hide': '=reviewOpinion != "INCOMPLETE"'}, 'validate': {'maxLength': 2000}},
    {'type': 'textarea', 'key': 'reviewComment', 'label': 'Commentaire / motif (obligatoire si défavorable)',
     'validate': {'maxLength': 2000}},
 ]),
 'convention-receive-missing-documents.form': form('ConventionReceiveMissingDocuments', [
    text('## Réception des pièces manquantes\n\nÀ la réception des pièces, le dossier retourne à l\'étape qui les a '
         'demandées. Passé le délai (échéance de la tâche), le dossier est classé sans suite.'), *CONTEXT, CHECKLIST,
 ]),
 'convention-sign-convention.form': form('ConventionSignConvention', [
    text('## Signature de la convention (SGM)'), *CONTEXT,
    text('{{conventionSummary}}'),
    {'type': 'datetime', 'subtype': 'date', 'key': 'signedOn', 'dateLabel': 'Date de signature',
     'validate': {'required': True}},
    {'type': 'number', 'key': 'durationMonths', 'label': 'Durée (mois, 6 à 60)',
     'validate': {'required': True, 'min': 6, 'max': 60}},
    {'type': 'textfield', 'key': 'partnerSignatory', 'label': 'Signataire pour le partenaire (nom et fonction)',
     'validate': {'required': True, 'maxLength': 160}},
    text('#### Éléments obligatoires de la convention\n\nDomaines de collaboration : ceux du dossier ; durée : ci-dessus.'),
    {'type': 'textarea', 'key': 'obligations', 'label': 'Obligations des parties', 'validate': {'required': True, 'maxLength': 2000},
     'defaultValue': "Le Ministère facilite l'accès aux services déconcentrés et aux données ; le partenaire met en œuvre "
                     "les activités convenues et en rend compte."},
    {'type': 'textarea', 'key': 'monitoringArrangement', 'label': 'Dispositif de suivi-évaluation',
     'validate': {'required': True, 'maxLength': 2000},
     'defaultValue': 'Évaluation à mi-parcours et évaluation finale par la DPAF ; revues sectorielles semestrielles.'},
    {'type': 'textarea', 'key': 'renewalConditions', 'label': 'Conditions de renouvellement',
     'validate': {'required': True, 'maxLength': 2000},
     'defaultValue': "Renouvelable sur demande du partenaire, au vu de l'évaluation finale et du respect des obligations de rapportage."},
    {'type': 'textarea', 'key': 'accompaniment', 'label': "Modalités d'accompagnement",
     'validate': {'required': True, 'maxLength': 2000},
     'defaultValue': "Appui technique du CPS et des directions techniques du Ministère."},
    {'type': 'textarea', 'key': 'accountability', 'label': 'Système de redevabilité (rapports)',
     'validate': {'required': True, 'maxLength': 2000},
     'defaultValue': "Rapports trimestriels au CPS et renseignement des 77 indicateurs SIDoFFE."},
 ]),
 'convention-evaluate-mid-term.form': form('ConventionEvaluateMidTerm', [
    text('## Évaluation à mi-parcours (DPAF)'), *CONTEXT[:1], text('{{conventionSummary}}'),
    {'type': 'radio', 'key': 'midTermRating', 'label': 'Appréciation', 'validate': {'required': True},
     'values': opts([('ON_TRACK', 'En bonne voie'), ('AT_RISK', 'À risque'), ('OFF_TRACK', 'Hors trajectoire')])},
    {'type': 'textarea', 'key': 'midTermRecommendations', 'label': 'Premières conclusions et recommandations '
     '(obligatoires sauf « En bonne voie »)', 'validate': {'maxLength': 2000}},
 ]),
 'convention-evaluate-final.form': form('ConventionEvaluateFinal', [
    text('## Évaluation finale (DPAF)\n\nLe renouvellement est décidé par la table de décision RenewalDecision '
         '(résultats, demande du partenaire, respect du rapportage).'), *CONTEXT[:1], text('{{conventionSummary}}'),
    {'type': 'radio', 'key': 'finalRating', 'label': 'Résultats de la convention', 'validate': {'required': True},
     'values': opts([('ACHIEVED', 'Atteints'), ('PARTIALLY_ACHIEVED', 'Partiellement atteints'),
                     ('NOT_ACHIEVED', 'Non atteints')])},
    {'type': 'radio', 'key': 'renewalRequested', 'label': 'Le partenaire demande-t-il le renouvellement ?',
     'values': YES_NO, 'validate': {'required': True}},
    {'type': 'textarea', 'key': 'finalRecommendations', 'label': 'Conclusions et recommandations',
     'validate': {'maxLength': 2000}},
 ]),
}
for name, content in forms.items():
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
        json.dump(content, f, ensure_ascii=False, indent=2)
        f.write('\n')
print('wrote', len(forms), 'forms')
