-- 1,000,000 (or :n) events for one organisation, spread over its cameras and the last 30 days.
-- psql -v org=ORG_ID -v cams=CAM1,CAM2,... -v n=1000000 -f insert-events.sql (as the postgres superuser)
INSERT INTO events (id, organization_id, camera_id, violation_type, severity, confidence,
                    bbox_x, bbox_y, bbox_w, bbox_h, created_at)
SELECT gen_random_uuid(),
       :'org'::uuid,
       cams[1 + (g % array_length(cams, 1))],
       (ARRAY['no_hardhat', 'no_vest', 'zone_breach'])[1 + (g % 3)],
       (ARRAY['low', 'medium', 'high', 'critical'])[1 + ((g / 3) % 4)],
       0.5 + random() * 0.5,
       random() * 1000, random() * 600, 20 + random() * 200, 40 + random() * 300,
       now() - random() * interval '30 days'
FROM generate_series(1, :n) AS g,
     (SELECT string_to_array(:'cams', ',')::uuid[] AS cams) AS c;
VACUUM (ANALYZE) events;
SELECT count(*) AS events FROM events WHERE organization_id = :'org'::uuid;
