-- Reference data: codes as in docs/contract.md, French labels for the UI.
-- Analysts/administrators may add rows (new domains, target groups, documents) by migration.

create table ref_department (
    code varchar(40) primary key,
    label varchar(120) not null,
    sort_order int not null
);

create table ref_sub_sector (
    code varchar(40) primary key,
    label varchar(120) not null,
    sort_order int not null
);

create table ref_domain (
    code varchar(40) primary key,
    label varchar(160) not null,
    sort_order int not null
);

create table ref_target_group (
    code varchar(40) primary key,
    label varchar(120) not null,
    sort_order int not null
);

create table ref_cooperation_axis (
    code varchar(40) primary key,
    label varchar(240) not null,
    sort_order int not null
);

-- Aligned with the IATI OrganisationType code list (iati_code)
create table ref_organisation_type (
    code varchar(40) primary key,
    label varchar(160) not null,
    iati_code varchar(4) not null,
    sort_order int not null
);

insert into ref_department (code, label, sort_order) values
 ('ALIBORI', 'Alibori', 1), ('ATACORA', 'Atacora', 2), ('ATLANTIQUE', 'Atlantique', 3),
 ('BORGOU', 'Borgou', 4), ('COLLINES', 'Collines', 5), ('COUFFO', 'Couffo', 6),
 ('DONGA', 'Donga', 7), ('LITTORAL', 'Littoral', 8), ('MONO', 'Mono', 9),
 ('OUEME', 'Ouémé', 10), ('PLATEAU', 'Plateau', 11), ('ZOU', 'Zou', 12);

insert into ref_sub_sector (code, label, sort_order) values
 ('SOCIAL_AFFAIRS', 'Affaires sociales', 1),
 ('MICROFINANCE', 'Microfinance', 2);

insert into ref_domain (code, label, sort_order) values
 ('WOMEN_EMPOWERMENT_GBV', 'Autonomisation de la femme / violences basées sur le genre', 1),
 ('CHILD_PROTECTION', 'Protection de l''enfant', 2),
 ('SOCIAL_PROTECTION', 'Protection sociale', 3),
 ('FAMILY', 'Promotion de la famille', 4),
 ('GENDER_EQUALITY', 'Égalité de genre', 5),
 ('DISABILITY', 'Inclusion des personnes handicapées', 6),
 ('ELDERLY', 'Personnes âgées', 7),
 ('FINANCIAL_INCLUSION', 'Inclusion financière', 8),
 ('MICROFINANCE', 'Microfinance', 9),
 ('HUMANITARIAN', 'Action humanitaire / solidarité', 10),
 ('PSYCHOSOCIAL', 'Prise en charge psychosociale', 11);

insert into ref_target_group (code, label, sort_order) values
 ('WOMEN', 'Femmes', 1), ('GIRLS', 'Filles', 2), ('CHILDREN', 'Enfants', 3),
 ('ELDERLY', 'Personnes âgées', 4), ('DISABLED', 'Personnes handicapées', 5);

insert into ref_cooperation_axis (code, label, sort_order) values
 ('AXIS_1', 'Renforcement des capacités institutionnelles, techniques et opérationnelles du Ministère', 1),
 ('AXIS_2', 'Modernisation des services du Ministère', 2),
 ('AXIS_3', 'Guichets uniques de protection sociale', 3),
 ('AXIS_4', 'Protection sociale adaptative', 4),
 ('AXIS_5', 'Valeurs familiales, égalité et équité de genre', 5),
 ('AXIS_6', 'Autonomisation économique des femmes', 6),
 ('AXIS_7', 'Inclusion financière des groupes vulnérables', 7),
 ('AXIS_8', 'Produits financiers innovants et abordables pour les groupes vulnérables', 8);

insert into ref_organisation_type (code, label, iati_code, sort_order) values
 ('GOVERNMENT', 'Gouvernement', '10', 1),
 ('BILATERAL_AGENCY', 'Agence bilatérale / ambassade', '10', 2),
 ('LOCAL_GOVERNMENT', 'Collectivité locale', '11', 3),
 ('OTHER_PUBLIC_SECTOR', 'Autre secteur public', '15', 4),
 ('INTERNATIONAL_NGO', 'ONG internationale', '21', 5),
 ('NATIONAL_NGO', 'ONG nationale', '22', 6),
 ('REGIONAL_NGO', 'ONG régionale', '23', 7),
 ('PUBLIC_PRIVATE_PARTNERSHIP', 'Partenariat public-privé', '30', 8),
 ('MULTILATERAL', 'Organisation multilatérale', '40', 9),
 ('FOUNDATION', 'Fondation', '60', 10),
 ('PRIVATE_SECTOR', 'Secteur privé', '70', 11),
 ('ACADEMIC', 'Institution académique / de recherche', '80', 12),
 ('OTHER', 'Autre', '90', 13);
