-- bench/intake.sh's reference: one fault report row per transaction into a table shaped like
-- fault_report (the same columns and indexes), in the same PostgreSQL.
insert into intake_reference (id, reference, reporter_hsa_id, unit_name, contact_name, contact_email,
    contact_phone, language, region, system, description, urgency, status, observed_at, received_at,
    updated_at, response_due, resolve_due, version)
values (gen_random_uuid(), left(gen_random_uuid()::text, 20), 'SE2321000230-V17', 'Bench intake',
    'Bench Kontakt', 'felanmalan-17@example.se', '+46 23 49 00 00', 'sv', 'dalarna', 'takecare',
    'takecare svarar inte: inloggningen hänger efter lösenordet.', 'HIGH', 'NEW', null, now(), now(),
    now() + interval '1 hour', now() + interval '8 hours', 0);
