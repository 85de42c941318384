-- wrk script: batches of JSON upload checks (POST /api/v1/checks/batch), REDRESS_BATCH checks per
-- request (default 100), under the platform key in REDRESS_KEY. Each check has a content id of its
-- own and a PDQ hash drawn from a pool of random hashes made once at start, so that wrk spends its
-- time sending rather than drawing random digits (every check still searches the whole bank).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("REDRESS_KEY")

local size = tonumber(os.getenv("REDRESS_BATCH") or "100")
local digits = "0123456789abcdef"
local pool = {}
for p = 1, 4096 do
  local hex = {}
  for i = 1, 64 do
    local k = math.random(1, 16)
    hex[i] = digits:sub(k, k)
  end
  pool[p] = table.concat(hex)
end

local counter = 0

request = function()
  local checks = {}
  for c = 1, size do
    counter = counter + 1
    checks[c] = '{"contentId":"batch-' .. counter .. '","uploaderId":"bench-uploader","pdq":"'
      .. pool[math.random(1, #pool)] .. '"}'
  end
  return wrk.format(nil, "/api/v1/checks/batch", nil, '{"checks":[' .. table.concat(checks, ",") .. ']}')
end
