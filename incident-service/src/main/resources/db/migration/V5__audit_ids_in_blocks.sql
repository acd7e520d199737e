-- Audit entries take their ids from a sequence 50 at a time (Hibernate's pooled optimizer), so a report and
-- its first entry are inserted together at flush rather than one identity insert each. The sequence
-- starts beyond every id given so far; a row inserted without an id still gets one from it.
create sequence fault_report_audit_seq increment by 50;
select setval('fault_report_audit_seq', coalesce((select max(id) from fault_report_audit), 0) + 50);
alter table fault_report_audit alter column id drop identity;
alter table fault_report_audit alter column id set default nextval('fault_report_audit_seq');
alter sequence fault_report_audit_seq owned by fault_report_audit.id;
