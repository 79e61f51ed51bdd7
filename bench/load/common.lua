-- Shared by the wrk scripts of bench/load.sh: the seeded city's codes (BulkScoringBench.seedSchools: 20 counties ×
-- 20 townships, school i under township i % 400 with the suffix i / 400) and the per-endpoint summary line.
-- wrk runs LuaJIT (Lua 5.1): no integer division operator, hence math.floor.
SCHOOLS = 20000
TOWNSHIPS = 400

function township(k)
  return string.format("BS01%02d%02d", math.floor(k / 20) + 1, k % 20 + 1)
end

function school(i)
  return township(i % TOWNSHIPS) .. string.format("%04d", math.floor(i / TOWNSHIPS))
end

function county(k)
  return string.format("BS01%02d", k + 1)
end

-- LOAD_AUTH is the whole Authorization header value ("Bearer dd_…" or "Basic …")
api_headers = { ["Authorization"] = os.getenv("LOAD_AUTH"), ["Accept"] = "application/json" }

local threads = {}
function setup(thread)
  thread:set("tid", #threads)
  thread:set("bad", 0)
  table.insert(threads, thread)
end

-- the answers that were not 2xx/3xx, by status (reported in the last column)
statuses = {}
function count_status(status)
  if status >= 400 then
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function seed_random()
  math.randomseed(os.time() * 100 + (tid or 0) * 7919 + math.floor(os.clock() * 1e6))
end

-- one tab-separated line per endpoint: name, requests, seconds, p50 ms, p99 ms, errors (4xx/5xx answers plus
-- what a script counted in its "bad" global, e.g. a page answered by a redirect to the login), socket errors
-- (connect, read, write, timeout), the 4xx/5xx answers by status
function done(summary, latency, requests)
  local e = summary.errors
  local bad = 0
  local by_status = {}
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("bad") or 0)
    for status, n in pairs(thread:get("statuses") or {}) do
      by_status[status] = (by_status[status] or 0) + n
    end
  end
  local listed = {}
  for status, n in pairs(by_status) do
    table.insert(listed, status .. "x" .. n)
  end
  table.sort(listed)
  local f = assert(io.open(os.getenv("LOAD_OUT"), "a"))
  f:write(string.format("%s\t%d\t%.3f\t%.1f\t%.1f\t%d\t%d\t%s\n", os.getenv("LOAD_NAME"), summary.requests,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.status + bad,
    e.connect + e.read + e.write + e.timeout, table.concat(listed, " ")))
  f:close()
end
