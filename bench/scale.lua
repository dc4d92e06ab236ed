-- wrk script of bench/scale.sh: one kind of call per run, chosen by the environment.
--   TARGET  path (/api/jsonrpc, /health)
--   BODY    JSON-RPC body for a POST (empty: GET); %ID% is replaced by a random seeded job of alice
--   JOBS    how many jobs were seeded (ids bench-00000000 .. JOBS-1; alice owns those divisible by 4)
--   TOKEN   bearer token (empty: none)
-- Counts as an error: an HTTP status other than 200, or a JSON-RPC error response.
-- done() prints one line: RESULT <p50 ms> <p99 ms> <requests> <requests/s> <errors>
local target = os.getenv("TARGET") or "/api/jsonrpc"
local body = os.getenv("BODY") or ""
local jobs = tonumber(os.getenv("JOBS") or "0")
local token = os.getenv("TOKEN") or ""
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
  math.randomseed(os.time() + (wrk.thread and 0 or 0) + math.floor(os.clock() * 1000000))
  wrk.headers["Content-Type"] = "application/json"
  if token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
end

function request()
  if body == "" then
    return wrk.format("GET", target)
  end
  local b = body
  if jobs > 0 and b:find("%ID%", 1, true) then
    local id = string.format("bench-%08d", 4 * math.random(0, math.floor(jobs / 4) - 1))
    b = b:gsub("%%ID%%", id)
  end
  return wrk.format("POST", target, nil, b)
end

function response(status, headers, b)
  if status ~= 200 or b:find('^{"jsonrpc":"2.0","error"') then
    bad = bad + 1
    if bad <= 3 then io.stderr:write("bad answer (" .. status .. "): " .. b:sub(1, 300) .. "\n") end
  end
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  for _, thread in ipairs(threads) do
    errors = errors + (thread:get("bad") or 0)
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT %.2f %.2f %d %.1f %d\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests, summary.requests / seconds, errors))
end
