-- deals.lua: wrk script for the deal benchmark (bench/deals.sh): GET one
-- deal with everything nested, a different random one each request.
-- BENCH_DEAL_FIRST and BENCH_DEAL_LAST give the range of deal ids.
local first = tonumber(os.getenv("BENCH_DEAL_FIRST") or "1")
local last = tonumber(os.getenv("BENCH_DEAL_LAST") or "1")
local threads = 0

-- Every route but /healthz needs a login: the API token the benchmark
-- made (BENCH_TOKEN), sent as a Bearer header with every request.
local token = os.getenv("BENCH_TOKEN") or ""
if token ~= "" then
   wrk.headers["Authorization"] = "Bearer " .. token
end

function setup(thread)
   threads = threads + 1
   thread:set("seed", threads)
end

function init(args)
   math.randomseed(104729 * (seed or 1))
end

function request()
   return wrk.format("GET", "/api/v1/deals/" .. math.random(first, last))
end
