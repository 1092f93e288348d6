-- The audit trail names a convention's events with one entity type, 'convention' (ConventionService.ENTITY):
-- the accreditation revocation wrote 'Convention' until now (README, "One rule, one place").
update audit_event set entity_type = 'convention' where entity_type in ('Convention', 'CONVENTION');
