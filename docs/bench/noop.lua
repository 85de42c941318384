-- wrk script: the authenticated no-op (GET /api/v1/me) under the key in REDRESS_KEY, the baseline
-- a JSON check is compared with (run-noop-ratio.sh).
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("REDRESS_KEY")
request = function()
  return wrk.format(nil, "/api/v1/me")
end
