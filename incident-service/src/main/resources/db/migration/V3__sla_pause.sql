-- Waiting for the reporter stops a report's SLA clock: since when it stands still, and the support time
-- of earlier pauses (the due dates are pushed by it when a changed priority recomputes them).
alter table fault_report add column sla_paused_at timestamptz;
alter table fault_report add column sla_paused_seconds bigint not null default 0;
