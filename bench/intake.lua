-- POST /api/fault-reports with the demo provider's key (organisation SE2321000230, local profile).
-- INTAKE_SCENARIO=spread: reports over every system of the catalog; burst: every report on one system.
-- INTAKE_UNIT marks this run's reports (unit name); INTAKE_IDS is a directory for the ids answered 201,
-- so that the script can check afterwards that each one is stored and announced.
local scenario = os.getenv("INTAKE_SCENARIO") or "spread"
local unit = os.getenv("INTAKE_UNIT") or "Bench intake"
local ids_dir = os.getenv("INTAKE_IDS") or "/tmp"

local systems = {
  {"norrbotten", "cosmic"}, {"norrbotten", "vas-las"}, {"norrbotten", "labportalen"},
  {"norrbotten", "sectra"}, {"norrbotten", "lifecare-sp"}, {"kronoberg", "cosmic"},
  {"kronoberg", "sectra-pacs-vna"}, {"kronoberg", "1177"}, {"kronoberg", "tele-q"},
  {"dalarna", "takecare"}, {"dalarna", "sema-200"}, {"dalarna", "webcert"}, {"dalarna", "npo"},
  {"dalarna", "picsara"}, {"varmland", "cosmic"}, {"varmland", "1177"}, {"varmland", "rgs-webb"},
  {"jamtland-harjedalen", "citrix"}, {"jamtland-harjedalen", "npo"},
  {"jamtland-harjedalen", "pascal"}, {"jamtland-harjedalen", "1177"},
}
local urgencies = {"LOW", "MEDIUM", "HIGH"}

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

local bodies = {}
-- Globals, so that done() can read them from each thread.
sent, created, refused = 0, 0, 0
local n = 0
local ids

function init(args)
  math.randomseed(os.time() + tid)
  for i = 1, 256 do
    local s = scenario == "burst" and {"dalarna", "takecare"} or systems[math.random(#systems)]
    bodies[i] = string.format(
      '{"reporterHsaId":"SE2321000230-V%d","unitName":"%s","contactName":"Bench Kontakt",'
        .. '"contactEmail":"felanmalan-%d@example.se","contactPhone":"+46 23 49 00 00",'
        .. '"region":"%s","system":"%s","description":"%s svarar inte: inloggningen hänger efter lösenordet.",'
        .. '"urgency":"%s","language":"sv"}',
      math.random(1, 400), unit, math.random(1, 400), s[1], s[2], s[2], urgencies[math.random(3)])
  end
  ids = io.open(ids_dir .. "/ids-" .. tid, "w")
  ids:setvbuf("line") -- wrk exits without closing its Lua states
  wrk.method = "POST"
  wrk.path = "/api/fault-reports"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-Api-Key"] = os.getenv("INTAKE_API_KEY") or "demo-provider-key"
end

function request()
  n = n + 1
  sent = sent + 1
  return wrk.format(nil, nil, nil, bodies[(n % #bodies) + 1])
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
    ids:write(string.match(body, '"id":"([0-9a-f-]+)"') or "?", "\n")
  else
    refused = refused + 1
    if refused <= 3 then io.stderr:write("answer " .. status .. ": " .. string.sub(body, 1, 300) .. "\n") end
  end
end

function done(summary, latency, requests)
  local s, c, r = 0, 0, 0
  for _, t in ipairs(threads) do
    s = s + t:get("sent"); c = c + t:get("created"); r = r + t:get("refused")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT rps=%.1f p50_ms=%.1f p99_ms=%.1f sent=%d created=%d refused=%d errors=%d\n",
    (c + r) / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, s, c, r,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
