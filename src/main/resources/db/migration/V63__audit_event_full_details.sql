-- Audit events keep their full detail (issue 10, item 9): a long overlap reason or convention reason
-- must never be cut nor make the change fail. An unbounded varchar is PostgreSQL's text (and H2's
-- longest character string), so Hibernate still validates the column as a string.
alter table audit_event alter column details set data type varchar;

-- Administrators list audit events by period (GET /api/audit/events?from=&to=).
create index ix_audit_occurred_at on audit_event (occurred_at);
