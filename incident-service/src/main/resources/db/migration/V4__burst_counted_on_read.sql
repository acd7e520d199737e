-- An open burst suggestion's reports are counted when the helpdesk reads it (index fault_report_burst),
-- no longer written to the suggestion by every report: that row serialised a whole burst's reports.
alter table burst_suggestion drop column report_count;
alter table burst_suggestion drop column last_report_at;
