-- Report numbers are taken 49 at a time (ReportNumbers): one nextval per block instead of one per report.
-- The sequence steps by 50 and the value nextval returns is never a number itself, only the block after it
-- (value + 1 … value + 49), so a replica of the previous version that still takes nextval as its number
-- during a rolling upgrade meets no number a block holds.
alter sequence fault_report_number increment by 50;
