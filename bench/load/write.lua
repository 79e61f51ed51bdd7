-- Data-value batches of bench/load.sh: each POST /api/data-values writes three new values (building_area,
-- teaching_room_area, sports_area) of one school and one past year, all equal to the batch id, so a batch is
-- identified by its id alone: school = id % 20000, period = 1900 + id / 20000 (the seed holds only this year).
-- Ids are LOAD_BASE + thread * 100000 + n; every 2xx answer appends the id to LOAD_ACKS.<thread>, flushed at
-- once. Run with as many connections as threads (-c = -t): one connection per thread answers in request
-- order, so the answer belongs to the id sent last; a request lost with its connection is never logged.
dofile(os.getenv("LOAD_DIR") .. "/common.lua")
local items = { "building_area", "teaching_room_area", "sports_area" }

function init(args)
  n = 0
  base = tonumber(os.getenv("LOAD_BASE")) + tid * 100000
  acks = assert(io.open(os.getenv("LOAD_ACKS") .. "." .. tid, "a"))
  headers = { ["Authorization"] = api_headers["Authorization"], ["Accept"] = "application/json",
    ["Content-Type"] = "application/json" }
end

function request()
  n = n + 1
  current = base + n
  local unit = school(current % SCHOOLS)
  local values = {}
  for i, item in ipairs(items) do
    values[i] = string.format('{"orgUnit":"%s","item":"%s","value":"%d"}', unit, item, current)
  end
  local body = string.format('{"period":"%d","values":[%s]}', 1900 + math.floor(current / SCHOOLS),
    table.concat(values, ","))
  return wrk.format("POST", "/api/data-values", headers, body)
end

function response(status, headers, body)
  count_status(status)
  if status >= 200 and status < 300 then
    acks:write(current, "\n")
    acks:flush()
  end
end
