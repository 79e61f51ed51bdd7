-- A browser session of bench/load.sh through the form login: GET /login (the session cookie and the _csrf
-- field), POST /login, then LOAD_PAGES pages on that session, then a new login. One connection per thread
-- (-c = -t) keeps each thread's steps in order. Sign-in posts are rate limited per client address (30 a
-- minute): with 2 connections and 200 pages per login this stays below it.
dofile(os.getenv("LOAD_DIR") .. "/common.lua")
local user = os.getenv("LOAD_USER")
local password = os.getenv("LOAD_PASSWORD")
local page = os.getenv("LOAD_PAGE") or "/"
local pages_per_login = tonumber(os.getenv("LOAD_PAGES") or "200")

function init(args)
  state = "form"
  cookie = nil
  pages = 0
end

local function header(headers, name)
  for k, v in pairs(headers) do
    if string.lower(k) == name then return v end
  end
  return nil
end

local function url_encode(s)
  return (string.gsub(s, "[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  local h = { ["Accept"] = "text/html" }
  if cookie then h["Cookie"] = cookie end
  if state == "form" then
    return wrk.format("GET", "/login", h)
  elseif state == "post" then
    h["Content-Type"] = "application/x-www-form-urlencoded"
    return wrk.format("POST", "/login", h, "username=" .. url_encode(user) .. "&password=" .. url_encode(password)
      .. "&_csrf=" .. url_encode(csrf))
  end
  return wrk.format("GET", page, h)
end

function response(status, headers, body)
  count_status(status)
  local set = header(headers, "set-cookie")
  if set then
    cookie = string.match(set, "^(SESSION=[^;]+)") or cookie
  end
  if state == "form" then
    csrf = string.match(body, 'name="_csrf" value="([^"]+)"')
    if status == 200 and csrf then state = "post" end
  elseif state == "post" then
    local location = header(headers, "location") or ""
    if status == 302 and not string.find(location, "error") then
      state = "page"
      pages = 0
    else
      if status < 400 then bad = bad + 1 end
      state = "form"
      cookie = nil
    end
  else
    pages = pages + 1
    -- a redirect to the login page is a lost session: an error, though wrk counts only 4xx/5xx
    if status ~= 200 and status < 400 then bad = bad + 1 end
    if status ~= 200 or pages >= pages_per_login then
      state = "form"
      cookie = nil
    end
  end
end
