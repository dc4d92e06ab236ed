-- bench/scale.sh: :jobs finished jobs in the JDBC store's row format (JdbcRows), into :table.
-- Job i (0 .. :jobs-1) has id bench-<i, 8 digits>; its owner is i % 4 (token:alice owns i % 4 = 0),
-- its state (i / 4) % 20 (16 completed, 2 failed, 1 stopped, 1 deleted), its command (i / 80) % 5, so
-- every owner has every state and command. Created over the last 30 days, newest with the highest i.
INSERT INTO :table (job_id, command, params, owner, roles, status, progress, description, result, error,
    stop_requested, created_at, started_at, finished_at, updated_at, node_id, caller_attributes)
SELECT 'bench-' || lpad(i::text, 8, '0'),
       (ARRAY['chunk', 'long_task', 'audit_report', 'import_file', 'export_csv'])[(i / 80) % 5 + 1],
       '{"text":"' || repeat('Lorem ipsum dolor sit amet, consectetur adipiscing. ', 4) || i || '","window":3}',
       (ARRAY['token:alice', 'token:bob', 'token:carol', 'token:dave'])[i % 4 + 1],
       '["user"]',
       st,
       CASE st WHEN 'completed' THEN 100 WHEN 'deleted' THEN 0 ELSE (i * 37) % 100 END,
       CASE st WHEN 'completed' THEN 'chunked 12 of 12 sentences' WHEN 'failed' THEN 'step 3 of 10'
               WHEN 'stopped' THEN 'stopped at step 4' ELSE '' END,
       CASE st WHEN 'completed' THEN '{"count":4,"chunks":["' || repeat('Lorem ipsum dolor sit amet. ', 5)
               || '","' || repeat('Sed do eiusmod tempor incididunt. ', 4) || '","'
               || repeat('Ut enim ad minim veniam. ', 5) || '","' || i || '"]}' END,
       CASE st WHEN 'failed' THEN '{"code":-32000,"message":"Command failed: upstream answered 503","data":{"attempt":'
               || (i % 5) || ',"reason":"upstream_unavailable"}}' END,
       st = 'stopped',
       created,
       CASE WHEN st <> 'deleted' THEN created + interval '50 milliseconds' END,
       created + make_interval(secs => 1 + i % 60),
       created + make_interval(secs => 1 + i % 60),
       'bench-node',
       '{"authenticated_by":["token"]}'
FROM (SELECT i,
             (ARRAY['completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'completed',
                    'completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'completed',
                    'completed', 'completed', 'failed', 'failed', 'stopped', 'deleted'])[(i / 4) % 20 + 1] AS st,
             now() - interval '30 days' + make_interval(secs => i * 2592000.0 / :jobs) AS created
      FROM generate_series(0, :jobs - 1) AS i) AS seeded;
