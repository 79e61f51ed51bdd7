-- Reads and what-if scores of bench/load.sh, one kind per wrk process (LOAD_KIND), random units of the city.
dofile(os.getenv("LOAD_DIR") .. "/common.lua")
local kind = os.getenv("LOAD_KIND")
local project = os.getenv("LOAD_PROJECT")

function init(args)
  seed_random()
end

function request()
  if kind == "unit" then
    return wrk.format("GET", "/api/org-units/" .. school(math.random(0, SCHOOLS - 1)), api_headers)
  elseif kind == "children" then
    return wrk.format("GET", "/api/org-units?parent=" .. township(math.random(0, TOWNSHIPS - 1)), api_headers)
  elseif kind == "ranked" then
    return wrk.format("GET", "/api/projects/" .. project .. "/evaluations?under="
      .. township(math.random(0, TOWNSHIPS - 1)) .. "&sort=total", api_headers)
  elseif kind == "dashboard" then
    return wrk.format("GET", "/api/reports/dashboard?project=" .. project .. "&orgUnit="
      .. county(math.random(0, 19)), api_headers)
  elseif kind == "whatif" then
    local h = { ["Authorization"] = api_headers["Authorization"], ["Accept"] = "application/json",
      ["Content-Type"] = "application/json" }
    return wrk.format("POST", "/api/schemes/YWBZH/score", h,
      '{"unit":"' .. school(math.random(0, SCHOOLS - 1)) .. '"}')
  end
  error("unknown LOAD_KIND " .. tostring(kind))
end

function response(status, headers, body)
  count_status(status)
end
