-- wrk script: JSON upload checks with a random PDQ hash each, under the platform key in
-- REDRESS_KEY. The bank is random, so nearly every check answers ALLOW, as most real uploads
-- do; every check still searches the whole bank, is audited and is registered.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("REDRESS_KEY")

local counter = 0
local digits = "0123456789abcdef"

request = function()
  counter = counter + 1
  local hex = {}
  for i = 1, 64 do
    local k = math.random(1, 16)
    hex[i] = digits:sub(k, k)
  end
  local body = '{"contentId":"bench-' .. counter .. '","uploaderId":"bench-uploader","pdq":"' .. table.concat(hex) .. '"}'
  return wrk.format(nil, "/api/v1/checks", nil, body)
end
