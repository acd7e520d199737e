-- bench/intake.sh: :n old fault reports (the last two years, none in the last day) spread over the
-- catalog's regions and systems, most of them closed, each with the audit entry it got on arrival.
-- References continue the service's own numbering, which then goes on after them.
\set ON_ERROR_STOP on
begin;
create temporary table seed_system (region text, system text) on commit drop;
insert into seed_system values
  ('norrbotten','cosmic'),('norrbotten','vas-las'),('norrbotten','labportalen'),('norrbotten','sectra'),
  ('norrbotten','lifecare-sp'),('kronoberg','cosmic'),('kronoberg','sectra-pacs-vna'),('kronoberg','1177'),
  ('kronoberg','tele-q'),('dalarna','takecare'),('dalarna','sema-200'),('dalarna','webcert'),
  ('dalarna','npo'),('dalarna','picsara'),('varmland','cosmic'),('varmland','1177'),('varmland','rgs-webb'),
  ('jamtland-harjedalen','citrix'),('jamtland-harjedalen','npo'),('jamtland-harjedalen','pascal'),
  ('jamtland-harjedalen','1177');
create temporary table seed_report on commit drop as
select gen_random_uuid() as id,
       (select last_value from fault_report_number) + g as number,
       s.region, s.system,
       now() - interval '1 day' - random() * interval '729 days' as received_at,
       (array['LOW','MEDIUM','HIGH'])[1 + (g % 3)] as urgency,
       (array['CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','RESOLVED','RESOLVED','IN_PROGRESS','NEW'])[1 + (g % 10)] as status
from generate_series(1, :n) g
join lateral (select * from seed_system order by random() + g * 0 limit 1) s on true;
insert into fault_report (id, reference, reporter_hsa_id, unit_name, contact_name, contact_email, contact_phone,
    language, region, system, description, urgency, impact, priority, responsibility, assignee, status,
    time_spent_minutes, observed_at, received_at, updated_at, response_due, resolve_due, version,
    sla_paused_seconds)
select id, 'FR-' || extract(year from received_at at time zone 'Europe/Stockholm') || '-' || lpad(number::text, 6, '0'),
       'SE2321000230-U' || (number % 500), 'Vårdcentralen ' || (number % 500), 'Kontakt ' || (number % 97),
       'enhet' || (number % 500) || '@example.se', '+46 920 ' || (number % 1000), 'sv', region, system,
       'Historisk felanmälan ' || number || ': ' || system || ' svarade inte vid inloggning på morgonen.',
       urgency, case when status = 'NEW' then null else 'MEDIUM' end,
       case when status = 'NEW' then null else 'P3' end,
       case when status = 'NEW' then null else 'REGION' end,
       case when status = 'NEW' then null else 'tekniker' || (number % 12) end,
       status, case when status = 'NEW' then 0 else 15 end, received_at - interval '10 minutes',
       received_at, received_at + interval '2 days', received_at + interval '4 hours',
       received_at + interval '27 hours', 1, 0
from seed_report;
insert into fault_report_audit (report_id, actor, at, field, from_value, to_value)
select id, 'reporter SE2321000230-U' || (number % 500), received_at, 'status', null, 'NEW' from seed_report;
select setval('fault_report_number', (select max(number) from seed_report));
commit;
analyze fault_report;
analyze fault_report_audit;
